import MizzenConsole
import MizzenCore
import Testing

/// Moving around: sections, selection keys, paging, mouse and resize.
@Suite struct ListNavigationTests {
  /// A workspace with `count` connections named "Connection N".
  static func many(_ count: Int) -> Workspace {
    var workspace = Fixtures.workspace
    workspace.connections = (0..<count).map { index in
      Connection(
        code: "conn_\(index)", name: "Connection \(index)",
        endpoint: "https://rest.iad-01.braze.com", apiKey: .environment("KEY_\(index)"),
        identityMapping: [IdentityMapping(identitySpace: "email", field: .email)])
    }
    return workspace
  }

  @Test(arguments: [
    (Key.character("1"), Section.connections),
    (.character("2"), .topics),
    (.character("3"), .identitySpaces),
    (.character("4"), .properties),
    (.character("5"), .history),
  ])
  func digitsSwitchSection(key: Key, section: Section) throws {
    var state = try Fixtures.state()
    trigger(&state, .showSpaces)
    // History reads the journal afresh each time it is shown.
    #expect(press(&state, key) == (section == .history ? [.signal(.loadJournal)] : []))
    #expect(state.section == section)
  }

  @Test func tabAndShiftTabCycleThroughSections() throws {
    var state = try Fixtures.state()
    press(&state, .tab)
    #expect(state.section == .topics)
    press(&state, .tab, .tab, .tab)
    #expect(state.section == .history)
    press(&state, .tab)
    #expect(state.section == .connections)
    press(&state, .backTab)
    #expect(state.section == .history)
    press(&state, .backTab, .backTab)
    #expect(state.section == .identitySpaces)
  }

  @Test func theTopicsSectionListsItsRecordsAndOpensTheTopicForm() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics)
    let text = ConsoleModel.render(state, state.size).text
    #expect(text.contains("weekly_newsletter"))
    #expect(text.contains("セール情報"))
    trigger(&state, .new)
    #expect(state.form?.purpose == .newTopic)
  }

  @Test func arrowsAndVimKeysMoveOneRowWithinBounds() throws {
    var state = try Fixtures.state(Self.many(5))
    press(&state, .down)
    #expect(state.currentList.selected == 1)
    press(&state, .character("j"), .character("j"))
    #expect(state.currentList.selected == 3)
    press(&state, .up)
    #expect(state.currentList.selected == 2)
    press(&state, .character("k"), .character("k"), .character("k"))
    #expect(state.currentList.selected == 0)
    press(&state, .down, .down, .down, .down, .down, .down)
    #expect(state.currentList.selected == 4)
  }

  @Test func pagingAndEndsKeepTheSelectionOnScreen() throws {
    var state = try Fixtures.state(Self.many(100), size: Size(width: 80, height: 24))
    let page = 24 - 4
    press(&state, .pageDown)
    #expect(state.currentList.selected == page)
    #expect(state.currentList.top == 1)
    press(&state, .pageDown)
    #expect(state.currentList.selected == 2 * page)
    press(&state, .pageUp)
    #expect(state.currentList.selected == page)
    trigger(&state, .moveBottom)
    #expect(state.currentList.selected == 99)
    #expect(state.currentList.top == 100 - page)
    trigger(&state, .moveTop)
    #expect(state.currentList.selected == 0)
    #expect(state.currentList.top == 0)
    press(&state, .end)
    #expect(state.currentList.selected == 99)
    press(&state, .home)
    #expect(state.currentList.selected == 0)
    let frame = ConsoleModel.render(state, Size(width: 80, height: 24))
    #expect(frame.text(ofRow: 2).contains("conn_0"))
    #expect(frame.text(ofRow: 22).contains("1/100"))
  }

  @Test func mouseClickSelectsAndWheelMoves() throws {
    var state = try Fixtures.state(Self.many(30))
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 4, column: 10))))
    #expect(state.currentList.selected == 2)
    _ = ConsoleModel.update(&state, .mouse(.scrollDown(Position(row: 4, column: 10))))
    #expect(state.currentList.selected == 5)
    _ = ConsoleModel.update(&state, .mouse(.scrollUp(Position(row: 4, column: 10))))
    #expect(state.currentList.selected == 2)
  }

  @Test func resizeKeepsTheSelectionVisible() throws {
    var state = try Fixtures.state(Self.many(100), size: Size(width: 120, height: 40))
    trigger(&state, .moveBottom)
    _ = ConsoleModel.update(&state, .resize(Size(width: 80, height: 20)))
    #expect(state.size == Size(width: 80, height: 20))
    #expect(state.currentList.top == 100 - 16)
    let frame = ConsoleModel.render(state, state.size)
    #expect(frame.text(ofRow: 17).contains("conn_99"))
  }

  @Test func enterOpensTheSelectedConnectionsForm() throws {
    var state = try Fixtures.state()
    press(&state, .down, .enter)
    let form = try #require(state.form)
    #expect(form.purpose == .editConnection(state.recordIDs.connections[1]))
    #expect(form.field("name")?.text == "東京の接続 🗼 本番")
  }

  @Test func anUnboundKeySaysSo() throws {
    var state = try Fixtures.state()
    #expect(press(&state, .character("w")).isEmpty)
    #expect(state.status?.text == "w is not a key here; ? lists the keys.")
  }

  @Test func statusMessagesExpireWithTicks() throws {
    var state = try Fixtures.state()
    press(&state, .character("w"))
    #expect(state.status != nil)
    for _ in 0..<79 { _ = ConsoleModel.update(&state, .tick) }
    #expect(state.status != nil)
    _ = ConsoleModel.update(&state, .tick)
    #expect(state.status == nil)
  }
}
