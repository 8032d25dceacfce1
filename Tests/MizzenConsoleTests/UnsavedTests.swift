import MizzenConsole
import MizzenCore
import Testing

/// Changes that are not on disk are always shown, and nothing drops them without asking.
@Suite struct UnsavedTests {
  static func header(_ state: ConsoleState) -> String {
    String(ConsoleModel.render(state, state.size).text.split(separator: "\n")[0])
  }

  /// Presses enter on the conflict dialog, if one is open: "Keep my change".
  static func keep(_ state: inout ConsoleState) {
    if case .dialog(let dialog) = state.overlay, dialog.purpose == .conflict {
      pressButton(&state, "Keep my change")
    }
  }

  @Test func theHeaderSaysUnsavedAndWhyUntilASaveLands() throws {
    var state = try Fixtures.state()
    trigger(&state, .moveBottom, .delete)
    pressButton(&state, "Delete")
    let failure = StoreError(
      kind: .io, path: "/x/mizzen.json", message: "/x/mizzen.json: disk full; free some space.",
      isUnreadable: false)
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(failure)))
    #expect(Self.header(state).contains("[unsaved: the save failed]"))
    trigger(&state, .undo)
    #expect(Self.header(state).contains("[unsaved: the save failed]"))
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    #expect(!Self.header(state).contains("unsaved"))
  }

  @Test func keepingMyChangeAfterAConflictIsShownInTheHeader() throws {
    var (store, state) = try SaveAndReloadTests.start()
    var theirs = Fixtures.workspace
    theirs.name = "Theirs"
    _ = try store.save(theirs, expecting: try store.load().revision)
    _ = SaveAndReloadTests.run(
      trigger(&state, .delete) + pressButton(&state, "Delete"), &state, store)
    Self.keep(&state)
    #expect(Self.header(state).contains("[unsaved: the file changed on disk]"))
  }

  @Test func reloadReappliesMyChangesByRecordAndReportsWhatNoLongerApplies() throws {
    var (store, state) = try SaveAndReloadTests.start()
    var theirs = Fixtures.workspace
    theirs.topics.insert(Topic(code: "from_elsewhere", name: "From elsewhere"), at: 0)
    theirs.topics[1].description = "Theirs"
    _ = try store.save(theirs, expecting: try store.load().revision)

    press(&state, .character("2"), .down, .character("e"), .tab, .tab)
    type(&state, "Mine")
    _ = SaveAndReloadTests.run(trigger(&state, .save), &state, store)
    Self.keep(&state)
    press(&state, .up, .character("e"), .tab, .tab)
    type(&state, "Mine too")
    _ = SaveAndReloadTests.run(trigger(&state, .save), &state, store)
    Self.keep(&state)
    _ = SaveAndReloadTests.run(
      trigger(&state, .showConnections, .moveBottom, .delete) + pressButton(&state, "Delete"),
      &state, store)
    Self.keep(&state)
    #expect(state.hasUnsavedChanges)

    #expect(trigger(&state, .reload).isEmpty)
    _ = SaveAndReloadTests.run(pressButton(&state, "Re-apply my changes"), &state, store)
    #expect(
      state.workspace.topics.map(\.code) == ["from_elsewhere", "weekly_newsletter", "sale_jp"])
    #expect(state.workspace.topics[2].description == "Mine")
    #expect(state.workspace.topics[1].description == "Theirs")
    #expect(state.workspace.connections.map(\.code) == ["braze_us", "braze_jp"])
    guard case .dialog(let notice) = state.overlay else {
      Issue.record("what no longer applies is listed")
      return
    }
    #expect(
      notice.lines == [
        "The file was reloaded and re-applied 2 changes. These were not:",
        "  • topic weekly_newsletter: changed in the file too; your edit is not applied",
      ])
    #expect(state.status?.text.hasPrefix("Saved") == true)
    #expect(try store.load().workspace == state.workspace)
    #expect(!state.hasUnsavedChanges)
    #expect(!Self.header(state).contains("unsaved"))
  }

  @Test func aChannelAddedHereIsAddedToItsTopicInTheFilesNewContent() throws {
    var (store, state) = try SaveAndReloadTests.start()
    var theirs = Fixtures.workspace
    theirs.topics[1].name = "Sale (theirs)"
    theirs.topics[0].channels[0].subscriptionGroupId = "11111111-2222-4333-8444-555555555555"
    _ = try store.save(theirs, expecting: try store.load().revision)

    press(&state, .character("2"), .enter, .character("n"), .tab, .tab)
    type(&state, "0c1b2a39-1111-4222-8333-444455556666")
    _ = SaveAndReloadTests.run(trigger(&state, .save), &state, store)
    Self.keep(&state)
    trigger(&state, .back, .reload)
    pressButton(&state, "Re-apply my changes")
    _ = SaveAndReloadTests.run([.reload], &state, store)
    let saved = try store.load().workspace
    #expect(saved.topics[1].name == "Sale (theirs)")
    #expect(saved.topics[0].channels.map(\.channel) == ["email", "sms"])
    #expect(
      saved.topics[0].channels[0].subscriptionGroupId == "11111111-2222-4333-8444-555555555555")
    #expect(state.overlay == nil)
    #expect(state.workspace == saved)
  }

  /// The header's unsaved marker and the dialog r opens over changes that are not on disk.
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
  func reloadDialogSnapshot(size: Size) throws {
    var state = try Fixtures.state(size: size)
    trigger(&state, .moveBottom, .delete)
    pressButton(&state, "Delete")
    let failure = StoreError(
      kind: .conflict, path: "/x/mizzen.json", message: "/x/mizzen.json changed on disk.",
      isUnreadable: false)
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(failure)))
    press(&state, .enter, .character("r"))
    state = RenderSnapshotTests.quiet(state)
    expectSnapshot(
      ConsoleModel.render(state, size), named: RenderSnapshotTests.name("reload-unsaved", size))
  }

  @Test func reloadWithoutChangesStillReloadsAtOnce() throws {
    var state = try Fixtures.state()
    #expect(trigger(&state, .reload) == [.reload])
  }

  @Test func ctrlCAsksLikeQWhenChangesAreNotOnDisk() throws {
    var state = try Fixtures.state()
    #expect(ConsoleModel.update(&state, .interrupt) == [.quit])
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    let failure = StoreError(
      kind: .io, path: "/x/mizzen.json", message: "/x/mizzen.json: disk full.",
      isUnreadable: false)
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(failure)))
    #expect(ConsoleModel.update(&state, .interrupt).isEmpty)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("ctrl-c with an unsaved change asks first")
      return
    }
    #expect(dialog.purpose == .quitUnsaved)
    #expect(dialog.lines.first == "Your changes are not in the file: the save failed.")
    #expect(dialog.focusedButton == "Cancel")
    #expect(ConsoleModel.update(&state, .interrupt) == [.quit])
  }

  @Test func ctrlCAsksBeforeDroppingAnEditedForm() throws {
    var state = try Fixtures.state()
    trigger(&state, .edit)
    type(&state, "x")
    #expect(ConsoleModel.update(&state, .interrupt).isEmpty)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("ctrl-c over an edited form asks first")
      return
    }
    #expect(dialog.lines.first == "The open form has changes that are not saved.")
    press(&state, .enter)
    #expect(state.form?.field("name")?.text == "Braze USx")
  }
}
