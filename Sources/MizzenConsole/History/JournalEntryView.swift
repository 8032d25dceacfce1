import MizzenCore

/// The screen that shows text in full, scrolling: one journal entry (what was sent, every
/// attempt and answer, and how it ended; esc goes back to History), or the latest status
/// messages (`:messages`).
public struct JournalEntryView: Equatable, Sendable {
  /// What the screen shows.
  public enum Content: Equatable, Sendable {
    case entry(JournalEntry)
    /// Status messages, oldest first.
    case messages([StatusMessage])
    /// A reconcile run and its batches, read once the screen is open.
    case run(ReconcileRun, RunBatches)
  }

  /// A run's batches: being read, read, or unreadable.
  public enum RunBatches: Equatable, Sendable {
    case loading
    case loaded([ReconcileBatchEntry])
    case failed(String)
  }

  public internal(set) var content: Content
  /// The first line on screen.
  public internal(set) var scroll = 0

  init(entry: JournalEntry) { self.content = .entry(entry) }

  /// The journal entry shown, if the screen shows one.
  public var entry: JournalEntry? {
    if case .entry(let entry) = content { return entry }
    return nil
  }

  init(messages: [StatusMessage]) { self.content = .messages(messages) }

  init(run: ReconcileRun) { self.content = .run(run, .loading) }

  /// True for the status messages (`:messages`), which belong to no section.
  public var isMessages: Bool {
    if case .messages = content { return true }
    return false
  }

  /// The title in the breadcrumb.
  var title: String {
    switch content {
    case .entry(let entry):
      return (entry.isVerify ? "Verify " : "Send ") + HistoryList.shortTime(entry.time)
    case .messages: return "Messages"
    case .run(let run, _): return "Reconcile " + HistoryList.shortTime(run.time)
    }
  }

  /// What the screen shows, as lines of at most `width` cells, with their colours.
  func lines(width: Int) -> [(String, Role)] {
    switch content {
    case .entry(let entry): return Self.lines(entry, width: width)
    case .messages(let messages): return Self.lines(messages, width: width)
    case .run(let run, let batches): return Self.lines(run, batches, width: width)
    }
  }

  /// A run: what it was and how it ended, then one line per batch it sent (time, endpoint,
  /// groups, identifiers, HTTP status, rows refused), each cut to the width.
  static func lines(_ run: ReconcileRun, _ batches: RunBatches, width: Int) -> [(String, Role)] {
    var lines: [(String, Role)] = []
    func add(_ text: String, _ role: Role) {
      lines += TextFit.wrap(text, to: max(1, width)).map { ($0, role) }
    }
    func field(_ label: String, _ value: String) {
      add(TextFit.pad(label, to: 15) + value, .normal)
    }
    add("Reconcile (" + HistoryList.mode(run) + ") at " + run.time, .columnTitle)
    field("Input", TerminalText.escaped(run.input))
    field("Rows", HistoryList.counts(run))
    field(
      "Ended", run.end.rawValue + (run.fatal.map { ": " + TerminalText.escaped($0) } ?? ""))
    if run.applies {
      field(
        "Sent", "\(run.batches) batch\(run.batches == 1 ? "" : "es"), \(run.errors) rows refused")
    }
    lines.append(("", .normal))
    switch batches {
    case .loading:
      add("Reading its batches…", .dim)
    case .failed(let message):
      add(TerminalText.escaped(message), .error)
    case .loaded(let batches) where batches.isEmpty:
      add(run.applies ? "It sent no batch." : "A read-only run sends no batch.", .dim)
    case .loaded(let batches):
      let header = [
        TextFit.pad("#", to: 6), TextFit.pad("Time (UTC)", to: 15), TextFit.pad("Status", to: 7),
        TextFit.pad("Ids", to: 5), TextFit.pad("Errors", to: 7), TextFit.pad("Groups", to: 7),
        "Endpoint",
      ]
      lines.append((TextFit.truncate(header.joined(), to: max(1, width)), .columnTitle))
      for batch in batches {
        var status = batch.status.map(String.init) ?? "—"
        if batch.attempts > 1 { status += "×\(batch.attempts)" }
        let groups = batch.groups.isEmpty ? "\(batch.objects)" : "\(batch.groups.count)"
        let cells = [
          TextFit.pad(String(batch.number + 1), to: 6),
          TextFit.pad(HistoryList.shortTime(batch.time), to: 15), TextFit.pad(status, to: 7),
          TextFit.pad(String(batch.identifiers), to: 5), TextFit.pad(String(batch.errors), to: 7),
          TextFit.pad(groups, to: 7),
          TerminalText.escaped(batch.endpoint ?? "—")
            + (batch.groups.isEmpty
              ? "" : "  " + batch.groups.map { TerminalText.escaped($0) }.joined(separator: ", ")),
        ]
        let failed = batch.errors > 0 || batch.outcome != "success"
        lines.append(
          (TextFit.truncate(cells.joined(), to: max(1, width)), failed ? .warning : .normal))
      }
    }
    return lines
  }

