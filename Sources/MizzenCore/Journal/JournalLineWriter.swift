/// Writes one journal line without `JSONEncoder`, which with its keyed containers and the
/// protocol-conformance lookups they trigger costs about 5% of a send's CPU.
///
/// The bytes are exactly those of `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// (`JournalLineWriterTests` compares the two on many entries): keys in the order that
/// sorting gives, a nil optional left out, strings escaped as `JSONWriter.appendString`
/// does, integers in decimal, and a `Double` as its `description` without a trailing `.0`.
/// Nil when a `Double` is not finite, which `JSONEncoder` refuses with an error of its own:
/// the caller then encodes with it, so such an entry fails exactly as before.
enum JournalLineWriter {
  static func line(_ entry: JournalEntry) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    var writer = ObjectWriter(out: out)
    guard writer.entry(entry) else { return nil }
    return writer.out
  }

  /// Appends members in the order they are given, which is the sorted order of their keys.
  private struct ObjectWriter {
    var out: [UInt8]
    private var first = true

    init(out: [UInt8]) {
      self.out = out
    }

    mutating func entry(_ entry: JournalEntry) -> Bool {
      open()
      int("attempts", entry.attempts)
      string("brazeField", entry.brazeField)
      string("channel", entry.channel)
      string("connection", entry.connection)
      string("identitySpace", entry.identitySpace)
      string("identityValue", entry.identityValue)
      guard double("latencyMs", entry.latencyMs) else { return false }
      key("outcome")
      outcome(entry.outcome)
      if let requestId = entry.requestId { string("requestId", requestId) }
      key("requests")
      guard array(entry.requests, { $0.request($1) }) else { return false }
      string("state", entry.state)
      if let group = entry.subscriptionGroupId { string("subscriptionGroupId", group) }
      string("time", entry.time)
      string("topic", entry.topic)
      if let verification = entry.verification {
        key("verification")
        open()
        string("expected", verification.expected)
        bool("matches", verification.matches)
        string("message", verification.message)
        if let observed = verification.observed { string("observed", observed) }
        close()
      }
      close()
      return true
    }

    private mutating func request(_ request: JournalRequest) -> Bool {
      open()
      key("attempts")
      guard array(request.attempts, { $0.attempt($1) }) else { return false }
      if let body = request.body { string("body", body) }
      guard double("latencyMs", request.latencyMs) else { return false }
      string("method", request.method)
      key("outcome")
      outcome(request.outcome)
      string("permission", request.permission.rawValue)
      string("purpose", request.purpose.rawValue)
      string("url", request.url)
      close()
      return true
    }

    private mutating func attempt(_ attempt: BrazeAttempt) -> Bool {
      open()
      if let body = attempt.body { string("body", body) }
      if let error = attempt.error { string("error", error) }
      guard double("latencyMs", attempt.latencyMs) else { return false }
      int("number", attempt.number)
      if let rateLimit = attempt.rateLimit {
        key("rateLimit")
        open()
        if let limit = rateLimit.limit { string("limit", limit) }
        if let remaining = rateLimit.remaining { string("remaining", remaining) }
        if let reset = rateLimit.reset { string("reset", reset) }
        close()
      }
      if let requestId = attempt.requestId { string("requestId", requestId) }
      if let status = attempt.status { int("status", status) }
      if let waitMs = attempt.waitMs {
        guard double("waitMs", waitMs) else { return false }
      }
      close()
      return true
    }

    private mutating func outcome(_ outcome: BrazeOutcome) {
      open()
      key("brazeErrors")
      _ = array(outcome.brazeErrors) { writer, error in
        JSONWriter.appendString(error, to: &writer.out)
        return true
      }
      if let brazeMessage = outcome.brazeMessage { string("brazeMessage", brazeMessage) }
      string("kind", outcome.kind.rawValue)
      string("message", outcome.message)
      if let status = outcome.status { int("status", status) }
      close()
    }

    /// `[`, each element as `element` writes it, comma-separated, `]`; false as soon as
    /// `element` is.
    private mutating func array<Element>(
      _ elements: [Element], _ element: (inout ObjectWriter, Element) -> Bool
    ) -> Bool {
      out.append(UInt8(ascii: "["))
      for index in elements.indices {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        guard element(&self, elements[index]) else { return false }
      }
      out.append(UInt8(ascii: "]"))
      return true
    }

    private mutating func open() {
      out.append(UInt8(ascii: "{"))
      first = true
    }

    /// Ends an object; the object that held it has had a member written, so a comma goes
    /// before its next one.
    private mutating func close() {
      out.append(UInt8(ascii: "}"))
      first = false
    }

    /// `"name":`, after a comma unless it is the object's first member. The names are ASCII
    /// letters, which need no escape.
    private mutating func key(_ name: StaticString) {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out.append(UInt8(ascii: "\""))
      name.withUTF8Buffer { out.append(contentsOf: $0) }
      out.append(UInt8(ascii: "\""))
      out.append(UInt8(ascii: ":"))
    }

    private mutating func string(_ name: StaticString, _ value: String) {
      key(name)
      JSONWriter.appendString(value, to: &out)
    }

    private mutating func int(_ name: StaticString, _ value: Int) {
      key(name)
      out.append(contentsOf: String(value).utf8)
    }

    private mutating func bool(_ name: StaticString, _ value: Bool) {
      key(name)
      out.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// False for NaN and the infinities, which `JSONEncoder` refuses.
    private mutating func double(_ name: StaticString, _ value: Double) -> Bool {
      guard value.isFinite else { return false }
      key(name)
      var text = value.description
      if text.hasSuffix(".0") { text.removeLast(2) }
      out.append(contentsOf: text.utf8)
      return true
    }
  }
}
