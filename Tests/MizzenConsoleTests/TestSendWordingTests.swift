import MizzenConsole
import MizzenCore
import Testing

/// What the test-send screen says and shows, in the console's own terms: the fields it
/// has, not the command line's options; the focus marked without colour.
@Suite struct TestSendWordingTests {
  @Test func aMissingValueNamesTheFieldNotTheCommandLineOption() throws {
    var (state, _) = try TestSendTests.opened()
    let screen = TestSendTests.text(state)
    #expect(screen.contains("Cannot send yet: Enter a value for Email address (email)"))
    #expect(!screen.contains("--identity"))
    #expect(press(&state, .enter).isEmpty)
    let status = try #require(state.status)
    #expect(status.level == .error)
    #expect(status.text.hasPrefix("Not sent: Enter a value for Email address (email)"))
    #expect(!status.text.contains("--identity"))
  }

  @Test func thePlannerNamesTheSpacesWithoutCommandLineWording() throws {
    let signal = Signal(
      topic: "weekly_newsletter", channel: "email", identities: [:], state: .granted)
    #expect(throws: SignalPlanError.self) { try SignalPlanner.plan(signal, in: Fixtures.workspace) }
    do {
      _ = try SignalPlanner.plan(signal, in: Fixtures.workspace)
    } catch {
      #expect(error.kind == .missingIdentity)
      #expect(error.message.contains("'email'"))
      #expect(!error.message.contains("--identity"), "the core speaks of no command line")
      #expect(error.identitySpaces.first == "email")
    }
  }

  /// The row of the screen that holds `text`.
  static func row(_ state: ConsoleState, _ text: String) -> String? {
    TestSendTests.text(state).split(separator: "\n").map(String.init).first { $0.contains(text) }
  }

  @Test func theFocusedFieldIsMarkedWithoutColour() throws {
    var (state, _) = try TestSendTests.opened()
    let spaces = try #require(TestSendTests.screen(state)?.spaces)
    #expect(spaces.first == "email")
    #expect(Self.row(state, "[")?.contains("› email") == true)
    #expect(Self.row(state, "Channel")?.contains("› Channel") == false)
    press(&state, .backTab)
    #expect(Self.row(state, "Channel")?.contains("› Channel") == true)
    #expect(Self.row(state, "[")?.contains("› email") == false)
    for _ in 0...spaces.count { press(&state, .tab) }
    #expect(Self.row(state, "Choice")?.contains("› Choice") == true)
    let marked = TestSendTests.text(state).split(separator: "\n").filter { $0.hasPrefix("  › ") }
    #expect(marked.count == 1)
  }
}

/// The hint strip of the test-send screen offers only keys that act: while a value is
/// typed, printable keys are text, so help is F1 there; `v` appears once there is a send.
@Suite struct TestSendTypingHintTests {
  static func strip(_ state: ConsoleState) -> String {
    let quiet = RenderSnapshotTests.quiet(state)
    return ConsoleModel.render(quiet, quiet.size).text(ofRow: quiet.size.height - 1)
  }

  @Test func whileTypingAValueHelpIsF1AndNoPrintableKeyIsOffered() throws {
    var (state, _) = try TestSendTests.opened()
    #expect(TestSendTests.screen(state)?.focus == 1)
    let strip = Self.strip(state)
    #expect(strip.contains("F1 help"), "\(strip)")
    for printable in ["? help", "v verify", "q quit", "z undo", ": command line"] {
      #expect(!strip.contains(printable), "\(printable) offered while typing: \(strip)")
    }
    press(&state, .character("?"))
    #expect(state.overlay == nil)
    #expect(TestSendTests.screen(state)?.values[0].text == "?")
    press(&state, .function(1))
    #expect(state.overlay == .help(scroll: 0))
  }

  @Test func onTheChoiceFieldQuestionMarkIsHelpAgain() throws {
    var (state, _) = try TestSendTests.opened()
    press(&state, .backTab)
    let strip = Self.strip(state)
    #expect(strip.contains("? help"), "\(strip)")
    #expect(!strip.contains("F1 help"), "\(strip)")
    #expect(!strip.contains("v verify"), "v offered before any send: \(strip)")
    trigger(&state, .verify)
    #expect(state.status?.text == "v verifies after a send: send first (enter).")
  }

