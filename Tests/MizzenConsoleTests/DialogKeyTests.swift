import MizzenConsole
import MizzenCore
import Testing

/// A dialog, and the message that comes with it, names only keys that work where they are
/// named: ctrl-s in "Discard changes?" saves the form, and r is offered for reloading only
/// where r reloads.
@Suite struct DialogKeyTests {
  static func dialog(_ state: ConsoleState) -> Dialog? {
    if case .dialog(let dialog) = state.overlay { return dialog }
    return nil
  }

  /// The first connection's form, its name changed, and esc pressed: "Discard changes?".
  static func discarding() throws -> ConsoleState {
    var state = try Fixtures.state()
    press(&state, .character("e"))
    type(&state, " 2")
    press(&state, .escape)
    return state
  }

  @Test func ctrlSInDiscardChangesSavesTheForm() throws {
    var state = try Self.discarding()
    let dialog = try #require(Self.dialog(state))
    #expect(dialog.purpose == .discardForm)
    #expect(dialog.lines.contains("ctrl-s saves them."))
    let effects = press(&state, .control("s"))
    #expect(state.overlay == nil)
    #expect(state.form == nil)
    #expect(state.workspace.connections[0].name == "Braze US 2")
    #expect(effects.contains { if case .save = $0 { true } else { false } })
  }

  @Test func ctrlSInAnotherDialogSaysWhy() throws {
    var state = try Fixtures.state()
    press(&state, .character("d"))
    #expect(press(&state, .control("s")).isEmpty)
    #expect(Self.dialog(state) != nil)
    #expect(state.status?.text.contains("no form to save") == true)
  }

  static let conflict = StoreError(
    kind: .conflict, path: "/x/mizzen.json", message: "/x/mizzen.json: the file changed",
    isUnreadable: false)

  @Test func theConflictMessageDoesNotOfferRWhileTheDialogRefusesIt() throws {
    var state = try Fixtures.state()
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(Self.conflict)))
    #expect(Self.dialog(state)?.purpose == .conflict)
    #expect(state.status?.text.contains("r reloads") == false)
    // In the dialog r is not a key.
    press(&state, .character("r"))
    #expect(state.status?.text.contains("not a key here") == true)
  }

  @Test func keepingMyChangeOffersROnlyWhereItReloads() throws {
    var state = try Fixtures.state()
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(Self.conflict)))
    press(&state, .escape)
    #expect(state.status?.text.contains("; r reloads the file's version") == true)
    // The change is unsaved, so r asks first whether to re-apply or drop it.
    press(&state, .character("r"))
    #expect(Self.dialog(state)?.purpose == .reloadUnsaved)

    var inForm = try Fixtures.state()
    trigger(&inForm, .delete)
    pressButton(&inForm, "Delete")
    trigger(&inForm, .edit)
    #expect(inForm.form != nil)
    _ = ConsoleModel.update(&inForm, .effectCompleted(.saveFailed(Self.conflict)))
    press(&inForm, .escape)
    #expect(inForm.form != nil)
    let text = try #require(inForm.status?.text)
    #expect(!text.contains("; r reloads"))
    #expect(text.contains("close the form, then r, reloads"))
  }
}
