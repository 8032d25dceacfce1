import Foundation
import MizzenConsole
import MizzenCore
import Testing

/// Screens hold records by identity: a delete, an undo or a redo never turns an open screen
/// into the screen of another record, and a screen whose record is gone closes and says so.
@Suite struct IdentityTests {
  /// The example workspace shipped in `Examples/`.
  static func acme() throws -> Workspace {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples/acme.json")
    return try WorkspaceStore(path: file.path).load().workspace
  }

  @Test func undoingADeleteLeavesTheOpenChannelListOnItsTopic() throws {
    var state = try Fixtures.state(Self.acme())
    trigger(&state, .showTopics)
    #expect(
      state.workspace.topics.map(\.code).prefix(3) == [
        "weekly_newsletter", "produktneuheiten", "offres_speciales",
      ])
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    #expect(state.workspace.topics.first?.code == "produktneuheiten")
    press(&state, .down, .enter)
    #expect(state.childList?.parentCode == "offres_speciales")
    trigger(&state, .undo)
    #expect(state.workspace.topics.first?.code == "weekly_newsletter")
    let children = try #require(state.childList)
    #expect(children.parentCode == "offres_speciales")
    let text = ConsoleModel.render(state, state.size).text
    #expect(text.contains("offres_speciales channels"))
    #expect(!text.contains("produktneuheiten"))
    trigger(&state, .delete)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(dialog.lines.first == "Delete channel offres_speciales › email?")
    trigger(&state, .back, .back)
    #expect(state.currentList.selectedRecord == 2)
  }

  @Test func twoTopicsWithTheSameCodeAreTwoRecords() throws {
    var workspace = Fixtures.workspace
    workspace.topics = [
      Topic(
        code: "news", name: "News A",
        channels: [TopicChannel(kind: .email, connection: "braze_us", subscriptionGroupId: "a")]),
      Topic(
        code: "news", name: "News B",
        channels: [TopicChannel(kind: .sms, connection: "braze_jp", subscriptionGroupId: "b")]),
    ]
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .delete)
    pressButton(&state, "Delete")
    #expect(state.workspace.topics.map(\.name) == ["News B"])
    press(&state, .enter, .character("z"))
    #expect(state.workspace.topics.map(\.name) == ["News A", "News B"])
    #expect(state.childList?.list.visible == [0])
    trigger(&state, .delete)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("d asks before deleting")
      return
    }
    #expect(dialog.lines.first == "Delete channel news › sms?")
    pressButton(&state, "Delete")
    #expect(state.workspace.topics.map(\.channels.count) == [1, 0])
  }

  @Test func aListWhoseRecordIsUndoneAwayClosesAndSaysSo() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .new)
    type(&state, "Launch news")
    press(&state, .control("s"), .enter)
    #expect(state.childList?.parentCode == "launch_news")
    trigger(&state, .undo)
    #expect(state.childList == nil)
    #expect(state.screens.isEmpty)
    #expect(
      state.status?.text
        == "Undone: add topic launch_news. Z redoes it. Closed the channels of launch_news: "
        + "that topic is no longer in the workspace.")
  }

  @Test func aFormKeepsItsRecordWhenAnEarlierRecordIsDeleted() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .down)
    let saleJP = try #require(state.currentList.selectedID)
    press(&state, .up)
    let weekly = try #require(state.currentList.selectedID)
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    #expect(state.currentList.selectedID == saleJP)
    press(&state, .character("e"), .tab, .tab)
    type(&state, "Only in Japan")
    trigger(&state, .save)
    #expect(state.workspace.topics.map(\.code) == ["sale_jp"])
    #expect(state.workspace.topics[0].description == "Only in Japan")
    trigger(&state, .undo)
    #expect(state.currentList.selectedID == saleJP)
    trigger(&state, .undo)
    #expect(state.workspace == Fixtures.workspace)
    #expect(state.currentList.selectedID == weekly)
    #expect(state.recordIDs.topics == [weekly, saleJP])
  }

  @Test func undoAndRedoGoToTheRecordTheyChanged() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .moveDown, .delete)
    pressButton(&state, "Delete")
    trigger(&state, .showConnections)
    trigger(&state, .undo)
    #expect(state.section == .topics)
    #expect(state.currentList.selectedRecord == 1)
    #expect(state.status?.text == "Undone: delete topic sale_jp. Z redoes it.")
    trigger(&state, .open, .delete)
    pressButton(&state, "Delete")
    #expect(state.workspace.topics[1].channels.isEmpty)
    trigger(&state, .back, .showSpaces, .undo)
    #expect(state.section == .topics)
    #expect(state.currentList.selectedRecord == 1)
  }

  @Test func redoSaysWhatItRedidAndGoesToItsList() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .moveDown, .delete)
    pressButton(&state, "Delete")
    trigger(&state, .undo)
    #expect(state.workspace.topics.map(\.code).contains("sale_jp"))
    trigger(&state, .showConnections, .redo)
    #expect(state.section == .topics)
    #expect(!state.workspace.topics.map(\.code).contains("sale_jp"))
    #expect(state.status?.text == "Redone: delete topic sale_jp.")
  }

  @Test func aDeleteDialogOpenWhileTheFileIsReadAgainKeepsItsRecord() throws {
    let (store, loaded) = try Fixtures.loaded()
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil, options: ConsoleOptions(workspacePath: store.path),
      size: Size(width: 100, height: 30))
    let reload = trigger(&state, .reload)
    press(&state, .down, .character("d"))
    var theirs = Fixtures.workspace
    theirs.connections.remove(at: 0)
    _ = try store.save(theirs, expecting: loaded.revision)
    _ = SaveAndReloadTests.run(reload, &state, store)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("the dialog about braze_jp stays open")
      return
    }
    #expect(dialog.lines.first == "Delete connection braze_jp?")
    pressButton(&state, "Delete")
    #expect(state.workspace.connections.map(\.code) == ["sandbox_local"])
  }

  @Test func aDeleteDialogWhoseRecordIsGoneFromTheFileClosesAndSaysSo() throws {
    let (store, loaded) = try Fixtures.loaded()
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil, options: ConsoleOptions(workspacePath: store.path),
      size: Size(width: 100, height: 30))
    let reload = trigger(&state, .reload)
    press(&state, .down, .character("d"))
    var theirs = Fixtures.workspace
    theirs.connections.remove(at: 1)
    _ = try store.save(theirs, expecting: loaded.revision)
    _ = SaveAndReloadTests.run(reload, &state, store)
    #expect(state.overlay == nil)
    #expect(
      state.status?.text
        == "Reloaded from disk. The connection the dialog asked about is no longer in the "
        + "workspace; nothing deleted.")
    #expect(press(&state, .enter).isEmpty)
    #expect(state.workspace == theirs)
  }

  @Test func recordsKeepTheirIdentityWhenTheFileIsReadAgain() throws {
    let (store, loaded) = try Fixtures.loaded()
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil, options: ConsoleOptions(workspacePath: store.path),
      size: Size(width: 100, height: 30))
    press(&state, .character("2"), .down)
    let saleJP = try #require(state.currentList.selectedID)
    var theirs = Fixtures.workspace
    theirs.topics.insert(Topic(code: "aaa_first", name: "First"), at: 0)
    _ = try store.save(theirs, expecting: loaded.revision)
    _ = SaveAndReloadTests.run(trigger(&state, .reload), &state, store)
    #expect(state.workspace == theirs)
    #expect(state.recordIDs.topics[2] == saleJP)
    #expect(state.currentList.selectedID == saleJP)
    #expect(state.currentList.selectedRecord == 2)
  }
}
