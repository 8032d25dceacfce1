import Foundation
import MizzenCore

/// The human-readable output of `send`, `check-connection` and `history`, as lines to print
/// with `printText` (which escapes each one). The key is only ever shown masked.
enum SignalTextRenderer {
  static func plan(_ plan: SignalPlan, environment: [String: String]) -> [String] {
    var lines: [String] = []
    let change =
      plan.signal.channel == Channel.push.rawValue
      ? "push_subscribe " + plan.state.pushSubscribe
      : plan.state.subscriptionState
    lines.append(
      "Signal: \(plan.signal.topic)/\(plan.signal.channel) for \(plan.identitySpace)="
        + "\(plan.identityValue) (sent as \(plan.brazeField.rawValue)), "
        + "\(plan.state.rawValue) → \(change)")
    lines.append("Connection: \(plan.connection), key \(plan.keySource.displayText)")
    lines.append("Call: " + plan.routeReason)
    for (index, request) in plan.requests.enumerated() {
      lines.append("")
      lines += self.request(
        request, number: index + 1, keySource: plan.keySource, environment: environment)
    }
    for note in plan.notes { lines.append("Note: " + note) }
    return lines
  }

  static func request(
    _ request: PlannedRequest, number: Int?, keySource: APIKeySource,
    environment: [String: String]
  ) -> [String] {
    let prefix = number.map { "\($0). " } ?? ""
    var lines = ["\(prefix)\(request.purpose.rawValue): \(request.method) \(request.url)"]
    for header in request.displayHeaders(keySource: keySource, environment: environment) {
      lines.append("   \(header.name): \(header.value)")
    }
    lines.append("   Needs permission: \(request.permission.rawValue)")
    if let body = request.bodyText { lines.append("   " + body) }
    return lines
  }

  static func exchange(_ exchange: BrazeExchange) -> [String] {
    let count = exchange.attempts.count
    let attempts = count == 1 ? "1 attempt" : "\(count) attempts"
    let status = exchange.outcome.status.map { "HTTP \($0)" } ?? "no answer"
    var lines = [
      "\(exchange.request.purpose.rawValue): \(status) in \(milliseconds(exchange.latencyMs)), "
        + "\(attempts)"
    ]
    if count > 1 {
      for attempt in exchange.attempts {
        var line = "   attempt \(attempt.number): "
        line += attempt.status.map { "HTTP \($0)" } ?? (attempt.error ?? "no answer")
        line += " in \(milliseconds(attempt.latencyMs))"
        if let wait = attempt.waitMs { line += ", then waited \(milliseconds(wait))" }
        lines.append(line)
      }
    }
    if let last = exchange.attempts.last {
      if let body = last.body, !body.isEmpty { lines.append("   response: " + body) }
      if let limits = last.rateLimit { lines.append("   " + rateLimit(limits)) }
      if let id = last.requestId { lines.append("   Braze request id: " + id) }
    }
    lines.append("   " + exchange.outcome.message)
    return lines
  }

  static func result(_ result: SignalResult, journalPath: String?) -> [String] {
    var lines: [String] = []
    for exchange in result.exchanges {
      lines += self.exchange(exchange)
    }
    if let verification = result.entry.verification {
      lines.append(
        (verification.matches ? "Verified: " : "Not verified: ") + verification.message)
    }
    if let journalPath, result.journalError == nil {
      lines.append("Recorded in \(journalPath)")
    }
    return lines
  }

  /// Nil fields (absent or empty headers) read as "?"; a record without any is never made.
  static func rateLimit(_ limits: RateLimitHeaders) -> String {
    var text = "rate limit: \(limits.remaining ?? "?") of \(limits.limit ?? "?") left"
    if let reset = limits.resetEpochSeconds {
      text += ", window resets " + JournalTime.string(Date(timeIntervalSince1970: reset))
    }
    return text
  }

  /// One line per journal entry for `mizzen history`.
  static func historyLine(_ entry: JournalEntry) -> String {
    var outcome = entry.outcome.kind.words
    if let status = entry.outcome.status { outcome += " \(status)" }
    if let verification = entry.verification {
      outcome += verification.matches ? ", verified" : ", NOT verified"
    }
    let attempts = entry.attempts == 1 ? "1 attempt" : "\(entry.attempts) attempts"
    var fields = [
      entry.time, "\(entry.topic)/\(entry.channel)",
      "\(entry.identitySpace)=\(entry.identityValue)",
      entry.isVerify ? "verify" : entry.state, outcome, milliseconds(entry.latencyMs), attempts,
    ]
    if let id = entry.requestId { fields.append("request " + id) }
    return fields.joined(separator: "  ")
  }

  static func milliseconds(_ value: Double) -> String {
    value >= 1000
      ? FixedPoint.format(value / 1000, places: 2) + " s"
      : FixedPoint.format(value, places: 1) + " ms"
  }
}
