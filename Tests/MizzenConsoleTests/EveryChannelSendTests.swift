import MizzenConsole
import MizzenCore
import Testing

/// `t` on a topic offers "every channel": the preview shows each call with why it is v1,
/// v2 or /users/track, enter sends them all in one effect, and the result lists each call.
@Suite struct EveryChannelSendTests {
  static let workspace: Workspace = {
    var workspace = Fixtures.workspace
    workspace.topics[0].channels += [
      TopicChannel(
        kind: .sms, connection: "braze_us",
        subscriptionGroupId: "0c1b2a39-1111-4222-8333-00000000aaaa"),
      TopicChannel(kind: .push, connection: "braze_us"),
    ]
    return workspace
  }()

  static func screen(_ state: ConsoleState) -> TestSendState? {
    if case .testSend(let send) = state.screens.last { return send }
    return nil
  }

  @Test func everyChannelIsOfferedAndSendsTheFewestCalls() throws {
    var state = try Fixtures.state(Self.workspace, size: Size(width: 120, height: 50))
    trigger(&state, .showTopics, .testSend)
    #expect(Self.screen(state)?.channels == ["email", "sms", "push"])
    // Fields: 0 channel, 1 email, 2 customer_id, 3 choice; the focus starts on email.
    press(&state, .tab, .tab, .tab)
    #expect(Self.screen(state)?.focus == 0)
    press(&state, .left)
    #expect(Self.screen(state)?.isEveryChannel == true)
    press(&state, .tab, .tab)
    type(&state, "cust-42")
    let text = TestSendTests.text(state)
    #expect(text.contains("every channel (email, sms, push)"))
    #expect(text.contains("Preview, 2 calls"))
    #expect(text.contains("email+sms: v2: one call for 2 groups"))
    #expect(text.contains("push: /users/track"))
    let effects = press(&state, .enter)
    var sent: ([SignalPlan], Int)?
    for case .signal(.sendAll(let plans, let id)) in effects { sent = (plans, id) }
    let (plans, id) = try #require(sent)
    #expect(plans.map(\.route) == [.v2, .track])
    let entries = plans.map {
      TestSendTests.entry($0, BrazeOutcome(kind: .success, status: 201, message: "Accepted."))
    }
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.sentAll(id: id, entries, journalError: nil))))
    #expect(Self.screen(state)?.phase == .done)
    #expect(Self.screen(state)?.entries.count == 2)
    let result = TestSendTests.text(state)
    #expect(result.contains("email+sms:"))
    #expect(result.contains("push:"))
  }

  @Test func aSingleChannelTopicOffersNoEveryChannelChoice() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .character("t"), .backTab)
    while Self.screen(state)?.focus != 0 { press(&state, .backTab) }
    press(&state, .left)
    #expect(Self.screen(state)?.isEveryChannel == false)
    #expect(Self.screen(state)?.channel == "email")
  }
}
