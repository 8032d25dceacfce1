import Foundation
import MizzenCore

/// Draws the test-send screen: the fields, then the preview of the planned requests, the
/// spinner while a call is out, or the result pane.
enum TestSendRenderer {
  static func draw(
    _ send: TestSendState, _ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame
  ) {
    var lines: [(String, Role)] = []
    let name = state.workspace.topic(send.topic)?.name ?? ""
    lines.append(("Test-send one signal of topic \(send.topic) (\(name))", .columnTitle))
    let editing = send.phase == .editing
    func role(_ focus: Int) -> Role { editing && send.focus == focus ? .inputFocus : .input }
    // The focus is marked by › as well as by colour, so it shows under NO_COLOR.
    func mark(_ focus: Int) -> String { editing && send.focus == focus ? "› " : "  " }
    let labels = send.labelWidth + 1
    func label(_ text: String) -> String { TextFit.pad(text, to: labels) }
    lines.append((mark(0) + label("Channel") + "‹ \(send.channelLabel) ›", role(0)))
    // A value is a field between brackets, measured in cells: the focused one shows the
    // part around its cursor, the others their start cut with "…", so the closing bracket
    // always shows and the cursor stays inside it.
    let valueColumn = 2 + 2 + labels + 1
    let valueWidth = max(2, body.width - 2 - valueColumn - 1)
    var cursor: Position?
    for (index, space) in send.spaces.enumerated() {
      let remembered =
        send.recalled.contains(index) ? RecalledValues.note : ""
      let input = send.values[index]
      let shown: String
      if editing && send.focus == index + 1 {
        let window = input.window(width: valueWidth)
        shown = window.text
        cursor = Position(row: lines.count, column: valueColumn + window.cursorColumn)
      } else {
        shown = TextFit.truncate(String(input.text.prefix(valueWidth + 1)), to: valueWidth)
      }
      lines.append((mark(index + 1) + label(space) + "[\(shown)]" + remembered, role(index + 1)))
    }
    lines.append(
      (
        mark(send.choiceFocus) + label("Choice") + "‹ \(send.choice.rawValue) ›",
        role(send.choiceFocus)
      ))
    lines.append(("", .normal))
    switch send.phase {
    case .editing:
      lines += preview(send, state, width: body.width - 4)
    case .sending:
      lines.append(
        (
          "\(StatusRenderer.spinner[state.ticks % StatusRenderer.spinner.count]) Sending… esc cancels",
          .warning
        ))
    case .verifying:
      lines += result(send, width: body.width - 4)
      lines.append(
        (
          "\(StatusRenderer.spinner[state.ticks % StatusRenderer.spinner.count]) Verifying…",
          .warning
        ))
    case .done:
      lines += result(send, width: body.width - 4)
    }
    if let failure = send.failure {
      lines += TextFit.wrap(failure, to: body.width - 4).map { ($0, .error) }
    }
    for (offset, line) in lines.prefix(body.height).enumerated() {
      frame.draw(line.0, row: body.top + offset, column: 2, width: body.width - 4, role: line.1)
    }
    if let cursor, cursor.row < body.height, state.overlay == nil, state.prompt == nil {
      frame.cursor = Position(row: body.top + cursor.row, column: cursor.column)
    }
  }

  /// Each planned request: method, URL, headers with the key masked, body, permission.
  static func preview(_ send: TestSendState, _ state: ConsoleState, width: Int) -> [(String, Role)]
  {
    switch send.plans(in: state) {
    case .failure(let error):
      let reason = TestSendState.explain(error, in: state.workspace)
      return TextFit.wrap("Cannot send yet: " + reason, to: width).map { ($0, .warning) }
    case .success(let plans):
      var lines: [(String, Role)] = []
      // The key's variable is read at send time: say before enter when it is not set.
      var warned: Set<String> = []
      for plan in plans {
        guard case .environment(let name) = plan.keySource,
          let names = state.options.environmentNames, !names.contains(name),
          warned.insert(name).inserted
        else { continue }
        let warning =
          "⚠ $\(name), the key of connection \(plan.connection), is not set in mizzen's "
          + "environment: enter will send nothing. Quit, set it, and start mizzen again."
        lines += TextFit.wrap(warning, to: width).map { ($0, .warning) }
      }
      lines.append(
        (
          plans.count > 1
            ? "Preview, \(plans.count) calls (enter sends):" : "Preview (enter sends):",
          .columnTitle
        ))
      for plan in plans { lines += preview(plan, width: width) }
      return lines
    }
  }

