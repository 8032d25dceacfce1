import MizzenCore

/// What a binding needs before its action can run, named on its row of the ``BindingTable``
/// and checked here, in one place: for a key, a `:` command, the hint strip (a binding that
/// cannot act is left out) and help (it is dimmed with the reason) alike.
///
/// Keys that change the workspace need, besides, a workspace that may be changed; that holds
/// for every such binding, so it is not listed on the rows (``Binding/disabledReason(_:)``).
public enum BindingRequirement: Equatable, Sendable {
  /// A list row to open: a record, a journal entry, or a problem.
  case openable
  /// A list where records are made by hand, with what a new one needs (a channel a
  /// connection and a free channel kind, a capture an identity space).
  case canCreate
  /// A record selected in a list where records are made by hand.
  case recordSelected
  /// A copy of the selected record can be made (a topic with a channel kind left).
  case cloneable
  /// A connection selected in Connections.
  case connectionSelected
  /// A topic with a channel, or a channel, selected.
  case testSendable
  /// A row of the look-up picked.
  case lookupRowSelected
  /// Identity values typed, and no look-up reading.
  case lookupReady
  /// No send or verify out on the test-send screen.
  case noCallUnderWay
  /// A send came back, on one channel.
  case verifiable
  /// A change to undo.
  case somethingToUndo
  /// An undone change to redo.
  case somethingToRedo
  /// No save running.
  case noSaveInFlight
  /// No screen over the section's list.
  case topLevel
  /// A read-only console that the file made so (not `--read-only`).
  case readOnlyByFile
  /// A form opened to edit, not only to look.
  case editableForm
  /// A form with something to save.
  case savableForm
  /// An identity space to map.
  case identitySpaceDefined
  /// The focus on a row of the identity mapping (not its "add" stop).
  case onMappingRow
  /// A choice matching what was typed in the chooser.
  case choiceVisible
  /// The dialog asks before discarding a form, so there is a form to save.
  case formToSave
  /// A finished reconcile run with a report to filter.
  case reconcileReport
  /// A report row of a finished reconcile run that names a person.
  case reconcileRowUsable

