import MizzenConsole
import MizzenCore
import Testing

/// References change only when they are unambiguous, and the admin is told how many did.
@Suite struct ReferenceTests {
  /// The fixture with a second connection coded `braze_us` (a broken file) and a second
  /// identity space coded `phone`.
  static var duplicated: Workspace {
    var workspace = Fixtures.workspace
    workspace.connections.insert(
      Connection(
        code: "braze_us", name: "Braze EU", endpoint: "https://rest.fra-01.braze.eu",
        apiKey: .environment("BRAZE_EU_API_KEY"), identityMapping: []), at: 1)
    workspace.identitySpaces.append(IdentitySpace(code: "phone", name: "Mobile", type: .phone))
    return workspace
  }

  @Test func renamingOneOfTwoConnectionsWithTheSameCodeMovesNoChannel() throws {
    var state = try Fixtures.state(Self.duplicated)
    press(&state, .down, .character("e"), .tab, .control("u"))
    type(&state, "braze_eu")
    let workspace = try #require(SectionEditingTests.saved(trigger(&state, .save)))
    #expect(
      workspace.connections.map(\.code) == ["braze_us", "braze_eu", "braze_jp", "sandbox_local"])
    #expect(workspace.topics[0].channels[0].connection == "braze_us")
    #expect(
      state.status?.text
        == "Saving connection braze_eu: 1 channel naming braze_us not renamed: "
        + "another connection has that code too.")
  }

  @Test func deletingOneOfTwoConnectionsWithTheSameCodeKeepsTheChannels() throws {
    var state = try Fixtures.state(Self.duplicated)
    trigger(&state, .moveDown, .delete)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(
      dialog.lines.contains(
        "Another connection has the code braze_us too, so what names it stays as it is."))
    #expect(dialog.buttons == ["Cancel", "Delete"])
    let workspace = try #require(SectionEditingTests.saved(pressButton(&state, "Delete")))
    #expect(workspace.connections.map(\.name).contains("Braze EU") == false)
    #expect(workspace.topics == Fixtures.workspace.topics)
    #expect(
      state.status?.text
        == "Deleted braze_us, 1 channel naming braze_us kept: another connection has that code; "
        + "z undoes it.")
  }

  @Test func renamingASharedIdentitySpaceCodeLeavesMappingsAlone() throws {
    var state = try Fixtures.state(Self.duplicated)
    press(&state, .character("3"), .down, .character("e"), .tab, .control("u"))
    type(&state, "mobile")
    let workspace = try #require(SectionEditingTests.saved(trigger(&state, .save)))
    #expect(workspace.identitySpaces.map(\.code) == ["email", "mobile", "customer_id", "phone"])
    #expect(workspace.connections[2].identityMapping[0].identitySpace == "phone")
    #expect(state.status?.text.contains("1 identity mapping naming phone not renamed") == true)
  }

  @Test func aRenameSaysHowManyChannelsItChanged() throws {
    var state = try Fixtures.state(IdentityTests.acme())
    press(&state, .character("e"), .tab, .control("u"))
    type(&state, "braze_main")
    let workspace = try #require(SectionEditingTests.saved(trigger(&state, .save)))
    let moved = workspace.topics.flatMap(\.channels).count { $0.connection == "braze_main" }
    #expect(moved == 10)
    #expect(
      state.status?.text
        == "Saving connection braze_main: braze_us renamed to braze_main in 10 channels.")
  }

  @Test func deletingAConnectionCanMoveItsChannelsToAnother() throws {
    var state = try Fixtures.state()
    press(&state, .down, .character("d"), .tab, .tab)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(dialog.focusedButton == "Move to…")
    press(&state, .enter)
    guard case .chooser(let chooser) = state.overlay else {
      Issue.record("Move to… offers the other connections")
      return
    }
    #expect(chooser.options == ["braze_us", "sandbox_local"])
    let workspace = try #require(SectionEditingTests.saved(press(&state, .down, .enter)))
    #expect(workspace.connections.map(\.code) == ["braze_us", "sandbox_local"])
    #expect(workspace.topics[1].channels.map(\.connection) == ["sandbox_local"])
    #expect(
      state.status?.text == "Deleted braze_jp, its 1 channel moved to sandbox_local; z undoes it.")
    trigger(&state, .undo)
    #expect(state.workspace == Fixtures.workspace)
  }

  @Test func deletingAConnectionSaysHowManyChannelsWentWithIt() throws {
    var state = try Fixtures.state()
    trigger(&state, .moveDown, .delete)
    pressButton(&state, "Delete")
    #expect(state.workspace.topics[1].channels.isEmpty)
    #expect(state.status?.text == "Deleted braze_jp, its 1 channel removed with it; z undoes it.")
  }

  /// A topic's delete dialog counts the channels that go with it, and a property's its
  /// identity captures, in the text and on the button.
  @Test func deletingATopicOrAPropertySaysWhatGoesWithIt() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].channels += workspace.topics[1].channels
    let channels = workspace.topics[0].channels.count
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .delete)
    guard case .dialog(let topic) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(topic.lines.contains("Its \(channels) channels go with it."))
    #expect(topic.buttons == ["Cancel", "Delete with \(channels) channels"])
    let workspaceAfter = try #require(
      SectionEditingTests.saved(pressButton(&state, "Delete with \(channels) channels")))
    #expect(workspaceAfter.topics.count == workspace.topics.count - 1)
    press(&state, .character("4"), .character("d"))
    guard case .dialog(let property) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(property.lines.contains("Its 1 identity capture goes with it."))
    #expect(property.buttons == ["Cancel", "Delete with 1 identity capture"])
  }
}
