/// Reads one journal line without `JSONDecoder`, which costs tens of microseconds an entry:
/// half a second for a 10,000-entry journal, read again each time History is shown.
///
/// Nil when the line is not exactly in the shape the journal writes (a wrong type, an
/// unknown name, a duplicate key); the caller then decodes it with `JSONDecoder`, so what
/// a line means never depends on which reader read it.
enum JournalLineReader {
  static func entry(_ line: ArraySlice<UInt8>) -> JournalEntry? {
    guard let value = try? JSONReader.parse(Array(line)) else { return nil }
    return entry(value)
  }

  static func entry(_ value: JSONValue) -> JournalEntry? {
    guard let time = string(value["time"]), let topic = string(value["topic"]),
      let channel = string(value["channel"]), let connection = string(value["connection"]),
      let identitySpace = string(value["identitySpace"]),
      let identityValue = string(value["identityValue"]),
      let brazeField = string(value["brazeField"]), let state = string(value["state"]),
      let group = optional(value["subscriptionGroupId"], string),
      case .array(let requestValues)? = value["requests"],
      let latencyMs = double(value["latencyMs"]), let attempts = int(value["attempts"]),
      let outcome = outcome(value["outcome"]),
      let verification = optional(value["verification"], verification),
      let requestId = optional(value["requestId"], string)
    else { return nil }
    var requests: [JournalRequest] = []
    for requestValue in requestValues {
      guard let request = request(requestValue) else { return nil }
      requests.append(request)
    }
    return JournalEntry(
      time: time, topic: topic, channel: channel, connection: connection,
      identitySpace: identitySpace, identityValue: identityValue, brazeField: brazeField,
      state: state, subscriptionGroupId: group, requests: requests, latencyMs: latencyMs,
      attempts: attempts, outcome: outcome, verification: verification, requestId: requestId)
  }

  private static func request(_ value: JSONValue) -> JournalRequest? {
    guard let purpose = string(value["purpose"]).flatMap(RequestPurpose.init(rawValue:)),
      let method = string(value["method"]), let url = string(value["url"]),
      let body = optional(value["body"], string),
      let permission = string(value["permission"]).flatMap(BrazePermission.init(rawValue:)),
      case .array(let attemptValues)? = value["attempts"],
      let latencyMs = double(value["latencyMs"]), let outcome = outcome(value["outcome"])
    else { return nil }
    var attempts: [BrazeAttempt] = []
    for attemptValue in attemptValues {
      guard let attempt = attempt(attemptValue) else { return nil }
      attempts.append(attempt)
    }
    return JournalRequest(
      purpose: purpose, method: method, url: url, body: body, permission: permission,
      attempts: attempts, latencyMs: latencyMs, outcome: outcome)
  }

  private static func attempt(_ value: JSONValue) -> BrazeAttempt? {
    guard let number = int(value["number"]), let status = optional(value["status"], int),
      let body = optional(value["body"], string),
      let rateLimit = optional(value["rateLimit"], rateLimit),
      let latencyMs = double(value["latencyMs"]), let error = optional(value["error"], string),
      let waitMs = optional(value["waitMs"], double),
      let requestId = optional(value["requestId"], string)
    else { return nil }
    return BrazeAttempt(
      number: number, status: status, body: body, rateLimit: rateLimit, latencyMs: latencyMs,
      error: error, waitMs: waitMs, requestId: requestId)
  }

  private static func rateLimit(_ value: JSONValue?) -> RateLimitHeaders? {
    guard case .object? = value, let limit = optional(value?["limit"], string),
      let remaining = optional(value?["remaining"], string),
      let reset = optional(value?["reset"], string)
    else { return nil }
    return RateLimitHeaders(limit: limit, remaining: remaining, reset: reset)
  }

  private static func outcome(_ value: JSONValue?) -> BrazeOutcome? {
    guard let kind = string(value?["kind"]).flatMap(BrazeOutcome.Kind.init(rawValue:)),
      let status = optional(value?["status"], int), let message = string(value?["message"]),
      let brazeMessage = optional(value?["brazeMessage"], string),
      case .array(let errorValues)? = value?["brazeErrors"]
    else { return nil }
    var errors: [String] = []
    for errorValue in errorValues {
      guard let error = string(errorValue) else { return nil }
      errors.append(error)
    }
    return BrazeOutcome(
      kind: kind, status: status, message: message, brazeMessage: brazeMessage,
      brazeErrors: errors)
  }

  private static func verification(_ value: JSONValue?) -> VerificationResult? {
    guard let expected = string(value?["expected"]),
      let observed = optional(value?["observed"], string),
      case .bool(let matches)? = value?["matches"], let message = string(value?["message"])
    else { return nil }
    return VerificationResult(
      expected: expected, observed: observed, matches: matches, message: message)
  }

  /// A member that may be missing or null: `.some(nil)` then, `.some(value)` when it reads,
  /// nil when it is there but of the wrong kind (the line is then not ours to read).
  private static func optional<T>(_ value: JSONValue?, _ read: (JSONValue?) -> T?) -> T?? {
    switch value {
    case nil, .null?: return .some(nil)
    case let present?: return read(present).map { .some($0) }
    }
  }

  private static func string(_ value: JSONValue?) -> String? {
    if case .string(let text)? = value { return text }
    return nil
  }

  private static func int(_ value: JSONValue?) -> Int? {
    if case .integer(let number)? = value { return number }
    return nil
  }

  private static func double(_ value: JSONValue?) -> Double? {
    switch value {
    case .integer(let number)?: return Double(number)
    case .double(let number)?: return number
    default: return nil
    }
  }
}

extension JournalRequest {
  init(
    purpose: RequestPurpose, method: String, url: String, body: String?,
    permission: BrazePermission, attempts: [BrazeAttempt], latencyMs: Double,
    outcome: BrazeOutcome
  ) {
    self.purpose = purpose
    self.method = method
    self.url = url
    self.body = body
    self.permission = permission
    self.attempts = attempts
    self.latencyMs = latencyMs
    self.outcome = outcome
  }
}
