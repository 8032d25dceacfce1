import MizzenConsole
import MizzenCore
import Testing

/// Choosers filter as you type and page; help scrolls, says there is more and answers
/// over dialogs and choosers; dialogs scroll at the smallest size.
@Suite struct OverlayPolishTests {
  static func screen(_ state: ConsoleState) -> String {
    ConsoleModel.render(state, state.size).text
  }

  /// A workspace with 50 connections, and the channel form of a topic open on its
  /// connection field.
  static func channelFormOnConnection() throws -> ConsoleState {
    var workspace = Fixtures.workspace
    for number in 1...50 {
      workspace.connections.append(
        Connection(
          code: "conn_\(number)", name: "Connection \(number)",
          endpoint: "https://rest.iad-01.braze.com", apiKey: .environment("KEY_\(number)"),
          identityMapping: []))
    }
    var state = try Fixtures.state(workspace)
    press(&state, .character("2"), .enter, .character("n"))
    var guardCount = 0
    while state.form?.focusedField.id != "connection" && guardCount < 10 {
      press(&state, .tab)
      guardCount += 1
    }
    try #require(state.form?.focusedField.id == "connection")
    return state
  }

  @Test func aChooserFiltersAsYouType() throws {
    var state = try Self.channelFormOnConnection()
    press(&state, .enter)
    type(&state, "conn_4")
    guard case .chooser = state.overlay else {
      Issue.record("typing keeps the chooser open")
      return
    }
    #expect(!Self.screen(state).contains("conn_39"))
    #expect(Self.screen(state).contains("filter “conn_4”"))
    press(&state, .down, .enter)
    #expect(state.form?.field("connection")?.choiceValue == "conn_40")
  }

  @Test func escClearsTheChoosersFilterThenCloses() throws {
    var state = try Self.channelFormOnConnection()
    press(&state, .enter)
    type(&state, "zzz")
    press(&state, .enter)
    #expect(state.status?.text.contains("Nothing matches") == true)
    trigger(&state, .back)
    guard case .chooser = state.overlay else {
      Issue.record("esc first clears what was typed")
      return
    }
    #expect(Self.screen(state).contains("type to filter"))
    trigger(&state, .back)
    #expect(state.overlay == nil)
  }

  @Test func pageDownAndPageUpPageAChooser() throws {
    var state = try Self.channelFormOnConnection()
    press(&state, .enter, .home, .pageDown)
    guard case .chooser(let paged) = state.overlay else { return }
    #expect(paged.selected == state.size.height - 6)
    press(&state, .pageUp)
    guard case .chooser(let back) = state.overlay else { return }
    #expect(back.selected == 0)
  }

  @Test func helpOverAChooserListsItsKeysAndReturnsToIt() throws {
    var state = try Self.channelFormOnConnection()
    press(&state, .enter, .function(1))
    #expect(Self.screen(state).contains("Choosing from a list"))
    trigger(&state, .back)
    guard case .chooser = state.overlay else {
      Issue.record("closing help goes back to the chooser")
      return
    }
  }

  @Test func helpOverADialogAnswersQuestionMark() throws {
    var state = try Fixtures.state()
    trigger(&state, .delete, .help)
    guard case .help = state.overlay else {
      Issue.record("? in a dialog opens help")
      return
    }
    trigger(&state, .back)
    guard case .dialog = state.overlay else {
      Issue.record("closing help goes back to the dialog")
      return
    }
  }

  @Test func helpAtTheSmallestSizeSaysThereIsMoreAndStopsAtItsEnd() throws {
    var state = try Fixtures.state(size: Size(width: 60, height: 16))
    trigger(&state, .help)
    #expect(Self.screen(state).contains("for more"))
    for _ in 0..<200 { press(&state, .pageDown) }
    guard case .help(let scroll) = state.overlay else { return }
    press(&state, .up)
    guard case .help(let after) = state.overlay else { return }
    #expect(after == scroll - 1)
    #expect(Self.screen(state).contains("for more"))
  }

  /// Help closed, paged or not, leaves the screen exactly as it was: nothing of its box on
  /// the breadcrumb or the status row.
  @Test(arguments: [Size(width: 60, height: 16), Size(width: 80, height: 24)])
  func helpClosedLeavesNothingBehind(size: Size) throws {
    var state = try Fixtures.state(size: size)
    trigger(&state, .showTopics)
    let before = ConsoleModel.render(state, size)
    trigger(&state, .help)
    #expect(ConsoleModel.render(state, size) != before)
    press(&state, .pageDown, .pageDown)
    trigger(&state, .back)
    #expect(state.overlay == nil)
    #expect(ConsoleModel.render(state, size) == before)
  }

  @Test func aLongDialogKeepsItsButtonsAtTheSmallestSize() throws {
    var state = try Fixtures.state(size: Size(width: 60, height: 16))
    trigger(&state, .permissions)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("P opens the permissions view")
      return
    }
    let button = try #require(dialog.buttons.first)
    #expect(Self.screen(state).contains("[ \(button) ]"))
    #expect(Self.screen(state).contains("↑ ↓ scroll"))
  }

  @Test func markingASecondSpaceSaysItUnmarksTheFirst() throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 30))
    press(&state, .character("3"), .down, .character("e"))
    var guardCount = 0
    while state.form?.focusedField.id != "marketingPreference" && guardCount < 10 {
      press(&state, .tab)
      guardCount += 1
    }
    press(&state, .right)
    #expect(Self.screen(state).contains("saving unmarks email"))
  }
}
