import MizzenCore

/// `x` on a connection: the read-only call of SPEC §4, and its result explained in a notice.
enum ConnectionCheck {
  static func start(_ state: inout ConsoleState) -> [Effect] {
    guard let index = state.currentList.selectedRecord,
      state.workspace.connections.indices.contains(index)
    else { return [] }
    let code = state.workspace.connections[index].code
    do throws(SignalPlanError) {
      // The probe id comes from the state, not a random draw, so that update stays a pure
      // function; any id that no profile has will do.
      let plan = try SignalPlanner.checkConnection(
        code, in: state.workspace, probeID: "mizzen-check-\(state.lastSignalID + 1)")
      state.lastSignalID += 1
      state.flash("Checking \(code)…", .info)
      return [.signal(.check(plan))]
    } catch {
      state.flash("Cannot check \(code): \(error.message)", .error)
      return []
    }
  }

  /// The lines of the notice: what was called, how it went, and what it means.
  static func lines(_ plan: ConnectionCheckPlan, _ exchange: BrazeExchange) -> [String] {
    let outcome = exchange.outcome
    let status = outcome.status.map { "HTTP \($0)" } ?? "no HTTP answer"
    var lines = [
      "\(outcome.isSuccess ? "OK" : "Failed"): \(outcome.kind.words), \(status), "
        + "\(Int(exchange.latencyMs.rounded())) ms, \(exchange.attempts.count) attempt(s).",
      "Called \(plan.request.method) \(plan.request.path) (needs \(plan.request.permission.rawValue))",
      "on group \(plan.subscriptionGroupId) of \(plan.topic)/\(plan.channel)",
      "for an external id nobody has: nothing was changed.",
    ]
    lines += TextFit.wrap(outcome.message, to: 60)
    if let message = outcome.brazeMessage { lines.append("Braze: " + message) }
    return lines
  }

  static func show(
    _ state: inout ConsoleState, _ plan: ConnectionCheckPlan, _ exchange: BrazeExchange
  ) {
    let ok = exchange.outcome.isSuccess
    state.flash(
      ok
        ? "Connection \(plan.connection) works."
        : "Connection \(plan.connection) failed its check.",
      ok ? .success : .error)
    guard state.overlay == nil, state.prompt == nil else { return }
    state.overlay = .dialog(
      Dialog(
        purpose: .notice, title: "Check of connection \(plan.connection)",
        lines: lines(plan, exchange), buttons: ["Close"]))
  }
}
