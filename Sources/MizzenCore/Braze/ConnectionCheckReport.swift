/// What checking a connection found, permission by permission (SPEC §8).
public struct ConnectionCheckReport: Equatable, Sendable {
  public var plan: ConnectionCheckPlan
  public var rows: [PermissionCheckRow]

  public init(plan: ConnectionCheckPlan, rows: [PermissionCheckRow]) {
    self.plan = plan
    self.rows = rows
  }

  /// True when every permission that a read can prove was proved.
  public var works: Bool {
    rows.allSatisfy { $0.verdict == .has || $0.verdict == .sendOnly }
  }

  /// True when a read could not reach Braze (rather than being refused by it).
  public var unreachable: Bool {
    rows.contains { $0.exchange?.outcome.isNetworkFailure == true }
  }

  /// The first refusal or failure, for a one-line summary.
  public var firstProblem: PermissionCheckRow? {
    rows.first { $0.verdict != .has && $0.verdict != .sendOnly }
  }
}

/// One permission's verdict, with the call that proved it when there was one.
public struct PermissionCheckRow: Equatable, Sendable {
  /// How a permission stands.
  public enum Verdict: String, Equatable, Sendable, Codable {
    /// A read-only call with it succeeded.
    case has
    /// Braze answered 403 to the call that needs it.
    case lacks
    /// Braze refused the key itself (401): invalid, or for another instance.
    case keyRefused = "key-refused"
    /// The call failed for another reason (400, 5xx, network): nothing is proved.
    case failed
    /// A write permission: no read-only call needs it, only a send can prove it.
    case sendOnly = "send-only"
  }

  public var permission: BrazePermission
  public var use: String
  public var verdict: Verdict
  /// A sentence for the admin.
  public var explanation: String
  public var exchange: BrazeExchange?

  public init(
    permission: BrazePermission, use: String, verdict: Verdict, explanation: String,
    exchange: BrazeExchange?
  ) {
    self.permission = permission
    self.use = use
    self.verdict = verdict
    self.explanation = explanation
    self.exchange = exchange
  }
}

/// Performs a connection check: each read-only call in turn (none after a 401, which
/// answers for the key as a whole), and a verdict per permission.
public struct ConnectionChecker: Sendable {
  public var client: BrazeClient

  public init(client: BrazeClient) {
    self.client = client
  }

  public func run(_ plan: ConnectionCheckPlan, key: String) async -> ConnectionCheckReport {
    var rows: [PermissionCheckRow] = []
    var keyRefused = false
    for probe in plan.probes {
      guard let request = probe.request else {
        rows.append(
          PermissionCheckRow(
            permission: probe.permission, use: probe.use, verdict: .sendOnly,
            explanation: "only a send can prove it (no read-only call needs it)", exchange: nil))
        continue
      }
      if keyRefused || Task.isCancelled {
        rows.append(
          PermissionCheckRow(
            permission: probe.permission, use: probe.use,
            verdict: keyRefused ? .keyRefused : .failed,
            explanation: keyRefused
              ? "not called: Braze refused the key itself" : "not called: the check was cancelled",
            exchange: nil))
        continue
      }
      let exchange = await client.perform(request, key: key)
      let row = Self.judge(probe, exchange)
      keyRefused = row.verdict == .keyRefused
      rows.append(row)
    }
    return ConnectionCheckReport(plan: plan, rows: rows)
  }

  /// The verdict of one read-only call.
  public static func judge(_ probe: PermissionProbe, _ exchange: BrazeExchange)
    -> PermissionCheckRow
  {
    let outcome = exchange.outcome
    let call = "\(exchange.request.method) \(exchange.request.path)"
    let status = outcome.status.map { "HTTP \($0)" } ?? "no answer"
    let verdict: PermissionCheckRow.Verdict
    let explanation: String
    switch outcome.kind {
    case .success:
      verdict = .has
      explanation = "proved by \(call) (\(status))"
    case .forbidden:
      verdict = .lacks
      explanation = "Braze answered \(call) with 403: the key lacks \(probe.permission.rawValue)"
    case .unauthorized:
      verdict = .keyRefused
      explanation =
        "Braze answered \(call) with 401: the key is invalid or belongs to another Braze "
        + "instance than the endpoint"
    default:
      verdict = .failed
      explanation =
        "not proved: \(call) ended \(outcome.kind.words) (\(status)): \(outcome.message)"
    }
    return PermissionCheckRow(
      permission: probe.permission, use: probe.use, verdict: verdict,
      explanation: explanation, exchange: exchange)
  }
}
