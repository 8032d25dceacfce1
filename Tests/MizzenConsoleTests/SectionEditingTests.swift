import MizzenConsole
import MizzenCore
import Testing

/// Topics and their channels, identity spaces, properties and their captures: the keys
/// that create, edit, clone and delete them, and the workspace each save writes.
@Suite struct SectionEditingTests {
  static func saved(_ effects: [Effect]) -> Workspace? {
    guard effects.count == 1, case .save(let workspace, _) = effects[0] else { return nil }
    return workspace
  }

  @Test func aNewTopicTakesItsCodeFromTheNameUntilTheCodeIsTyped() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .new)
    #expect(state.form?.purpose == .newTopic)
    type(&state, "Product news")
    #expect(state.form?.field("code")?.text == "product_news")
    press(&state, .tab, .control("u"))
    type(&state, "news")
    press(&state, .backTab)
    type(&state, " 2")
    #expect(state.form?.field("code")?.text == "news")
    press(&state, .tab, .tab)
    type(&state, "What is new")
    press(&state, .tab)
    #expect(state.form?.focusedField.id == "legalBasis")
    press(&state, .right)
    #expect(state.form?.field("legalBasis")?.choiceValue == LegalBasis.codes[0])
    let workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(
      workspace.topics.last
        == Topic(
          code: "news", name: "Product news 2", description: "What is new",
          legalBasis: LegalBasis.codes[0]))
    #expect(state.currentList.selectedRecord == 2)
  }

  @Test func enterOnATopicListsItsChannelsAndEscGoesBack() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter)
    let children = try #require(state.childList)
    #expect(children.kind == .channels && children.parent == state.recordIDs.topics[0])
    #expect(children.list.visible == [0])
    let text = ConsoleModel.render(state, state.size).text
    #expect(text.contains("fbc3506c-26a5-4f35-b8f0-ed382da4f2db"))
    #expect(text.contains("weekly_newsletter channels"))
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
  }

  @Test func theChannelFormOffersOnlyChannelsTheTopicLacks() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter, .character("n"))
    let form = try #require(state.form)
    guard case .choice(let options, _) = form.field("channel")?.value else {
      Issue.record("channel must be a choice")
      return
    }
    #expect(options.map(\.value) == ["sms", "whatsapp", "push"])
    guard case .choice(let connections, _) = form.field("connection")?.value else {
      Issue.record("connection must be a choice")
      return
    }
    #expect(connections.map(\.value) == ["braze_us", "braze_jp", "sandbox_local"])
  }

  @Test func theGroupIdDropsPastedQuotesAndSpacesAndIsCheckedAsYouType() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter, .character("n"), .tab, .tab)
    #expect(state.form?.focusedField.id == "subscriptionGroupId")
    type(&state, "\" 1b2c")
    #expect(state.form?.field("subscriptionGroupId")?.text == "1b2c")
    #expect(state.form?.problems["subscriptionGroupId"]?.isEmpty == false)
    type(&state, "3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d\" ")
    #expect(
      state.form?.field("subscriptionGroupId")?.text == "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d")
    #expect(state.form?.problems["subscriptionGroupId"] == nil)
    let workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(
      workspace.topics[0].channels.last
        == TopicChannel(
          kind: .sms, connection: "braze_us",
          subscriptionGroupId: "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d"))
    #expect(state.childList?.list.selectedRecord == 1)
  }

  @Test func pushHidesTheGroupIdField() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .enter, .character("n"), .left)
    #expect(state.form?.field("channel")?.choiceValue == "push")
    #expect(state.form?.field("subscriptionGroupId")?.hidden == true)
  }

  @Test func renamingAConnectionRenamesItsChannelsInOneUndoableStep() throws {
    var state = try Fixtures.state()
    press(&state, .character("e"), .tab, .control("u"))
    type(&state, "braze_main")
    let workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(workspace.connections[0].code == "braze_main")
    #expect(workspace.topics[0].channels[0].connection == "braze_main")
    #expect(state.status?.text.contains("braze_us renamed to braze_main in 1 channel") == true)
    trigger(&state, .undo)
    #expect(state.workspace == Fixtures.workspace)
    trigger(&state, .redo)
    #expect(state.workspace == workspace)
  }

  @Test func renamingAnIdentitySpaceRenamesMappingsAndCaptures() throws {
    var state = try Fixtures.state()
    press(&state, .character("3"), .character("e"), .tab, .control("u"))
    type(&state, "mail")
    let workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(workspace.identitySpaces[0].code == "mail")
    #expect(workspace.connections[0].identityMapping[0].identitySpace == "mail")
    #expect(workspace.properties[0].identities[0].identitySpace == "mail")
    #expect(WorkspaceValidator.problems(in: workspace).allSatisfy { $0.severity != .error })
    trigger(&state, .undo)
    #expect(state.workspace == Fixtures.workspace)
  }

  @Test func flaggingOneSpaceClearsTheOtherAndSaysSo() throws {
    var state = try Fixtures.state()
    press(&state, .character("3"), .down, .character("e"), .tab, .tab, .tab)
    #expect(state.form?.focusedField.id == "marketingPreference")
    press(&state, .right)
    #expect(state.form?.problems["marketingPreference"] == nil)
    let workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(workspace.identitySpaces.map(\.marketingPreference) == [false, true, false])
    #expect(
      state.status?.text.contains("email is no longer the marketing preference identity") == true)
  }

  @Test func deletingAReferencedSpaceListsItsUsersAndCancelKeepsEverything() throws {
    var state = try Fixtures.state()
    trigger(&state, .showSpaces, .delete)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("delete must ask first")
      return
    }
    #expect(dialog.focusedButton == "Cancel")
    #expect(dialog.lines.contains("  • connection braze_us, identity mapping"))
    #expect(dialog.lines.contains("  • property website, identity capture"))
    #expect(dialog.buttons[1] == "Delete with 2 references")
    press(&state, .enter)
    #expect(state.workspace == Fixtures.workspace)
    press(&state, .character("d"), .tab)
    let workspace = try #require(Self.saved(press(&state, .enter)))
    #expect(!workspace.identitySpaces.contains { $0.code == "email" })
    #expect(workspace.connections[0].identityMapping.map(\.identitySpace) == ["customer_id"])
    #expect(workspace.properties[0].identities.isEmpty)
    let dangling = WorkspaceValidator.problems(in: workspace).filter {
      $0.rule.contains("unknown") || $0.message.contains("no identity space")
    }
    #expect(dangling.isEmpty)
  }

  @Test func aPropertyAndItsCaptureAreCreatedByKeys() throws {
    var state = try Fixtures.state()
    trigger(&state, .showProperties, .new)
    type(&state, "Mobile app")
    press(&state, .tab, .tab, .control("u"))
    type(&state, "ios")
    var workspace = try #require(Self.saved(trigger(&state, .save)))
    #expect(workspace.properties.last?.code == "mobile_app")
    #expect(workspace.properties.last?.platform == "ios")
    press(&state, .enter, .character("n"))
    #expect(state.form?.purpose == .newCapture(property: state.recordIDs.properties[1]))
    press(&state, .right, .tab, .right, .tab)
    type(&state, "user.id")
    press(&state, .tab, .right, .tab)
    type(&state, "customer")
    // The property's save is still out, so this change is queued behind it.
    #expect(trigger(&state, .save).isEmpty && state.saveQueued)
    workspace = state.workspace
    #expect(
      workspace.properties[1].identities
        == [
          IdentityCapture(
            identitySpace: "phone", type: "window", variable: "user.id", format: "json",
            key: "customer")
        ])
  }

  @Test func cloneAndDeleteWorkOnChannels() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .open, .clone)
    #expect(state.form?.purpose == .newChannel(topic: state.recordIDs.topics[0]))
    #expect(state.form?.field("channel")?.choiceValue == "sms")
    trigger(&state, .back)
    if case .dialog = state.overlay { pressButton(&state, "Discard changes") }
    trigger(&state, .delete)
    let workspace = try #require(Self.saved(pressButton(&state, "Delete")))
    #expect(workspace.topics[0].channels.isEmpty)
  }

  @Test(arguments: ["2", "3", "4"])
  func readOnlyOpensFormsOnlyToLook(section: String) throws {
    var state = try Fixtures.state(readOnly: true)
    press(&state, .character(Character(section)), .character("n"))
    #expect(state.screens.isEmpty)
    #expect(state.status?.text.hasPrefix("Read-only") == true)
    trigger(&state, .delete)
    #expect(state.overlay == nil)
    #expect(state.workspace == Fixtures.workspace)
  }
}
