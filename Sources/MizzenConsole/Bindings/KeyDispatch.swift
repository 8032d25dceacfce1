import MizzenCore

/// Where a key press goes: the overlay, the prompt, the form or the list, in that order,
/// each looked up in the one binding table. A key that cannot act says why.
enum KeyDispatch {
  /// The binding contexts in force, most specific first.
  static func contexts(_ state: ConsoleState) -> [BindingContext] {
    switch state.overlay {
    case .help: return [.help]
    case .dialog: return [.dialog]
    case .chooser: return [.chooser]
    case nil: break
    }
    if state.prompt != nil { return [.prompt] }
    if case .testSend = state.screens.last { return [.testSend, .global] }
    if case .journalEntry = state.screens.last { return [.journalEntry, .global] }
    if case .lookup = state.screens.last { return [.lookup] }
    if case .reconcile = state.screens.last { return [.reconcile] }
    if let form = state.form {
      if case .rows = form.focusedField.value { return [.formRow, .form] }
      return [.form]
    }
    return [.list, .global]
  }

  /// What help lists over a screen whose keys are `active`: those, then the keys of what
  /// the screen opens (a form's choosers and dialogs, a list's prompt and dialogs).
  static func helpContexts(_ active: [BindingContext]) -> [BindingContext] {
    switch active.first {
    case .form, .formRow: return [.form, .formRow, .chooser, .dialog]
    case .list: return active + [.prompt, .dialog]
    default: return active
    }
  }

  static func handle(_ state: inout ConsoleState, _ key: Key) -> [Effect] {
    if case .character(let character) = key {
      return TypedText.typed(&state, String(character), pasted: false)
    }
    return dispatch(&state, key)
  }

  /// A key to the text input with the focus, else to its binding.
  static func dispatch(_ state: inout ConsoleState, _ key: Key) -> [Effect] {
    if TypedText.edit(&state, .key(key)) { return [] }
    let contexts = contexts(state)
    guard let binding = state.options.bindings.binding(for: key, in: contexts) else {
      state.flash(unboundMessage(key, contexts), .warning)
      return []
    }
    return run(&state, binding, in: contexts)
  }

  /// Runs `binding`, found in `contexts` for a key or a `:` command: the one path every
  /// action takes. It is refused with its reason when it cannot act now; else its action
  /// runs on the screen its context belongs to. `argument` is what followed a `:`
  /// command's name (for a binding with an ``Binding/argument``); it reaches the actions of
  /// lists and of the whole console, the only ones the `:` line can run.
  static func run(
    _ state: inout ConsoleState, _ binding: Binding, in contexts: [BindingContext],
    argument: String? = nil
  ) -> [Effect] {
    if let reason = binding.disabledReason(state) {
      state.flash(reason, .warning)
      return []
    }
    switch contexts[0] {
    case .help: return OverlayActions.help(&state, binding.action)
    case .dialog: return OverlayActions.dialog(&state, binding.action)
    case .chooser: return OverlayActions.chooser(&state, binding.action)
    case .prompt: return PromptActions.perform(&state, binding.action)
    case .form, .formRow: return FormActions.perform(&state, binding.action)
    case .testSend where binding.context == .testSend:
      return TestSendActions.perform(&state, binding.action)
    case .journalEntry where binding.context == .journalEntry:
      return JournalEntryActions.perform(&state, binding.action)
    case .lookup:
      return LookupActions.perform(&state, binding.action)
    case .reconcile:
      return ReconcileActions.perform(&state, binding.action)
    case .list, .global, .testSend, .journalEntry:
      return ListActions.perform(&state, binding.action, argument: argument)
    }
  }

  /// Runs `action` through its binding in the contexts in force, as its key would: for
  /// input that is not a key (the mouse wheel) and for a key that stands for another
  /// screen's (ctrl-s in "Discard changes?"). Nothing happens when nothing here binds it.
  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    let contexts = contexts(state)
    let bound = state.options.bindings.bindings(in: contexts)
    guard let binding = bound.first(where: { $0.action == action }) else { return [] }
    return run(&state, binding, in: contexts)
  }

  private static func unboundMessage(_ key: Key, _ contexts: [BindingContext]) -> String {
    if contexts.contains(.form) {
      return "\(key.label) does nothing here: enter opens the choices, ← → step through them."
    }
    return "\(key.label) is not a key here; ? lists the keys."
  }

  /// Why `action` cannot run now: the reason of its binding in the contexts in force, or
  /// nil when it can (or nothing here binds it). Help and the hint strip ask each binding
  /// (``Binding/disabledReason(_:)``).
  static func disabledReason(_ action: Action, _ state: ConsoleState) -> String? {
    let bound = state.options.bindings.bindings(in: contexts(state))
    return bound.first { $0.action == action }?.disabledReason(state)
  }
}
