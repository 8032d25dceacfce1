import MizzenCore

/// Committed changes of the workspace: saving through the caller's store, undo and redo,
/// and what happens when a save or reload comes back.
enum Edits {
  /// Makes `workspace` the current one, remembers the old for undo, and asks to save.
  static func commit(
    _ state: inout ConsoleState, _ workspace: Workspace, _ ids: RecordIDs, label: String,
    record: RecordRef?
  ) -> [Effect] {
    state.undoStack.append(
      ConsoleState.Change(
        workspace: state.workspace, ids: state.recordIDs, label: label, record: record))
    if state.undoStack.count > ConsoleState.undoLimit { state.undoStack.removeFirst() }
    state.redoStack.removeAll()
    state.replaceWorkspace(workspace, ids: ids)
    return requestSave(&state)
  }

  /// One save at a time: a change made while a save is out is saved when it returns,
  /// against the revision that save produced.
  static func requestSave(_ state: inout ConsoleState) -> [Effect] {
    state.hasUnsavedChanges = true
    if state.saveInFlight {
      state.saveQueued = true
      return []
    }
    state.saveInFlight = true
    state.saving = ConsoleState.Version(workspace: state.workspace, ids: state.recordIDs)
    return [.save(state.workspace, expecting: state.revision)]
  }

  static func saveForm(_ state: inout ConsoleState, _ form: FormState) -> [Effect] {
    state.screens.removeLast()
    let newID = state.makeRecordID()
    guard
      let outcome = RecordForms.outcome(
        form, in: state.workspace, state.recordIDs, newID: newID)
    else {
      state.flash("The record this form edits no longer exists; nothing saved.", .error)
      return []
    }
    let effects = commit(
      &state, outcome.workspace, outcome.ids, label: outcome.label, record: outcome.select)
    let page = state.pageHeight
    var hidden = ""
    ListActions.withActiveList(&state) { list in
      list.setFilter(list.filter)
      // The record just saved is shown, even when the filter would hide it.
      if !list.filter.isEmpty, !list.shows(outcome.select.id) {
        hidden = list.filter
        list.setFilter("")
      }
      list.selectID(outcome.select.id, pageHeight: page)
    }
    let subject = outcome.label.split(separator: " ").dropFirst().joined(separator: " ")
    let cleared = hidden.isEmpty ? "" : " The filter “\(hidden)” hid it, so it is cleared."
    if outcome.note.isEmpty {
      state.flash("Saving \(subject)…" + cleared, .info)
    } else {
      state.flash("Saving \(subject): \(outcome.note)." + cleared, .success)
    }
    return effects
  }

  /// Deletes a record and everything that referenced it, in one undoable step; a
  /// connection's channels go to the connection coded `moveTo` instead, when given.
  static func deleteRecord(_ state: inout ConsoleState, _ ref: RecordRef, moveTo: String? = nil)
    -> [Effect]
  {
    guard let position = state.recordIDs.position(ref) else {
      state.flash("That \(ref.noun) is no longer in the workspace; nothing deleted.", .warning)
      return []
    }
    let name = References.label(of: position, in: state.workspace)
    let (workspace, ids, cascade) = References.deleting(
      position, from: state.workspace, state.recordIDs, moveTo: moveTo)
    let effects = commit(&state, workspace, ids, label: "delete \(ref.noun) \(name)", record: ref)
    let also = cascade.note.isEmpty ? "" : ", \(cascade.note)"
    state.flash("Deleted \(name)\(also); z undoes it.", .success)
    return effects
  }

  static func undo(_ state: inout ConsoleState) -> [Effect] {
    guard let change = state.undoStack.popLast() else { return [] }
    state.redoStack.append(
      ConsoleState.Change(
        workspace: state.workspace, ids: state.recordIDs, label: change.label,
        record: change.record))
    let closed = state.replaceWorkspace(change.workspace, ids: change.ids)
    goTo(&state, change.record)
    state.flash(
      "Undone: \(change.label). Z redoes it." + (closed.map { " " + $0 } ?? ""),
      closed == nil ? .success : .warning)
    return requestSave(&state)
  }

  static func redo(_ state: inout ConsoleState) -> [Effect] {
    guard let change = state.redoStack.popLast() else { return [] }
    state.undoStack.append(
      ConsoleState.Change(
        workspace: state.workspace, ids: state.recordIDs, label: change.label,
        record: change.record))
    let closed = state.replaceWorkspace(change.workspace, ids: change.ids)
    goTo(&state, change.record)
    state.flash(
      "Redone: \(change.label)." + (closed.map { " " + $0 } ?? ""),
      closed == nil ? .success : .warning)
    return requestSave(&state)
  }