  @Test func afterASendVerifyIsOffered() throws {
    var (state, plan, id) = try TestSendTests.sending()
    let ok = BrazeOutcome(kind: .success, status: 201, message: "Applied.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, TestSendTests.entry(plan, ok), journalError: nil))))
    let strip = Self.strip(state)
    #expect(strip.contains("v verify"), "\(strip)")
    #expect(strip.contains("? help"), "\(strip)")
  }
}

/// Help over the test-send screen lists the test-send keys, not the list's.
@Suite struct TestSendHelpTests {
  @Test func helpOnTestSendListsItsOwnKeys() throws {
    var (state, _) = try TestSendTests.opened()
    press(&state, .function(1))
    #expect(state.overlay == .help(scroll: 0))
    let screen = TestSendTests.text(state)
    #expect(screen.contains("Test-send one signal: pick the channel"), "\(screen)")
    #expect(screen.contains("verify: read the state back"), "\(screen)")
    #expect(screen.contains("cancel the send, else close"), "\(screen)")
    // The list's "n  new" row; the breadcrumb below the help names weekly_newsletter.
    #expect(!screen.contains("n               new"), "list keys offered on test-send: \(screen)")
    #expect(!screen.contains("check the connection"), "\(screen)")
  }
}

/// Keys that cannot act are dimmed inside the help box, on the box's own role, so the
/// terminal's background never shows through a row of it.
@Suite struct HelpDimRowTests {
  @Test func offRowsUseTheDialogsDimRole() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .help)
    let frame = ConsoleModel.render(state, state.size)
    let row = try #require((0..<frame.height).first { frame.text(ofRow: $0).contains("— off:") })
    let column = try #require(Array(frame.text(ofRow: row)).firstIndex(of: "x"))
    #expect(frame[row, column].role == .dialogDim)
    let onRow = try #require((0..<frame.height).first { frame.text(ofRow: $0).contains("filter") })
    #expect(frame[onRow, 6].role == .dialog)
  }

  /// On a row of the identity mapping the form's own keys are still in force, so help says
  /// why one of them is off there too.
  @Test func onAMappingRowTheFormKeysSayWhyTheyAreOff() throws {
    var state = try Fixtures.state()
    trigger(&state, .showConnections, .edit)
    var strip = ""
    for _ in 0..<12 where !strip.contains("add a mapping") {
      press(&state, .tab)
      strip = TestSendTypingHintTests.strip(state)
    }
    #expect(strip.contains("add a mapping"), "no mapping row reached: \(strip)")
    press(&state, .function(1))
    let screen = TestSendTests.text(state)
    let save = screen.split(separator: "\n").first { $0.contains("ctrl-s") }
    #expect(save?.contains("off: Nothing changed to save.") == true, "\(screen)")
  }
}

/// The test-send screen is not a list: the wheel and clicks there leave the Topics list
/// underneath where it was, and the breadcrumb shows no list position.
@Suite struct TestSendIsNotAListTests {
  @Test func theWheelLeavesTheTopicsSelectionAlone() throws {
    var (state, _) = try TestSendTests.opened()
    let before = state.currentList.selectedRecord
    for _ in 0..<3 {
      _ = ConsoleModel.update(&state, .mouse(.scrollDown(Position(row: 4, column: 4))))
    }
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 4, column: 4))))
    let crumb = TestSendTests.text(state).split(separator: "\n").dropLast().last ?? ""
    #expect(crumb.contains("Test-send"))
    #expect(!crumb.contains("/"), "\(crumb)")
    trigger(&state, .back)
    #expect(TestSendTests.screen(state) == nil)
    #expect(state.currentList.selectedRecord == before)
  }
}

/// The preview is planned on the workspace as it is now, also after a change made while
/// test-send is open (undo works there).
@Suite struct TestSendFollowsTheWorkspaceTests {
  @Test func undoOnTheTestSendScreenChangesThePreview() throws {
    var state = try Fixtures.state()
    let group = "0b5f3c7e-1d2a-4e6f-9a8b-7c6d5e4f3a2b"
    press(&state, .character("2"), .enter, .character("e"), .tab, .tab, .control("u"))
    for character in group { press(&state, .character(character)) }
    trigger(&state, .save)
    #expect(state.form == nil, "the channel form did not save: \(TestSendTests.text(state))")
    trigger(&state, .testSend)
    for character in "ana@example.com" { press(&state, .character(character)) }
    press(&state, .backTab)  // off the value field, so that z is a key, not text
    #expect(TestSendTests.text(state).contains(group))
    trigger(&state, .undo)
    #expect(TestSendTests.screen(state) != nil)
    #expect(!TestSendTests.text(state).contains(group), "the preview kept the undone group id")
    #expect(TestSendTests.text(state).contains("fbc3506c-26a5-4f35-b8f0-ed382da4f2db"))
  }
}

/// v while a call is out says so, rather than asking for a send that is under way.
@Suite struct VerifyWhileBusyTests {
  @Test func vDuringASendSaysACallIsOut() throws {
    var (state, _, _) = try TestSendTests.sending()
    trigger(&state, .verify)
    #expect(state.status?.text == "A call is under way; esc cancels it.")
  }
}
