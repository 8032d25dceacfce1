import MizzenConsole
import MizzenCore
import Testing

/// The channel form's Braze options (SPEC §8): double opt-in for SMS and WhatsApp,
/// "existing only" for push, each shown only where it applies and saved to the file.
@Suite struct ChannelOptionsFormTests {
  static let group = "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d"

  @Test func anSMSChannelSavesItsDoubleOptIn() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter, .character("n"), .tab, .tab)
    type(&state, Self.group)
    #expect(state.form?.field("doubleOptIn")?.hidden == false)
    #expect(state.form?.field("updateExistingOnly")?.hidden == true)
    press(&state, .tab)
    #expect(state.form?.focusedField.id == "doubleOptIn")
    press(&state, .right)
    #expect(state.form?.field("doubleOptIn")?.choiceValue == "yes")
    let workspace = try #require(SectionEditingTests.saved(trigger(&state, .save)))
    #expect(
      workspace.topics[0].channels.last
        == TopicChannel(
          kind: .sms, connection: "braze_us", subscriptionGroupId: Self.group, doubleOptIn: true))
  }

  @Test func pushOffersExistingOnlyAndDropsAHiddenDoubleOptIn() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter, .character("n"), .tab, .tab, .tab, .right)
    #expect(state.form?.field("doubleOptIn")?.choiceValue == "yes")
    press(&state, .backTab, .backTab, .backTab)
    #expect(state.form?.focusedField.id == "channel")
    press(&state, .left)
    #expect(state.form?.field("channel")?.choiceValue == "push")
    #expect(state.form?.field("doubleOptIn")?.hidden == true)
    #expect(state.form?.field("updateExistingOnly")?.hidden == false)
    press(&state, .tab, .tab)
    #expect(state.form?.focusedField.id == "updateExistingOnly")
    press(&state, .right)
    let workspace = try #require(SectionEditingTests.saved(trigger(&state, .save)))
    #expect(
      workspace.topics[0].channels.last
        == TopicChannel(kind: .push, connection: "braze_us", updateExistingOnly: true))
  }
}