  /// Why `binding` cannot run now for want of this, or nil when it is met.
  func unmet(_ binding: Binding, _ state: ConsoleState) -> String? {
    let key = binding.firstLabel
    switch self {
    case .openable:
      if Self.onProblems(state) { return nil }
      if state.section == .history && state.screens.isEmpty {
        return state.currentList.selectedRecord == nil ? "No journal entry is selected." : nil
      }
      return RecordActions.selected(state) == nil ? Self.noneSelected(state) : nil
    case .canCreate:
      return Self.byHand(state) ?? RecordActions.newFormRefusal(state)
    case .recordSelected:
      if let refused = Self.byHand(state) { return refused }
      return RecordActions.selected(state) == nil ? Self.noneSelected(state) : nil
    case .cloneable:
      return RecordActions.cloneRefusal(state)
    case .connectionSelected:
      if Self.onProblems(state) || state.section != .connections || !state.screens.isEmpty {
        return "\(key) works on a connection: open 1 Connections and pick one."
      }
      return state.currentList.selectedRecord == nil ? "No connection is selected." : nil
    case .testSendable:
      if let children = state.childList, children.kind == .channels {
        return children.list.selectedRecord == nil ? "No channel is selected." : nil
      }
      if Self.onProblems(state) || state.section != .topics || state.childList != nil {
        return "\(key) test-sends from a topic or a channel: open 2 Topics and pick one."
      }
      guard let index = state.currentList.selectedRecord,
        state.workspace.topics.indices.contains(index)
      else { return "No topic is selected." }
      let topic = state.workspace.topics[index]
      return topic.channels.isEmpty
        ? "Topic \(topic.code) has no channel to send on; add one first." : nil
    case .lookupRowSelected:
      guard case .lookup(let lookup) = state.screens.last else { return nil }
      guard let row = lookup.selectedRow else {
        return "Look a person up first (enter), then pick a row."
      }
      return state.workspace.topic(row.topic) == nil
        ? "Topic \(row.topic) is no longer in the workspace." : nil
    case .lookupReady:
      guard case .lookup(let lookup) = state.screens.last else { return nil }
      if case .reading = lookup.phase { return "A look-up is under way; esc cancels it." }
      return lookup.identities.isEmpty ? "Type at least one identity value, then enter." : nil
    case .noCallUnderWay:
      guard case .testSend(let send) = state.screens.last else { return nil }
      switch send.phase {
      case .sending, .verifying: return "A call is under way; esc cancels it."
      case .editing, .done: return nil
      }
    case .verifiable:
      guard case .testSend(let send) = state.screens.last else { return nil }
      switch send.phase {
      case .sending, .verifying: return "A call is under way; esc cancels it."
      case .done where send.entry != nil:
        return send.isEveryChannel
          ? "\(key) reads one channel back: choose it under Channel, then send and verify it."
          : nil
      case .editing, .done: return "\(key) verifies after a send: send first (enter)."
      }
    case .somethingToUndo:
      return state.undoStack.isEmpty ? "Nothing to undo." : nil
    case .somethingToRedo:
      return state.redoStack.isEmpty ? "Nothing to redo." : nil
    case .noSaveInFlight:
      return state.saveInFlight ? "A save is under way; reload when it is done." : nil
    case .topLevel:
      return state.screens.isEmpty ? nil : "\(key) quits from the top level; esc goes back first."
    case .readOnlyByFile:
      // --read-only, asked for by the admin, is not lifted; a writable file is answered by
      // the action itself, as there is nothing to refuse.
      guard state.options.readOnly, state.options.readOnlyReason == nil else { return nil }
      return ConsoleModel.readOnlyMessage(state.options)
    case .editableForm:
      guard let form = state.form, form.viewOnly else { return nil }
      return "This form is open only to look; nothing can be changed."
    case .savableForm:
      guard let form = state.form else { return nil }
      if form.viewOnly { return "This form is open only to look; nothing can be saved." }
      if !form.isDirty, RecordForms.isEdit(form.purpose) { return "Nothing changed to save." }
      return nil
    case .identitySpaceDefined:
      return state.workspace.identitySpaces.isEmpty
        ? "Define an identity space first: a mapping needs one." : nil
    case .onMappingRow:
      guard let form = state.form else { return nil }
      return form.isOnRow ? nil : "Put the focus on a mapping row first."
    case .choiceVisible:
      guard case .chooser(let chooser) = state.overlay else { return nil }
      return chooser.visible.contains(chooser.selected)
        ? nil : "Nothing matches “\(chooser.filter.text)”; esc clears it."
    case .formToSave:
      guard case .dialog(let dialog) = state.overlay, dialog.purpose != .discardForm else {
        return nil
      }
      return "\(key) saves a form; this dialog has no form to save."
    case .reconcileReport:
      guard case .reconcile(let run) = state.screens.last else { return nil }
      return run.result?.findings.isEmpty ?? true ? "There is no report to filter." : nil
    case .reconcileRowUsable:
      guard case .reconcile(let run) = state.screens.last else { return nil }
      if run.runningID != nil { return "The report opens when the run ends; esc stops it." }
      guard let finding = run.selectedFinding else { return "No report row is selected." }
      return finding.field == nil ? "This input row was refused: it names no person to use." : nil
    }
  }

  private static func onProblems(_ state: ConsoleState) -> Bool {
    if case .problems = state.screens.last { return true }
    return false
  }

  /// Why records cannot be made or changed by hand in the list shown, or nil when they can.
  private static func byHand(_ state: ConsoleState) -> String? {
    if onProblems(state) { return "Open the problem's record first (enter)." }
    if state.section == .history && state.childList == nil {
      return "The journal is written by test-sends, not by hand."
    }
    return nil
  }

  private static func noneSelected(_ state: ConsoleState) -> String {
    let noun: String
    if let children = state.childList {
      noun = children.kind == .channels ? "channel" : "identity capture"
    } else {
      noun = state.section.recordNoun
    }
    return "No \(noun) is selected."
  }
}

extension Binding {
  /// Why this binding cannot act now, or nil when it can: a change to a workspace that may
  /// not be changed, else the first of its requirements that is not met.
  public func disabledReason(_ state: ConsoleState) -> String? {
    if isDangerous && state.options.readOnly {
      return ConsoleModel.readOnlyMessage(state.options)
    }
    if isDangerous, state.loadErrorMessage != nil {
      return "The workspace file could not be read, so nothing can be changed; fix it, then r."
    }
    for requirement in requires {
      if let reason = requirement.unmet(self, state) { return reason }
    }
    return nil
  }
}
