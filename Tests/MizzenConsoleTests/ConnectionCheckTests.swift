import MizzenConsole
import MizzenCore
import Testing

/// `x` on a connection, with the check's answer fed back as the runner would.
@Suite struct ConnectionCheckTests {
  static func checking() throws -> (ConsoleState, ConnectionCheckPlan) {
    var state = try Fixtures.state()
    let effects = trigger(&state, .checkConnection)
    guard case .signal(.check(let plan)) = effects.first else {
      Issue.record("x asked for no check: \(effects)")
      throw CancellationError()
    }
    return (state, plan)
  }

  @Test func xPlansAReadOnlyCallOnAMappedGroup() throws {
    let (_, plan) = try Self.checking()
    #expect(plan.connection == "braze_us")
    #expect(plan.request.method == "GET")
    #expect(plan.request.path == "/subscription/status/get")
    #expect(plan.subscriptionGroupId == "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
  }

  /// update is a pure function: the same state and key ask for the same call.
  @Test func theSameStateAsksForTheSameCheck() throws {
    let start = try Fixtures.state()
    var first = start
    var second = start
    #expect(trigger(&first, .checkConnection) == trigger(&second, .checkConnection))
    let again = trigger(&first, .checkConnection)
    guard case .signal(.check(let plan)) = again.first else {
      Issue.record("x asked for no check: \(again)")
      return
    }
    #expect(plan.request.url.contains("external_id=mizzen-check-"))
  }

  @Test(arguments: [
    (BrazeOutcome.Kind.success, 200, "has it", "proved by GET"),
    (.unauthorized, 401, "key refused (401)", "another Braze instance"),
    (.forbidden, 403, "LACKS it", "with 403: the key lacks"),
  ])
  func theAnswerIsExplainedPerPermission(
    kind: BrazeOutcome.Kind, status: Int, verdict: String, advice: String
  ) throws {
    var (state, plan) = try Self.checking()
    let exchange = BrazeExchange(
      request: plan.request, attempts: [BrazeAttempt(number: 1, status: status, latencyMs: 9)],
      outcome: BrazeOutcome(kind: kind, status: status, message: "Braze said so."), latencyMs: 9)
    let first = ConnectionChecker.judge(plan.probes[0], exchange)
    let rest = plan.probes.dropFirst().map { probe in
      PermissionCheckRow(
        permission: probe.permission, use: probe.use,
        verdict: probe.request == nil ? .sendOnly : .has, explanation: "as told",
        exchange: nil)
    }
    let report = ConnectionCheckReport(plan: plan, rows: [first] + rest)
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.checked(report))))
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("no notice")
      return
    }
    let text = dialog.lines.joined(separator: " ")
    #expect(
      dialog.lines.contains { $0.hasPrefix("subscription.status.get") && $0.contains(verdict) })
    #expect(text.contains(advice))
    #expect(
      dialog.lines.contains {
        $0.hasPrefix("subscription.status.set") && $0.contains("only a send can prove it")
      })
    #expect(text.contains("nothing was changed"))
    #expect(state.status?.level == (kind == .success ? .success : .error))
    press(&state, .enter)
    #expect(state.overlay == nil)
  }

  @Test func xOutsideConnectionsSaysWhere() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics)
    #expect(trigger(&state, .checkConnection).isEmpty)
    #expect(state.status?.text.contains("Connections") == true)
  }
}

/// `P` on a connection lists the permissions its actions need and the Ketch eight.
@Suite struct PermissionsViewTests {
  @Test func permissionsOfAConnection() throws {
    var state = try Fixtures.state()
    trigger(&state, .permissions)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("no permissions view")
      return
    }
    let text = dialog.lines.joined(separator: "\n")
    #expect(text.contains("subscription.status.set"))
    #expect(!text.contains("send push"))
    for permission in BrazePermission.ketchSetup { #expect(text.contains(permission.rawValue)) }
    #expect(text.contains("email.status"))
  }
}