  /// After undo or redo: the record the change was about, selected in its list. From the
  /// section lists that may be another section; an open screen is left as it is, except
  /// that a channel or capture is selected in its own open list.
  private static func goTo(_ state: inout ConsoleState, _ record: RecordRef?) {
    guard let record else { return }
    let page = state.pageHeight
    if let children = state.childList, record.listed.id == children.parent,
      record.id != children.parent
    {
      ListActions.withActiveList(&state) { $0.selectID(record.id, pageHeight: page) }
      return
    }
    guard state.screens.isEmpty else { return }
    let (section, id) = record.listed
    if state.section != section { ListActions.show(&state, section) }
    state.currentList.selectID(id, pageHeight: page)
  }

  static func completed(_ state: inout ConsoleState, _ result: EffectResult) -> [Effect] {
    switch result {
    case .saved(let revision):
      state.revision = revision
      state.saveInFlight = false
      if let saving = state.saving { state.onDisk = saving }
      state.saving = nil
      if state.saveQueued {
        state.saveQueued = false
        return requestSave(&state)
      }
      state.hasUnsavedChanges = false
      state.unsavedReason = nil
      let (errors, warnings) = state.problemCounts
      if errors + warnings == 0 {
        state.flash("Saved.", .success)
      } else {
        state.flash("Saved, with \(countText(errors, warnings)); :problems lists them.", .warning)
      }
    case .saveFailed(let error):
      state.saveInFlight = false
      state.saveQueued = false
      state.saving = nil
      state.hasUnsavedChanges = true
      state.unsavedReason = unsavedReason(error)
      if error.kind == .conflict {
        state.overlay = .dialog(
          Dialog(
            purpose: .conflict, title: "The file changed on disk",
            lines: [
              "Someone else changed the workspace file since it was read,",
              "so your change was not written (nothing was overwritten).",
              "Reload to take the file's version; your change is then dropped.",
            ],
            buttons: ["Keep my change", "Reload from disk"]))
        state.flash("Not saved: the file changed on disk.", .error)
      } else {
        state.flash("Not saved: \(error.message)", .error)
      }
    case .reloaded(let loaded):
      return reloaded(&state, loaded)
    case .reloadFailed(let error):
      state.reapplyOnReload = false
      state.flash("Could not reload: \(error.message)", .error)
    case .signal(let result):
      return TestSendActions.completed(&state, result)
    case .validated(let result):
      state.validated(result)
    }
    return []
  }

  /// The file read again: its content replaces the workspace, or, when "re-apply my
  /// changes" was chosen, takes the console's pending edits again (then saved).
  private static func reloaded(_ state: inout ConsoleState, _ loaded: LoadedWorkspace) -> [Effect] {
    var source = state.idSource
    let mine = ConsoleState.Version(workspace: state.workspace, ids: state.recordIDs)
    var replay: Replay.Outcome?
    if state.reapplyOnReload && state.hasUnsavedChanges {
      replay = Replay.reapply(base: state.onDisk, mine: mine, file: loaded.workspace, &source)
    }
    let fileIDs =
      replay?.fileIDs
      ?? RecordIDs(matching: loaded.workspace, against: state.workspace, state.recordIDs, &source)
    state.idSource = source
    state.reapplyOnReload = false
    state.onDisk = ConsoleState.Version(workspace: loaded.workspace, ids: fileIDs)
    state.revision = loaded.revision
    state.loadErrorMessage = nil
    state.undoStack.removeAll()
    state.redoStack.removeAll()
    state.hasUnsavedChanges = false
    state.unsavedReason = nil
    state.saveQueued = false
    state.screens.removeAll()
    if case .dialog(let dialog) = state.overlay, dialog.purpose == .conflict {
      state.overlay = nil
    }
    let closed = state.replaceWorkspace(
      replay?.workspace ?? loaded.workspace, ids: replay?.ids ?? fileIDs)
    guard let replay else {
      state.flash(
        "Reloaded from disk." + (closed.map { " " + $0 } ?? ""), closed == nil ? .success : .warning
      )
      return []
    }
    let applied = "re-applied \(References.counted(replay.applied, "change"))"
    if !replay.skipped.isEmpty {
      state.overlay = .dialog(
        Dialog(
          purpose: .notice, title: "Some of your changes no longer apply",
          lines: ["The file was reloaded and \(applied). These were not:"]
            + replay.skipped.map { "  • " + $0 }, buttons: ["Close"]))
    }
    let missed = replay.skipped.isEmpty ? "" : "; \(replay.skipped.count) no longer apply"
    state.flash(
      "Reloaded from disk and \(applied)\(missed).", replay.skipped.isEmpty ? .success : .warning)
    return state.workspace == loaded.workspace ? [] : requestSave(&state)
  }

  /// Why a save did not land, in a few words for the header.
  static func unsavedReason(_ error: StoreError) -> String {
    switch error.kind {
    case .conflict: return "the file changed on disk"
    case .permissionDenied: return "no permission to write the file"
    case .locked: return "the file is locked by another save"
    default: return "the save failed"
    }
  }

  static func countText(_ errors: Int, _ warnings: Int) -> String {
    var parts: [String] = []
    if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
    if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
    return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
  }
}
