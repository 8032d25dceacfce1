import MizzenConsole
import MizzenCore
import Testing

/// Esc, the filter, the command line, help and quitting.
@Suite struct EscapeAndPromptTests {
  @Test func escUnwindsDialogThenFilterThenScreenAndNeverQuits() throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, "problems")
    press(&state, .enter)
    #expect(state.screens.count == 1)
    trigger(&state, .filter)
    type(&state, "zzz")
    press(&state, .enter)
    trigger(&state, .help)
    #expect(state.overlay == .help(scroll: 0))

    var effects = trigger(&state, .back)
    #expect(state.overlay == nil)
    #expect(state.screens.count == 1)
    effects += trigger(&state, .back)
    if case .problems(let list) = state.screens.last {
      #expect(list.filter.isEmpty)
    } else {
      Issue.record("the problems list should still be open")
    }
    effects += trigger(&state, .back)
    #expect(state.screens.isEmpty)
    for _ in 0..<5 { effects += trigger(&state, .back) }
    #expect(effects.isEmpty)
    #expect(state.status?.text == "Nothing to go back to. q quits.")
  }

  @Test func escClosesDeleteDialogBeforeTheFilter() throws {
    var state = try Fixtures.state()
    trigger(&state, .filter)
    type(&state, "braze")
    press(&state, .enter, .character("d"))
    guard case .dialog = state.overlay else {
      Issue.record("delete should ask first")
      return
    }
    trigger(&state, .back)
    #expect(state.overlay == nil)
    #expect(state.currentList.filter == "braze")
    trigger(&state, .back)
    #expect(state.currentList.filter == "")
    #expect(state.workspace == Fixtures.workspace)
  }

  @Test(arguments: [
    ("BRAZE", ["braze_us", "braze_jp"]),
    ("東京", ["braze_jp"]),
    ("127.0.0.1", ["sandbox_local"]),
    ("jp-01", ["braze_jp"]),
    ("nothing", []),
  ])
  func filterMatchesCodeNameAndEndpointAsYouType(text: String, codes: [String]) throws {
    var state = try Fixtures.state()
    trigger(&state, .filter)
    type(&state, text)
    let shown = state.currentList.visible.map { state.workspace.connections[$0].code }
    #expect(shown == codes)
    #expect(state.prompt?.kind == .filter)
  }

  @Test func filterKeepsOnEnterAndRestoresOnEsc() throws {
    var state = try Fixtures.state()
    trigger(&state, .filter)
    type(&state, "jp")
    press(&state, .enter)
    #expect(state.prompt == nil)
    #expect(state.currentList.visible == [1])
    trigger(&state, .filter)
    press(&state, .backspace, .backspace)
    type(&state, "us")
    #expect(state.currentList.visible == [0])
    trigger(&state, .back)
    #expect(state.currentList.filter == "jp")
    #expect(state.currentList.visible == [1])
  }

  @Test(arguments: [
    ("con", "connections"),
    ("t", "topics"),
    ("s", "spaces"),
    ("pro", "pro"),
    ("prob", "problems"),
    ("h", "h"),
  ])
  func commandLineCompletesWithTab(typed: String, completed: String) throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, typed)
    press(&state, .tab)
    #expect(state.prompt?.input.text == completed)
  }

  @Test(arguments: [
    ("connections", Section.connections),
    ("topics", .topics),
    ("spaces", .identitySpaces),
    ("properties", .properties),
    ("history", .history),
    ("top", .topics),
  ])
  func commandsSwitchSection(command: String, section: Section) throws {
    var state = try Fixtures.state()
    trigger(&state, .showProperties, .command)
    type(&state, command)
    // History reads the journal afresh, as when it is shown with 5.
    #expect(press(&state, .enter) == (section == .history ? [.signal(.loadJournal)] : []))
    #expect(state.section == section)
  }

  @Test func colonQQuitsAndAnUnknownCommandExplains() throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, "frobnicate")
    #expect(press(&state, .enter).isEmpty)
    #expect(state.status?.level == .error)
    #expect(state.status?.text.hasPrefix("Unknown command “:frobnicate”") == true)
    trigger(&state, .command)
    type(&state, "q")
    #expect(press(&state, .enter) == [.quit])
  }

  @Test func qQuitsOnlyFromTheTopLevel() throws {
    var state = try Fixtures.state()
    command(&state, "problems")
    #expect(press(&state, .character("q")).isEmpty)
    #expect(state.status?.text == "q quits from the top level; esc goes back first.")
    trigger(&state, .back, .open)
    #expect(press(&state, .character("q")).isEmpty)
    #expect(state.form?.field("name")?.text == "Braze USq")
    trigger(&state, .back)
    pressButton(&state, "Discard changes")
    #expect(state.form == nil)
    #expect(press(&state, .character("q")) == [.quit])
  }

  @Test func helpIsGeneratedFromTheBindingTable() throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 60))
    trigger(&state, .help)
    let text = ConsoleModel.render(state, state.size).text
    for binding in BindingTable.standard.bindings(in: [.list]) {
      #expect(text.contains(binding.keyLabel + " "), "help lacks \(binding.keyLabel)")
      #expect(text.contains(binding.description), "help lacks \(binding.description)")
    }
    #expect(text.contains("Nothing to undo."))
    // In help, ? closes it.
    press(&state, .character("?"))
    #expect(state.overlay == nil)
  }
}
