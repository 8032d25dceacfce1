import Foundation
import MizzenConsole
import MizzenCore
import Testing

/// `--read-only`: every change is disabled and says why; looking around still works.
@Suite struct ReadOnlyTests {
  static let reason =
    "Read-only: the console was started with --read-only, so nothing can be changed."

  @Test(arguments: ["n", "e", "d", "c", "z", "Z"])
  func changingKeysAreBlockedWithAReason(key: String) throws {
    var state = try Fixtures.state(readOnly: true)
    #expect(press(&state, .character(Character(key))).isEmpty)
    #expect(state.status?.text == Self.reason)
    #expect(state.screens.isEmpty)
    #expect(state.overlay == nil)
    #expect(state.workspace == Fixtures.workspace)
  }

  @Test func enterOpensTheFormOnlyToLook() throws {
    var state = try Fixtures.state(readOnly: true)
    press(&state, .enter)
    let form = try #require(state.form)
    #expect(form.viewOnly)
    type(&state, "abc")
    #expect(state.form?.field("name")?.text == "Braze US")
    #expect(state.status?.text == Self.reason)
    press(&state, .tab, .tab, .right)
    #expect(state.form?.field("endpointChoice")?.choiceValue == "https://rest.iad-01.braze.com")
    #expect(trigger(&state, .save).isEmpty)
    #expect(state.status?.text == Self.reason)
    trigger(&state, .back)
    #expect(state.form == nil)
  }

  @Test func theHintStripLeavesOutChangingKeysAndTheHeaderSaysReadOnly() throws {
    let writable = try Fixtures.state()
    var readOnly = try Fixtures.state(readOnly: true)
    #expect(readOnly.status?.text == "Read-only: nothing can be changed in this session.")
    for _ in 0..<40 { _ = ConsoleModel.update(&readOnly, .tick) }
    let writableFrame = ConsoleModel.render(writable, Size(width: 120, height: 30))
    let readOnlyFrame = ConsoleModel.render(readOnly, Size(width: 120, height: 30))
    #expect(writableFrame.text(ofRow: 29).contains("n new"))
    #expect(!readOnlyFrame.text(ofRow: 29).contains("n new"))
    #expect(readOnlyFrame.text(ofRow: 29).contains("/ filter"))
    #expect(readOnlyFrame.text(ofRow: 0).contains("[read-only]"))
  }

  @Test func navigationFilterAndQuitStillWork() throws {
    var state = try Fixtures.state(readOnly: true)
    press(&state, .down, .character("/"))
    type(&state, "sandbox")
    press(&state, .enter, .character("2"), .character("1"))
    #expect(state.currentList.visible == [2])
    #expect(press(&state, .character("q")) == [.quit])
  }
}

/// A file that should not be written (its mode, owner or folder) opens read-only with the
/// reason in the header; `:w!` is the explicit choice to change and save it anyway.
@Suite struct ImposedReadOnlyTests {
  static let reason = ReadOnlyReason(
    summary: "mode 0444", detail: "/home/admin/w.json is read-only (mode 0444)")

  static func state(readOnly: Bool = false, reason: ReadOnlyReason? = reason) throws
    -> ConsoleState
  {
    let (store, loaded) = try Fixtures.loaded()
    try? FileManager.default.removeItem(
      at: URL(fileURLWithPath: store.path).deletingLastPathComponent())
    return ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(
        readOnly: readOnly, readOnlyReason: reason, workspacePath: Fixtures.path),
      size: Size(width: 120, height: 30))
  }

  @discardableResult
  static func run(_ state: inout ConsoleState, _ command: String) -> [Effect] {
    trigger(&state, .command)
    type(&state, command)
    return press(&state, .enter)
  }

  @Test func theHeaderAndTheStatusSayWhyAndEditsAreRefused() throws {
    var state = try Self.state()
    let header = ConsoleModel.render(state, state.size).text(ofRow: 0)
    #expect(header.contains("[read-only: mode 0444]"))
    #expect(state.status?.text.contains("is read-only (mode 0444)") == true)
    #expect(state.status?.text.contains(":w!") == true)
    #expect(trigger(&state, .new).isEmpty)
    #expect(state.form == nil)
    #expect(state.status?.text == "Read-only (mode 0444); :w! allows changes.")
    press(&state, .enter)
    #expect(state.form?.viewOnly == true)
  }

  @Test func colonWBangAllowsChangesAndSaves() throws {
    var state = try Self.state()
    #expect(Self.run(&state, "w!").isEmpty)
    #expect(!state.options.readOnly)
    #expect(state.status?.text.contains("saves now write over the file") == true)
    let header = ConsoleModel.render(state, state.size).text(ofRow: 0)
    #expect(!header.contains("read-only"))
    trigger(&state, .delete)
    let effects = pressButton(&state, "Delete")
    #expect(effects.contains { if case .save = $0 { true } else { false } })
  }

  @Test func colonWBangDoesNotLiftTheReadOnlyFlag() throws {
    var state = try Self.state(readOnly: true, reason: nil)
    #expect(Self.run(&state, "w!").isEmpty)
    #expect(state.options.readOnly)
    #expect(state.status?.text.contains("--read-only") == true)
  }
}
