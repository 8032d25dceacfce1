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

  /// The lines of the notice: each permission the connection needs, whether the key has
  /// it and how that was proved, then what it means.
  static func lines(_ report: ConnectionCheckReport) -> [String] {
    var lines = [
      report.works
        ? "OK: the key and the endpoint work." : "Failed: see the permissions below.",
      "Read-only calls for an external id nobody has: nothing was changed.",
    ]
    for row in report.rows {
      lines.append(TextFit.pad(row.permission.rawValue, to: 25) + verdict(row.verdict))
      let detail = "to \(row.use); " + TerminalText.escaped(row.explanation)
      lines += TextFit.wrap(detail, to: 56).map { "    " + $0 }
    }
    if let message = report.firstProblem?.exchange?.outcome.brazeMessage {
      lines.append("Braze: " + TerminalText.escaped(message))
    }
    return lines
  }

  static func verdict(_ verdict: PermissionCheckRow.Verdict) -> String {
    switch verdict {
    case .has: return "has it"
    case .lacks: return "LACKS it"
    case .keyRefused: return "key refused (401)"
    case .failed: return "not proved"
    case .sendOnly: return "only a send can prove it"
    }
  }

  static func show(_ state: inout ConsoleState, _ report: ConnectionCheckReport) {
    let code = report.plan.connection
    state.flash(
      report.works
        ? "Connection \(code) works." : "Connection \(code) failed its check.",
      report.works ? .success : .error)
    guard state.overlay == nil, state.prompt == nil else { return }
    state.overlay = .dialog(
      Dialog(
        purpose: .notice, title: "Check of connection \(code)", lines: lines(report),
        buttons: ["Close"]))
  }
}