  /// The messages whole, newest first, each wrapped.
  static func lines(_ messages: [StatusMessage], width: Int) -> [(String, Role)] {
    guard !messages.isEmpty else { return [("No messages yet.", .dim)] }
    var lines: [(String, Role)] = [
      ("The last \(messages.count) messages, newest first; esc goes back.", .columnTitle)
    ]
    for message in messages.reversed() {
      let role: Role
      switch message.level {
      case .info: role = .normal
      case .success: role = .success
      case .warning: role = .warning
      case .error: role = .error
      }
      let wrapped = TextFit.wrap(message.text, to: max(1, width - 2))
      for (index, line) in wrapped.enumerated() {
        lines.append(((index == 0 ? "• " : "  ") + line, role))
      }
    }
    return lines
  }

  /// The entry as lines of at most `width` cells, with their colours.
  static func lines(_ entry: JournalEntry, width: Int) -> [(String, Role)] {
    var lines: [(String, Role)] = []
    func add(_ text: String, _ role: Role, indent: String = "") {
      lines += TextFit.wrap(text, to: max(1, width - DisplayWidth.of(indent))).map {
        (indent + $0, role)
      }
    }
    func field(_ label: String, _ value: String) {
      add(TextFit.pad(label, to: 15) + value, .normal)
    }
    add((entry.isVerify ? "Verify (read back) at " : "Test-send at ") + entry.time, .columnTitle)
    field("Topic/channel", entry.topic + "/" + entry.channel)
    field("Connection", entry.connection)
    field(
      "Identity",
      entry.identitySpace + "=" + entry.identityValue + ", sent as Braze " + entry.brazeField)
    let state = SignalState(text: entry.state)
    if let group = entry.subscriptionGroupId {
      field("Choice", entry.state + " → " + (state?.subscriptionState ?? "?"))
      field("Group id", group)
    } else {
      field("Choice", entry.state + " → push_subscribe " + (state?.pushSubscribe ?? "?"))
    }
    field(
      "Took",
      "\(Int(entry.latencyMs.rounded())) ms, \(entry.attempts) attempt"
        + (entry.attempts == 1 ? "" : "s"))
    if let id = entry.requestId { field("Request id", id) }
    for (number, request) in entry.requests.enumerated() {
      lines.append(("", .normal))
      add(
        "Request \(number + 1) of \(entry.requests.count): \(request.purpose.rawValue)",
        .columnTitle)
      add(request.method + " " + request.url, .normal, indent: "  ")
      add("needs the permission " + request.permission.rawValue, .dim, indent: "  ")
      if let body = request.body {
        add("Body:", .dim, indent: "  ")
        block(body, indent: "    ", &lines, width: width)
      }
      for attempt in request.attempts { self.attempt(attempt, &lines, width: width) }
      add(
        "Outcome: " + request.outcome.kind.words
          + (request.outcome.status.map { " (HTTP \($0))" } ?? ""),
        request.outcome.isSuccess ? .success : .warning, indent: "  ")
    }
    lines.append(("", .normal))
    let outcome = entry.outcome
    add(
      "Outcome: " + outcome.kind.words + (outcome.status.map { ", HTTP \($0)" } ?? ""),
      outcome.isSuccess ? .success : .error)
    if let message = outcome.brazeMessage { add("Braze: " + message, .normal, indent: "  ") }
    for error in outcome.brazeErrors { add("error: " + error, .error, indent: "  ") }
    add(outcome.message, outcome.isSuccess ? .normal : .warning, indent: "  ")
    if let verification = entry.verification {
      lines.append(("", .normal))
      add("Verification", .columnTitle)
      field("Expected", verification.expected)
      field("Observed", verification.observed ?? "nothing")
      add(verification.message, verification.matches ? .success : .warning, indent: "  ")
    }
    return lines
  }

  private static func attempt(_ attempt: BrazeAttempt, _ lines: inout [(String, Role)], width: Int)
  {
    var head = "Attempt \(attempt.number): "
    head += attempt.status.map { "HTTP \($0)" } ?? "no HTTP answer"
    head += " in \(Int(attempt.latencyMs.rounded())) ms"
    if let wait = attempt.waitMs { head += ", then waited \(Int(wait.rounded())) ms" }
    lines += TextFit.wrap(head, to: max(1, width - 2)).map { ("  " + $0, .normal) }
    if let limit = attempt.rateLimit {
      let text =
        "X-RateLimit-Limit \(limit.limit ?? "–"), X-RateLimit-Remaining "
        + "\(limit.remaining ?? "–"), X-RateLimit-Reset \(limit.reset ?? "–")"
      lines += TextFit.wrap(text, to: max(1, width - 4)).map { ("    " + $0, .dim) }
    }
    if let error = attempt.error {
      lines += TextFit.wrap("Error: " + error, to: max(1, width - 4)).map { ("    " + $0, .error) }
    }
    if let body = attempt.body {
      lines.append(("    Response:", .dim))
      block(body, indent: "      ", &lines, width: width)
    }
  }

  /// A body: indented JSON when it is JSON, else the text as it came; long lines wrap.
  private static func block(
    _ text: String, indent: String, _ lines: inout [(String, Role)], width: Int
  ) {
    let shown = JSONPretty.format(text) ?? text
    let room = max(1, width - DisplayWidth.of(indent))
    for line in shown.split(separator: "\n", omittingEmptySubsequences: false) {
      // Wrapping drops leading spaces, so the JSON indentation is put back by hand.
      let depth = String(line.prefix { $0 == " " })
      let rest = String(line.dropFirst(depth.count))
      lines += TextFit.wrap(rest, to: max(1, room - depth.count)).map {
        (indent + depth + $0, .normal)
      }
    }
  }
}
