import Foundation
import MizzenConsole
import MizzenCore
import Testing

/// What the console says after a send never claims more than is known: a cancelled call
/// may still be applied, a refused one set nothing, a missing key is warned of before
/// enter, and a send's message does not follow the admin to another screen.
@Suite struct SendResultWordingTests {
  @Test func escDuringASendSaysBrazeMayStillApplyIt() throws {
    var (state, plan, id) = try TestSendTests.sending()
    trigger(&state, .back)
    #expect(state.status?.text.contains("Braze may still apply it") == true)
    let cancelled = BrazeOutcome(
      kind: .cancelled,
      message: "The call was cancelled before Braze answered; whether Braze applied it is "
        + "unknown. Verify the state before sending again.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.sent(id: id, TestSendTests.entry(plan, cancelled), journalError: nil))))
    let text = try #require(state.status?.text)
    #expect(!text.hasPrefix("Not applied"))
    #expect(text.contains("may still be applied"))
    #expect(state.status?.level == .warning)
  }

  @Test func aTimedOutSendAnsweredAfterLeavingSaysBrazeMayStillApplyIt() throws {
    var (state, plan, id) = try TestSendTests.sending()
    trigger(&state, .showConnections)
    let timeout = BrazeOutcome(kind: .timeout, message: "No answer within 30 s.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.sent(id: id, TestSendTests.entry(plan, timeout), journalError: nil))))
    let text = try #require(state.status?.text)
    #expect(text.contains("weekly_newsletter/email ended"))
    #expect(text.contains("Braze may still apply it"))
  }

  static func refusedThenVerified(observed: String, matches: Bool) throws -> ConsoleState {
    var (state, plan, id) = try TestSendTests.sending()
    let forbidden = BrazeOutcome(
      kind: .forbidden, status: 403, message: "The key lacks subscription.status.set.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.sent(id: id, TestSendTests.entry(plan, forbidden), journalError: nil))))
    #expect(state.status?.text.hasPrefix("Not applied") == true)
    let effects = trigger(&state, .verify)
    guard case .signal(.verify(_, let verifyID)) = effects.first else {
      Issue.record("v asked for no verify: \(effects)")
      throw CancellationError()
    }
    let verification = VerificationResult(
      expected: "Subscribed", observed: observed, matches: matches,
      message: matches
        ? "Braze reports \(observed) for \(TestSendTests.email), as sent."
        : "Braze reports \(observed) for \(TestSendTests.email), but Subscribed was sent. "
          + "Braze can take a moment to apply a change: verify again.")
    let read = BrazeOutcome(kind: .success, status: 200, message: "Braze answered.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.verified(id: verifyID, verification, read, journalError: nil))))
    return state
  }

  @Test func vAfterARefusedSendDoesNotSaySubscribedWasSent() throws {
    let state = try Self.refusedThenVerified(observed: "Unsubscribed", matches: false)
    let status = try #require(state.status?.text)
    #expect(!status.contains("was sent"))
    #expect(status.contains("refused (HTTP 403)"))
    #expect(status.contains("Subscribed was never set"))
    let screen = TestSendTests.text(state)
    #expect(!screen.contains("was sent"))
    #expect(screen.contains("Verify: Braze reports Unsubscribed. The send was refused"))
  }

  @Test func vAfterARefusedSendThatFindsTheStateSaysItWasAlreadySo() throws {
    let state = try Self.refusedThenVerified(observed: "Subscribed", matches: true)
    let status = try #require(state.status?.text)
    #expect(!status.contains("as sent"))
    #expect(status.contains("already the state"))
  }

  static func preview(environment: Set<String>?) throws -> String {
    let (store, loaded) = try Fixtures.loaded()
    try? FileManager.default.removeItem(
      at: URL(fileURLWithPath: store.path).deletingLastPathComponent())
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(workspacePath: Fixtures.path, environmentNames: environment),
      size: Size(width: 120, height: 40))
    trigger(&state, .showTopics, .testSend)
    type(&state, TestSendTests.email)
    return TestSendTests.text(state)
  }

  @Test func thePreviewWarnsBeforeEnterWhenTheKeyVariableIsUnset() throws {
    let unset = try Self.preview(environment: ["HOME", "PATH"])
    #expect(unset.contains("$BRAZE_US_API_KEY, the key of connection braze_us, is not set"))
    #expect(unset.contains("enter will send nothing"))
    let set = try Self.preview(environment: ["BRAZE_US_API_KEY"])
    #expect(!set.contains("is not set"))
    #expect(set.contains("Preview (enter sends):"))
  }

  @Test func sentDoesNotFollowTheAdminToTopics() throws {
    var (state, plan, id) = try TestSendTests.sending()
    let ok = BrazeOutcome(kind: .success, status: 201, message: "Applied.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, TestSendTests.entry(plan, ok), journalError: nil))))
    #expect(state.status?.text == "Sent. v verifies it.")
    trigger(&state, .back)
    #expect(state.screens.isEmpty && state.section == .topics)
    #expect(state.status == nil)
    let frame = ConsoleModel.render(state, state.size)
    #expect(!frame.text(ofRow: frame.height - 1).contains("v verifies"))
  }
}
