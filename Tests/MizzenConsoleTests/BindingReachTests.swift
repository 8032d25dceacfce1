import MizzenConsole
import MizzenCore
import Testing

/// The binding table is the only way to an action: every action has a row, a `:` command
/// is a name on a row (run, and refused, as its key is), and the reason a row cannot act is
/// what help and the hint strip show.
@Suite struct BindingReachTests {
  static func hints(_ state: ConsoleState) -> String {
    let quiet = RenderSnapshotTests.quiet(state)
    return ConsoleModel.render(quiet, quiet.size).text(ofRow: quiet.size.height - 1)
  }

  @Test func everyActionHasAKeyOrACommandInTheStandardTable() {
    for action in Action.allCases {
      let rows = BindingTable.standard.rows.filter { $0.action == action }
      #expect(
        rows.contains { !$0.keys.isEmpty || !$0.commands.isEmpty },
        "\(action.rawValue) has neither a key nor a command")
    }
    // A row without keys is reached through the : line, which lists open from lists.
    for row in BindingTable.standard.rows where row.keys.isEmpty {
      #expect(!row.commands.isEmpty && [.global, .list].contains(row.context), "\(row.action)")
    }
    let names = BindingTable.standard.rows.flatMap(\.commands)
    #expect(Set(names).count == names.count, "a : command names one binding")
  }

  @Test func colonQAndQRefuseAlike() throws {
    var state = try Fixtures.state()
    trigger(&state, .problems)
    #expect(press(&state, .character("q")).isEmpty)
    let byKey = try #require(state.status)
    #expect(byKey.text == "q quits from the top level; esc goes back first.")
    for typed in ["q", "quit", "QU"] {
      #expect(command(&state, typed).isEmpty, ":\(typed) refuses as q does")
      #expect(state.status?.text == byKey.text)
      #expect(state.status?.level == byKey.level)
    }
    trigger(&state, .back, .showTopics, .open)
    #expect(state.childList != nil)
    #expect(command(&state, "q").isEmpty)
    #expect(state.childList != nil)
    trigger(&state, .back)
    #expect(command(&state, "q") == [.quit])
  }

  @Test func commandOnlyActionsRunThroughTheTable() throws {
    var state = try Fixtures.state()
    #expect(command(&state, "w").isEmpty)
    #expect(state.status?.text == "Nothing to write: every change was saved as it was made.")
    command(&state, "messages")
    guard case .journalEntry = state.screens.last else {
      Issue.record(":messages shows the messages")
      return
    }
    #expect(ConsoleModel.render(state, state.size).text.contains("Nothing to write"))

    // Under --read-only, :w! is refused for the reason help gives beside it.
    var readOnly = try ImposedReadOnlyTests.state(readOnly: true, reason: nil)
    #expect(command(&readOnly, "w!").isEmpty)
    #expect(readOnly.options.readOnly)
    let reason =
      "Read-only: the console was started with --read-only, so nothing can be changed."
    #expect(readOnly.status?.text == reason)
    #expect(readOnly.status?.level == .warning)
    var tall = readOnly
    _ = ConsoleModel.update(&tall, .resize(Size(width: 160, height: 80)))
    trigger(&tall, .help)
    let help = ConsoleModel.render(tall, tall.size).text
    #expect(
      help.contains(":w!             allow changes and saves to a file opened read-only — off: "),
      "\(help)")
  }

  @Test func aCommandOnlyActionCanBeGivenAKeyAndKeepsItsCommandAndReasons() throws {
    var (state, problems) = try KeyRemapTests.state(["messages": ["M"], "undo": ["U"]])
    #expect(problems.isEmpty)
    // A remapped key keeps its binding's reason.
    #expect(press(&state, .character("U")).isEmpty)
    #expect(state.status?.text == "Nothing to undo.")
    press(&state, .character("M"))
    guard case .journalEntry = state.screens.last else {
      Issue.record("M shows the messages")
      return
    }
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
    // The list of commands reads the same table: :messages now names its key.
    press(&state, .character(":"), .tab)
    guard case .dialog(let list) = state.overlay else {
      Issue.record("tab on an empty : line lists the commands")
      return
    }
    #expect(list.lines.contains(":messages    show the last 100 messages whole (M)"))
    #expect(list.lines.contains(":q           quit (q)"))
    #expect(list.lines.contains(":w!          allow changes and saves to a file opened read-only"))
    trigger(&state, .back, .accept)
    #expect(state.prompt == nil)
    command(&state, "mes")
    guard case .journalEntry = state.screens.last else {
      Issue.record(":mes still shows the messages")
      return
    }
  }

  @Test func aCommandThatTakesNothingSaysSoAndTheRestOfTheLineKeepsItsCase() throws {
    var state = try Fixtures.state()
    #expect(command(&state, "q now").isEmpty)
    #expect(state.status?.text == "“:q” takes nothing after it.")
    #expect(state.status?.level == .error)
    command(&state, "Topics Weekly")
    #expect(state.section == .connections)
    #expect(state.commandHistory.last == "topics Weekly")
  }

  /// A row that names what its command takes (as `:reconcile FILE` will) gets the rest of
  /// the line instead of a refusal, and the list of commands shows what it takes.
  @Test func aCommandThatTakesSomethingIsRunWithIt() throws {
    let rows = BindingTable.all.map { row in
      var row = row
      if row.action == .showTopics { row.argument = "NAME" }
      return row
    }
    let (_, loaded) = try Fixtures.loaded()
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(workspacePath: Fixtures.path, bindings: BindingTable(rows: rows)),
      size: Size(width: 120, height: 40))
    command(&state, "topics Weekly 2")
    #expect(state.section == .topics)
    #expect(state.status == nil)
    trigger(&state, .command)
    _ = ConsoleModel.update(&state, .text("top x"))
    let line = ConsoleModel.render(state, state.size).text(ofRow: state.size.height - 1)
    #expect(line.contains(":topics NAME"), "\(line)")
  }

  @Test func aTopicWithoutAChannelLeavesTOutOfTheHintsAndHelpSaysWhy() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].channels = []
    var state = try Fixtures.state(workspace, size: Size(width: 160, height: 60))
    trigger(&state, .showTopics)
    #expect(!Self.hints(state).contains("t test-send"), "\(Self.hints(state))")
    let reason = "Topic weekly_newsletter has no channel to send on; add one first."
    #expect(press(&state, .character("t")).isEmpty)
    #expect(state.status?.text == reason)
    #expect(state.screens.isEmpty)
    trigger(&state, .help)
    #expect(ConsoleModel.render(state, state.size).text.contains("— off: " + reason))
    trigger(&state, .back, .moveDown)
    #expect(Self.hints(state).contains("t test-send"))
  }

  @Test func theLookUpOffersEnterOnceAValueIsTyped() throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 30))
    trigger(&state, .lookUp)
    #expect(!Self.hints(state).contains("enter look up"), "\(Self.hints(state))")
    #expect(trigger(&state, .send).isEmpty)
    #expect(state.status?.text == "Type at least one identity value, then enter.")
    type(&state, "someone@example.com")
    #expect(Self.hints(state).contains("enter look up"), "\(Self.hints(state))")
  }

  @Test func ctrlSInADialogWithoutAFormIsDimmedInHelpWithItsReason() throws {
    var state = try Fixtures.state(size: Size(width: 160, height: 60))
    trigger(&state, .delete, .help)
    let help = ConsoleModel.render(state, state.size).text
    #expect(help.contains("— off: ctrl-s saves a form; this dialog has no form to save."))
  }

  @Test func triggeringAnActionThatNothingBindsHereFailsTheTest() throws {
    var state = try Fixtures.state()
    withKnownIssue("v belongs to the test-send screen") {
      trigger(&state, .verify)
    }
    #expect(state.screens.isEmpty && state.status == nil)
  }
}
