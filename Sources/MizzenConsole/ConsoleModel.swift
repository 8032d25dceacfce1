import MizzenCore

/// The console as pure logic: the first state, the one function that changes it, and the
/// one that draws it. No curses, files or network inside; effects are returned to the
/// caller, and their results come back as events.
public enum ConsoleModel {
  /// How long after the last `.tick` the caller sends the next one, while `wantsTick`.
  public static let tickInterval: Duration = .milliseconds(100)
  /// The smallest terminal the console draws in; below it only a notice is shown.
  public static let minimumSize = Size(width: 60, height: 16)

  /// The state for a workspace as the store loaded it, or for the error that stopped it
  /// (then nothing can be changed), or for a file that does not exist yet (both nil: it is
  /// created on the first save).
  public static func initialState(
    loaded: LoadedWorkspace?, loadError: StoreError?, options: ConsoleOptions, size: Size
  ) -> ConsoleState {
    let workspace = loaded?.workspace ?? Workspace(name: defaultName(for: options.workspacePath))
    var state = ConsoleState(options: options, workspace: workspace, size: size)
    state.revision = loaded?.revision
    // Not validated yet: the first frame says "checking…" (see `update`).
    state.refreshCurrentList()
    if let loadError {
      state.loadErrorMessage = loadError.message
      state.status = StatusMessage(
        "The workspace file could not be read; nothing will be written to it.", level: .error,
        expiresAtTick: nil)
    } else if loaded == nil {
      state.flash("New workspace: the file is created on the first save.", .info)
    } else if let reason = options.readOnlyReason {
      state.flash("Read-only (:w! allows changes): \(reason.detail).", .warning)
    } else if options.readOnly {
      state.flash("Read-only: nothing can be changed in this session.", .info)
    }
    return state
  }

  /// A first message that stays until the first key (e.g. what the demo offers to try).
  public static func greet(_ state: inout ConsoleState, _ text: String) {
    state.status = StatusMessage(TerminalText.escaped(text), level: .info, expiresAtTick: nil)
  }

  /// Why nothing can be changed, and, when the file imposed it, how to write anyway; short,
  /// so that the status row shows it whole.
  static func readOnlyMessage(_ options: ConsoleOptions) -> String {
    guard let reason = options.readOnlyReason else {
      return "Read-only: the console was started with --read-only, so nothing can be changed."
    }
    return "Read-only (\(reason.summary)); :w! allows changes."
  }

  /// Applies one event. The only function that changes the state; returns the effects
  /// for the caller to run.
  public static func update(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [Effect] {
    state.refreshDerived()
    var effects = dispatch(&state, event)
    state.refreshDerived()
    effects += state.validationEffects()
    return effects
  }

  /// What the loop starts with, before any event: the validation of a workspace too large
  /// to validate within `update`.
  public static func startEffects(_ state: inout ConsoleState) -> [Effect] {
    state.validationEffects()
  }

  private static func dispatch(_ state: inout ConsoleState, _ event: ConsoleEvent) -> [Effect] {
    switch event {
    case .key(let key):
      // A message belongs to the moment it was said in: the next key ends it.
      state.status = nil
      return KeyDispatch.handle(&state, key)
    case .text(let text):
      return TypedText.typed(&state, text, pasted: false)
    case .paste(let text):
      return TypedText.typed(&state, text, pasted: true)
    case .mouse(let mouse):
      state.status = nil
      MouseInput.handle(&state, mouse)
      return []
    case .resize(let size):
      state.size = size
      state.currentList.scrollToSelection(pageHeight: state.pageHeight)
      return []
    case .tick:
      state.ticks += 1
      if let expiry = state.status?.expiresAtTick, state.ticks >= expiry { state.status = nil }
      return []
    case .interrupt:
      return ListActions.interrupt(&state)
    case .effectCompleted(let result):
      return Edits.completed(&state, result)
    }
  }

  /// True while something on screen moves with the ticks: the workspace is not validated
  /// and no validation is out (the header says "checking…" until the next event validates
  /// it, or starts `Effect.validate` for a large one), a spinner
  /// (a save, a send or verify, a look-up's reads) or a status message that expires. Only then does the
  /// caller send `.tick`, one `tickInterval` after the last; an idle console gets none, and
  /// neither updates nor draws until input or an effect's result arrives.
  public static func wantsTick(_ state: ConsoleState) -> Bool {
    if (!state.problemsChecked && state.validationOut == nil) || state.saveInFlight
      || state.status?.expiresAtTick != nil
    {
      return true
    }
    return state.screens.contains { screen in
      switch screen {
      case .testSend(let send):
        switch send.phase {
        case .sending, .verifying: return true
        default: return false
        }
      case .lookup(let lookup):
        if case .reading = lookup.phase { return true }
        return false
      case .reconcile(let run):
        return run.runningID != nil
      default: return false
      }
    }
  }

  /// The binding contexts in force, most specific first: a key is looked up in them in
  /// this order, and the `:` line in those under it. Tests use it to press an action by
  /// name: its binding here, else the action cannot be reached.
  public static func bindingContexts(_ state: ConsoleState) -> [BindingContext] {
    KeyDispatch.contexts(state)
  }

  /// Draws the state in a frame of `size`. Pure: the same state and size give the same frame.
  public static func render(_ state: ConsoleState, _ size: Size) -> Frame {
    Renderer.render(state, size)
  }

  /// The workspace name for a file that does not exist yet: the file name without extension.
  static func defaultName(for path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let stem = file.split(separator: ".").first.map(String.init) ?? file
    return stem.isEmpty ? "Workspace" : stem
  }
}
