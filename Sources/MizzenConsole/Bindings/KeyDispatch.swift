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
    if let reason = disabledReason(binding.action, state) {
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
      return ListActions.perform(&state, binding.action)
    }
  }

  private static func unboundMessage(_ key: Key, _ contexts: [BindingContext]) -> String {
    if contexts.contains(.form) {
      return "\(key.label) does nothing here: enter opens the choices, ← → step through them."
    }
    return "\(key.label) is not a key here; ? lists the keys."
  }

  /// Why `action` cannot run now, or nil when it can. Help and the hint strip show the
  /// same reasons.
  static func disabledReason(_ action: Action, _ state: ConsoleState) -> String? {
    if action.isDangerous && state.options.readOnly {
      return ConsoleModel.readOnlyMessage(state.options)
    }
    if action.isDangerous, state.loadErrorMessage != nil {
      return "The workspace file could not be read, so nothing can be changed; fix it, then r."
    }
    if state.overlay != nil || state.prompt != nil { return nil }
    if let form = state.form { return formReason(action, form, state) }
    return listReason(action, state)
  }

  private static func listReason(_ action: Action, _ state: ConsoleState) -> String? {
    if case .reconcile(let run) = state.screens.last {
      return ReconcileActions.disabledReason(action, run)
    }
    let onProblems: Bool
    if case .problems = state.screens.last { onProblems = true } else { onProblems = false }
    switch action {
    case .new, .edit, .delete, .clone:
      if onProblems { return "Open the problem's record first (enter)." }
      if state.section == .history && state.childList == nil {
        return "The journal is written by test-sends, not by hand."
      }
      if action != .new && RecordActions.selected(state) == nil {
        return "No \(activeNoun(state)) is selected."
      }
    case .open:
      if onProblems { return nil }
      if state.section == .history && state.screens.isEmpty {
        return state.currentList.selectedRecord == nil ? "No journal entry is selected." : nil
      }
      if RecordActions.selected(state) == nil { return "No \(activeNoun(state)) is selected." }
    case .checkConnection, .permissions:
      if onProblems || state.section != .connections || !state.screens.isEmpty {
        return
          "\(action == .permissions ? "P" : "x") works on a connection: open 1 Connections and pick one."
      }
      if state.currentList.selectedRecord == nil { return "No connection is selected." }
    case .testSend:
      if case .lookup(let lookup) = state.screens.last {
        return lookup.selectedRow == nil ? "Look a person up first (enter), then pick a row." : nil
      }
      if let children = state.childList, children.kind == .channels {
        if children.list.selectedRecord == nil { return "No channel is selected." }
      } else if onProblems || state.section != .topics || state.childList != nil {
        return "t test-sends from a topic or a channel: open 2 Topics and pick one."
      } else if state.currentList.selectedRecord == nil {
        return "No topic is selected."
      }
    case .verify:
      if case .testSend(let send) = state.screens.last {
        switch send.phase {
        case .sending, .verifying: return "A call is under way; esc cancels it."
        case .done where send.entry != nil: break
        case .editing, .done: return "v verifies after a send: send first (enter)."
        }
      }
    case .undo:
      if state.undoStack.isEmpty { return "Nothing to undo." }
    case .redo:
      if state.redoStack.isEmpty { return "Nothing to redo." }
    case .reload:
      if state.saveInFlight { return "A save is under way; reload when it is done." }
    case .quit:
      if !state.screens.isEmpty {
        let quit = state.options.bindings.keyLabel(of: .quit, in: [.global]) ?? "q"
        return "\(quit) quits from the top level; esc goes back first."
      }
    default:
      break
    }
    return nil
  }

  private static func formReason(_ action: Action, _ form: FormState, _ state: ConsoleState)
    -> String?
  {
    switch action {
    case .save:
      if form.viewOnly { return "This form is open only to look; nothing can be saved." }
      if !form.isDirty, RecordForms.isEdit(form.purpose) { return "Nothing changed to save." }
    case .addRow:
      if state.workspace.identitySpaces.isEmpty {
        return "Define an identity space first: a mapping needs one."
      }
    case .removeRow, .moveRowUp, .moveRowDown:
      if !form.isOnRow { return "Put the focus on a mapping row first." }
    default:
      break
    }
    return nil
  }

  /// The kind of record the active list shows, for messages.
  private static func activeNoun(_ state: ConsoleState) -> String {
    if let children = state.childList {
      return children.kind == .channels ? "channel" : "identity capture"
    }
    return state.section.recordNoun
  }
}
