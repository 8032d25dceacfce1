import Foundation
import MizzenConsole
import MizzenCore
import MizzenRuntime
import Testing

/// What happens when the caller runs the save and reload effects with a real store.
@Suite struct SaveAndReloadTests {
  /// Runs the save, reload and validate effects with the executable's own runner, one at a
  /// time, feeding results back; returns any others.
  static func run(_ effects: [Effect], _ state: inout ConsoleState, _ store: WorkspaceStore)
    -> [Effect]
  {
    let runner = EffectRunner(store: store, environment: RuntimeEnvironment(variables: [:]))
    var pending = effects
    var others: [Effect] = []
    while !pending.isEmpty {
      let effect = pending.removeFirst()
      switch effect {
      case .save, .reload, .validate:
        runner.start(effect)
        runner.waitUntilIdle()
        for event in runner.takeResults() { pending += ConsoleModel.update(&state, event) }
      case .quit, .signal:
        others.append(effect)
      }
    }
    return others
  }

  static func start() throws -> (WorkspaceStore, ConsoleState) {
    let (store, loaded) = try Fixtures.loaded()
    let state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(workspacePath: store.path), size: Size(width: 100, height: 30))
    return (store, state)
  }

  @Test func aSuccessfulSaveUpdatesTheRevisionAndSaysSaved() throws {
    var (store, state) = try Self.start()
    let before = state.revision
    _ = Self.run(
      trigger(&state, .moveBottom, .delete) + pressButton(&state, "Delete"), &state, store)
    #expect(state.revision != before)
    #expect(state.revision == (try store.load()).revision)
    #expect(!state.saveInFlight)
    #expect(!state.hasUnsavedChanges)
    #expect(state.status?.text == "Saved, with 1 warning; :problems lists them.")
    _ = Self.run(trigger(&state, .delete) + pressButton(&state, "Delete"), &state, store)
    let saved = try store.load().workspace
    #expect(saved.connections.map(\.code) == ["braze_us"])
    #expect(!saved.topics.contains { $0.channels.contains { $0.connection == "braze_jp" } })
    #expect(state.status?.text == "Saved, with 1 warning; :problems lists them.")
  }

  @Test func aChangeMadeWhileASaveIsOutIsSavedAfterIt() throws {
    var (store, state) = try Self.start()
    let first = trigger(&state, .delete) + pressButton(&state, "Delete")
    #expect(first.count == 1)
    let second = trigger(&state, .delete) + pressButton(&state, "Delete")
    #expect(second.isEmpty)
    #expect(state.saveQueued)
    _ = Self.run(first, &state, store)
    #expect(!state.saveQueued)
    #expect(try store.load().workspace == state.workspace)
    #expect(state.workspace.connections.map(\.code) == ["sandbox_local"])
  }

  @Test func aConflictKeepsTheChangeAndOffersReload() throws {
    var (store, state) = try Self.start()
    var theirs = Fixtures.workspace
    theirs.name = "Changed elsewhere"
    _ = try store.save(theirs, expecting: try store.load().revision)

    _ = Self.run(trigger(&state, .delete) + pressButton(&state, "Delete"), &state, store)
    #expect(try store.load().workspace == theirs)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("a conflict must be explained in a dialog")
      return
    }
    #expect(dialog.purpose == .conflict)
    #expect(dialog.focusedButton == "Keep my change")
    #expect(state.hasUnsavedChanges)
    #expect(state.workspace.connections.count == 2)

    let effects = pressButton(&state, "Reload from disk")
    #expect(effects == [.reload])
    _ = Self.run(effects, &state, store)
    #expect(state.workspace == theirs)
    #expect(state.overlay == nil)
    #expect(!state.hasUnsavedChanges)
    #expect(state.undoStack.isEmpty)
    #expect(state.status?.text == "Reloaded from disk.")
  }

  @Test func keepingTheChangeAfterAConflictLeavesRForReloadAndGuardsQuit() throws {
    var (store, state) = try Self.start()
    _ = try store.save(Fixtures.workspace, expecting: try store.load().revision)
    var theirs = Fixtures.workspace
    theirs.name = "Theirs"
    _ = try store.save(theirs, expecting: try store.load().revision)
    _ = Self.run(trigger(&state, .delete) + pressButton(&state, "Delete"), &state, store)
    pressButton(&state, "Keep my change")
    #expect(state.overlay == nil)
    #expect(state.status?.level == .warning)
    #expect(press(&state, .character("q")).isEmpty)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("quitting with an unsaved change asks first")
      return
    }
    #expect(dialog.focusedButton == "Cancel")
    trigger(&state, .back)
    #expect(trigger(&state, .reload).isEmpty)
    guard case .dialog(let reload) = state.overlay else {
      Issue.record("reloading over an unsaved change asks first")
      return
    }
    #expect(reload.purpose == .reloadUnsaved)
    #expect(reload.buttons == ["Cancel", "Re-apply my changes", "Drop them"])
    let effects = pressButton(&state, "Drop them")
    #expect(effects == [.reload])
    _ = Self.run(effects, &state, store)
    #expect(state.workspace.name == "Theirs")
    #expect(press(&state, .character("q")) == [.quit])
  }

  @Test func anotherSaveFailureIsShownAsAnError() throws {
    var state = try Fixtures.state()
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    let failure = StoreError(
      kind: .io, path: "/x/mizzen.json", message: "/x/mizzen.json: disk full; free some space.",
      isUnreadable: false)
    _ = ConsoleModel.update(&state, .effectCompleted(.saveFailed(failure)))
    #expect(state.overlay == nil)
    #expect(state.status?.level == .error)
    #expect(state.status?.text == "Not saved: /x/mizzen.json: disk full; free some space.")
    #expect(state.hasUnsavedChanges)
  }

  @Test func aFileThatCannotBeReadIsShownAndNeverChanged() throws {
    let error = StoreError(
      kind: .syntax, path: "/w/mizzen.json", line: 3, column: 7,
      message: "/w/mizzen.json: line 3, column 7: expected a value", isUnreadable: true)
    var state = ConsoleModel.initialState(
      loaded: nil, loadError: error, options: ConsoleOptions(workspacePath: "/w/mizzen.json"),
      size: Size(width: 80, height: 24))
    let text = ConsoleModel.render(state, state.size).text
    #expect(text.contains("line 3, column 7: expected a value"))
    for key in ["n", "z", "Z"] {
      #expect(press(&state, .character(Character(key))).isEmpty)
      #expect(state.status?.text.hasPrefix("The workspace file could not be read") == true)
    }
    #expect(trigger(&state, .reload) == [.reload])
  }

  @Test func aMissingFileStartsANewWorkspaceSavedWithoutARevision() throws {
    var state = ConsoleModel.initialState(
      loaded: nil, loadError: nil, options: ConsoleOptions(workspacePath: "/tmp/x/acme.json"),
      size: Size(width: 80, height: 24))
    #expect(state.workspace.name == "acme")
    trigger(&state, .new)
    type(&state, "First")
    let effects = trigger(&state, .save)
    guard case .save(let workspace, let expecting) = effects.first else {
      Issue.record("saving a new connection emits a save")
      return
    }
    #expect(expecting == nil)
    #expect(workspace.connections.map(\.code) == ["first"])
  }
}