  /// One call's preview: why v1 or v2, then each request.
  static func preview(_ plan: SignalPlan, width: Int) -> [(String, Role)] {
    var lines: [(String, Role)] = [("\(plan.signal.channel): \(plan.routeReason)", .dim)]
    for request in plan.requests {
      lines.append(("\(request.method) \(request.url)", .normal))
      lines.append(("  needs the permission \(request.permission.rawValue)", .dim))
      lines.append(("  Authorization: Bearer " + keyText(plan.keySource), .dim))
      for header in request.headers {
        lines.append(("  \(header.name): \(header.value)", .dim))
      }
      if let body = request.bodyText {
        lines += wrapBody(body, width: width).map { ($0, .normal) }
      }
    }
    for note in plan.notes {
      lines += TextFit.wrap(note, to: width).map { ($0, .dim) }
    }
    return lines
  }

  /// A request body pretty-printed, each line wrapped at spaces (never inside a key, a
  /// value or an id) with its continuation indented under it.
  static func wrapBody(_ body: String, width: Int) -> [String] {
    let pretty = JSONPretty.format(body) ?? body
    return pretty.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
      let indent = "  " + String(line.prefix { $0 == " " })
      let text = String(line.drop { $0 == " " })
      let wrapped = TextFit.wrap(text, to: max(10, width - DisplayWidth.of(indent) - 2))
      return wrapped.enumerated().map { index, part in indent + (index == 0 ? "" : "  ") + part }
    }
  }

  /// When the rate-limit window resets, counted from when the call was made: "resets in
  /// 42 s". The raw value is shown when it cannot be read as epoch seconds.
  static func resetText(_ limit: RateLimitHeaders, sentAt time: String) -> String {
    guard let reset = limit.resetEpochSeconds else { return "reset \(limit.reset ?? "?")" }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    guard let sent = formatter.date(from: time) ?? ISO8601DateFormatter().date(from: time) else {
      return "reset \(limit.reset ?? "?")"
    }
    let seconds = Int((reset - sent.timeIntervalSince1970).rounded())
    return seconds > 0 ? "resets in \(seconds) s" : "reset when the call was made"
  }

  /// The key as shown: a variable's name (its value is read only when sending), or the
  /// inline key masked.
  static func keyText(_ source: APIKeySource) -> String {
    switch source {
    case .environment(let name): return "$\(name) (read when sending, never shown)"
    case .inline(let key): return APIKeySource.mask(key)
    }
  }

  /// The result pane: status, latency, attempts, Braze's words, rate limits, and what to
  /// check when it failed; then the read-back when there was one.
  static func result(_ send: TestSendState, width: Int) -> [(String, Role)] {
    guard send.entries.count > 1 else {
      return send.entry.map { result($0, send, width: width) } ?? []
    }
    return send.entries.flatMap { entry in
      [("\(entry.channel):", Role.columnTitle)] + result(entry, send, width: width)
    }
  }

  private static func result(_ entry: JournalEntry, _ send: TestSendState, width: Int)
    -> [(String, Role)]
  {
    var lines: [(String, Role)] = []
    let outcome = entry.outcome
    let status = outcome.status.map { "HTTP \($0)" } ?? "no HTTP answer"
    lines.append(
      (
        "Result: \(outcome.kind.words)  \(status)  \(Int(entry.latencyMs.rounded())) ms  "
          + "\(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s")",
        outcome.isSuccess ? .success : .error
      ))
    if let message = outcome.brazeMessage { lines.append(("Braze: \(message)", .normal)) }
    for error in outcome.brazeErrors { lines.append(("  error: \(error)", .error)) }
    for request in entry.requests {
      for attempt in request.attempts {
        var text = "  \(request.purpose.rawValue) attempt \(attempt.number): "
        text += attempt.status.map { "HTTP \($0)" } ?? (attempt.error ?? "no answer")
        text += " in \(Int(attempt.latencyMs.rounded())) ms"
        if let wait = attempt.waitMs { text += ", retried after \(Int(wait.rounded())) ms" }
        lines.append((text, .dim))
        if let limit = attempt.rateLimit {
          lines.append(
            (
              "    rate limit \(limit.limit ?? "?"), remaining \(limit.remaining ?? "?"), "
                + resetText(limit, sentAt: entry.time), .dim
            ))
        }
      }
    }
    if !outcome.isSuccess {
      lines += TextFit.wrap(outcome.message, to: width).map { ($0, .warning) }
    }
    if let verification = send.verification {
      let text = SendWording.verified(verification, after: send.entry)
      lines += TextFit.wrap("Verify: " + text, to: width).map {
        ($0, verification.matches ? .success : .warning)
      }
    } else if let outcome = send.verifyOutcome {
      lines += TextFit.wrap("Verify failed: " + outcome.message, to: width).map { ($0, .error) }
    }
    return lines
  }
}
