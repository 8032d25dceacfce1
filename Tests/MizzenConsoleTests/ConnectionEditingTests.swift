import MizzenConsole
import MizzenCore
import Testing

/// New, edit, clone, delete, undo and redo of connections, and the save effects they emit.
@Suite struct ConnectionEditingTests {
  /// The workspace of the single save effect in `effects`.
  static func saved(_ effects: [Effect], expecting revision: FileRevision?) -> Workspace? {
    guard effects.count == 1, case .save(let workspace, let expected) = effects[0],
      expected == revision
    else { return nil }
    return workspace
  }

  @Test func newConnectionTakesItsCodeFromTheNameAndSavesTheWholeWorkspace() throws {
    var state = try Fixtures.state()
    let revision = state.revision
    trigger(&state, .new)
    var form = try #require(state.form)
    #expect(form.purpose == .newConnection)
    #expect(form.field("code")?.text == "")
    type(&state, "Braze EU Été")
    form = try #require(state.form)
    #expect(form.field("code")?.text == "braze_eu_ete")
    press(&state, .tab, .backspace, .backspace, .backspace)
    type(&state, "prod")
    press(&state, .backTab)
    type(&state, " 2")
    form = try #require(state.form)
    #expect(form.field("code")?.text == "braze_eu_prod")
    press(&state, .tab, .tab, .tab, .tab)
    #expect(state.form?.focusedField.id == "keyEnv")
    type(&state, "BRAZE_EU_KEY")
    let effects = trigger(&state, .save)
    let workspace = try #require(Self.saved(effects, expecting: revision))
    var expected = Fixtures.workspace
    expected.connections.append(
      Connection(
        code: "braze_eu_prod", name: "Braze EU Été 2", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_EU_KEY"),
        identityMapping: [IdentityMapping(identitySpace: "email", field: .email)]))
    #expect(workspace == expected)
    #expect(state.workspace == expected)
    #expect(state.form == nil)
    #expect(state.currentList.selectedRecord == 3)
    #expect(state.saveInFlight)
  }

  @Test func theCodeOfAnExistingConnectionDoesNotFollowItsName() throws {
    var state = try Fixtures.state()
    trigger(&state, .edit)
    press(&state, .end)
    type(&state, " East")
    let effects = trigger(&state, .save)
    let workspace = try #require(Self.saved(effects, expecting: state.revision))
    #expect(workspace.connections[0].name == "Braze US East")
    #expect(workspace.connections[0].code == "braze_us")
  }

  @Test func savingAnUnchangedFormSaysNothingChanged() throws {
    var state = try Fixtures.state()
    trigger(&state, .edit)
    #expect(trigger(&state, .save).isEmpty)
    #expect(state.status?.text == "Nothing changed to save.")
  }

  @Test func cloneCopiesTheConnectionUnderAFreshCode() throws {
    var state = try Fixtures.state()
    trigger(&state, .clone)
    let form = try #require(state.form)
    #expect(form.field("name")?.text == "Braze US (copy)")
    #expect(form.field("code")?.text == "braze_us_copy")
    let workspace = try #require(
      Self.saved(trigger(&state, .save), expecting: state.revision))
    #expect(workspace.connections.count == 4)
    var copy = Fixtures.workspace.connections[0]
    copy.name = "Braze US (copy)"
    copy.code = "braze_us_copy"
    #expect(workspace.connections[3] == copy)
  }

  @Test func deleteAsksWithCancelFocusedAndEnterCancels() throws {
    var state = try Fixtures.state()
    press(&state, .down, .character("d"))
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("delete must ask first")
      return
    }
    #expect(dialog.focusedButton == "Cancel")
    #expect(dialog.buttons == ["Cancel", "Delete with 1 channel", "Move to…"])
    #expect(dialog.lines.contains("  • topic sale_jp, channel sms"))
    #expect(press(&state, .enter).isEmpty)
    #expect(state.workspace == Fixtures.workspace)
    #expect(state.status?.text == "Nothing deleted.")
  }

  @Test func deleteConfirmedRemovesTheConnectionAndSaves() throws {
    var state = try Fixtures.state()
    press(&state, .down, .character("d"), .tab)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("the dialog should still be open")
      return
    }
    #expect(dialog.focusedButton == "Delete with 1 channel")
    let workspace = try #require(Self.saved(press(&state, .enter), expecting: state.revision))
    #expect(workspace.connections.map(\.code) == ["braze_us", "sandbox_local"])
    #expect(workspace.topics[1].channels.isEmpty)
    #expect(state.overlay == nil)
  }

  @Test func undoAndRedoRestoreExactly() throws {
    var state = try Fixtures.state()
    let original = state.workspace
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    let afterDelete = state.workspace
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    trigger(&state, .edit)
    type(&state, "!")
    trigger(&state, .save)
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    let afterEdit = state.workspace

    var effects = trigger(&state, .undo)
    #expect(state.workspace == afterDelete)
    #expect(effects == [.save(afterDelete, expecting: state.revision)])
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    effects = trigger(&state, .undo)
    #expect(state.workspace == original)
    #expect(effects == [.save(original, expecting: state.revision)])
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    #expect(trigger(&state, .undo).isEmpty)
    #expect(state.status?.text == "Nothing to undo.")

    effects = trigger(&state, .redo)
    #expect(state.workspace == afterDelete)
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    trigger(&state, .redo)
    #expect(state.workspace == afterEdit)
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    #expect(trigger(&state, .redo).isEmpty)
    #expect(state.status?.text == "Nothing to redo.")
  }

  @Test func aNewChangeClearsRedo() throws {
    var state = try Fixtures.state()
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    trigger(&state, .undo)
    _ = ConsoleModel.update(&state, .effectCompleted(.saved(try #require(state.revision))))
    #expect(state.redoStack.count == 1)
    trigger(&state, .clone, .save)
    #expect(state.redoStack.isEmpty)
  }
}
