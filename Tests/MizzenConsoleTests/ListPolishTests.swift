import MizzenConsole
import MizzenCore
import Testing

/// Lists find what people type, show what was just made, mark problems alike, light the
/// tab of the screen shown, and keep History on the newest send.
@Suite struct ListPolishTests {
  static func screen(_ state: ConsoleState) -> String {
    ConsoleModel.render(state, state.size).text
  }

  static func topicsFiltered(_ text: String) throws -> [String] {
    var workspace = Fixtures.workspace
    workspace.topics[1].name = "Tilbud fra Møller — été"
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .filter)
    type(&state, text)
    return state.currentList.visible.map { state.workspace.topics[$0].code }
  }

  @Test(arguments: [
    ("sms", ["sale_jp"]), ("braze_jp", ["sale_jp"]), ("0C1B2A39", ["sale_jp"]),
    ("moller", ["sale_jp"]), ("ETE", ["sale_jp"]), ("Møller", ["sale_jp"]),
  ])
  func theFilterFindsChannelsConnectionsGroupsAndFoldsAccents(text: String, codes: [String])
    throws
  {
    #expect(try Self.topicsFiltered(text) == codes)
  }

  @Test func ctrlWAndCtrlUEditTheFilter() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .filter)
    type(&state, "weekly news")
    #expect(state.currentList.filter == "weekly news")
    press(&state, .control("w"))
    #expect(state.currentList.filter == "weekly ")
    press(&state, .control("w"))
    #expect(state.currentList.filter == "")
    type(&state, "sale")
    press(&state, .control("u"))
    #expect(state.currentList.filter == "")
    #expect(state.currentList.visible.count == 2)
  }

  @Test func aRecordJustCreatedIsShownEvenWhenTheFilterWouldHideIt() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .filter)
    type(&state, "weekly")
    press(&state, .enter, .character("n"))
    type(&state, "Product news")
    trigger(&state, .save)
    #expect(state.form == nil)
    let selected = try #require(state.currentList.selectedRecord)
    #expect(state.workspace.topics[selected].name == "Product news")
    #expect(state.status?.text.contains("filter") == true)
  }

  @Test func connectionsRowsCarryProblemMarkersAndAPlainHTTPEndpointShowsItsScheme() throws {
    var workspace = Fixtures.workspace
    workspace.connections[0].endpoint = "http://example.com"
    let state = RenderSnapshotTests.quiet(try Fixtures.state(workspace))
    let lines = Self.screen(state).split(separator: "\n")
    let row = try #require(lines.first { $0.contains("braze_us") })
    #expect(row.hasPrefix(" ✗ braze_us"))
    let local = try #require(lines.first { $0.contains("sandbox_local") })
    #expect(local.contains("http://"))
  }

  @Test(arguments: ["1", "2", "3", "4"])
  func everyListStartsAtTheSameColumn(key: String) throws {
    var state = try Fixtures.state()
    press(&state, .character(Character(key)))
    let title = try #require(Self.screen(state).split(separator: "\n").dropFirst().first)
    #expect(title.hasPrefix("   "), "\(title)")
    #expect(!title.hasPrefix("    "), "\(title)")
  }

  @Test func theTabOfTheScreenShownIsLit() throws {
    var state = try Fixtures.state()
    #expect(
      ConsoleModel.render(state, state.size).role(row: 0, text: "1 Connections") == .tabActive)
    trigger(&state, .problems)
    let frame = ConsoleModel.render(state, state.size)
    #expect(frame.role(row: 0, text: "1 Connections") == .tab)
  }

  @Test func shortValuesStayWholeWhileALongNameGivesUpRoom() throws {
    var state = try Fixtures.state(size: Size(width: 80, height: 24))
    #expect(Self.screen(state).contains("inline ••••9876"))
    #expect(Self.screen(state).contains("sandbox_local"))
    trigger(&state, .showTopics)
    #expect(Self.screen(state).contains("consent_optin"))
  }

  @Test func historysSelectionFollowsNewSendsFromTheNewest() throws {
    var state = try HistoryTests.history()
    #expect(state.currentList.selected == 0)
    var newer = HistoryTests.journal[0]
    newer.time = "2026-03-01T11:00:00.000Z"
    HistoryTests.loaded(&state, HistoryTests.journal + [newer])
    #expect(HistoryTests.selected(state) == newer)
  }
}

extension Frame {
  /// The role of the first cell of `text` on `row`, if it is there.
  func role(row: Int, text: String) -> Role? {
    var line = ""
    var columns: [Int] = []
    for column in 0..<width where !self[row, column].isContinuation {
      for _ in self[row, column].text { columns.append(column) }
      line += self[row, column].text
    }
    guard let range = line.range(of: text) else { return nil }
    return self[row, columns[line.distance(from: line.startIndex, to: range.lowerBound)]].role
  }
}
