import MizzenCore

/// Keys while help, a dialog or a chooser is open.
enum OverlayActions {
  static func help(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard case .help(let scroll) = state.overlay else { return [] }
    let last = max(0, OverlayRenderer.helpLines(state).count - OverlayRenderer.helpRows(state.size))
    let page = max(1, OverlayRenderer.helpRows(state.size) - 1)
    switch action {
    case .moveUp: state.overlay = .help(scroll: max(0, scroll - 1))
    case .moveDown: state.overlay = .help(scroll: min(last, scroll + 1))
    case .pageUp: state.overlay = .help(scroll: max(0, scroll - page))
    case .pageDown: state.overlay = .help(scroll: min(last, scroll + page))
    case .back:
      state.overlay = state.helpReturn
      state.helpReturn = nil
    default: break
    }
    return []
  }

  static func dialog(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard case .dialog(var dialog) = state.overlay else { return [] }
    switch action {
    case .moveUp, .moveDown:
      let layout = OverlayRenderer.dialogLayout(dialog, state.size)
      let last = max(0, layout.lines.count - layout.rows)
      dialog.scroll = max(0, min(last, dialog.scroll + (action == .moveUp ? -1 : 1)))
      state.overlay = .dialog(dialog)
    case .help:
      state.helpReturn = .dialog(dialog)
      state.overlay = .help(scroll: 0)
    case .nextButton:
      dialog.focus = (dialog.focus + 1) % dialog.buttons.count
      state.overlay = .dialog(dialog)
    case .previousButton:
      dialog.focus = (dialog.focus + dialog.buttons.count - 1) % dialog.buttons.count
      state.overlay = .dialog(dialog)
    case .back:
      state.overlay = nil
      cancelled(&state, dialog)
    case .confirm:
      state.overlay = nil
      if dialog.focus == 0 {
        cancelled(&state, dialog)
        return []
      }
      switch dialog.purpose {
      case .deleteRecord(let ref):
        if dialog.focus == 2 {
          chooseNewConnection(&state, for: ref)
          return []
        }
        return Edits.deleteRecord(&state, ref)
      case .discardForm:
        state.screens.removeLast()
        state.flash("Changes discarded.", .info)
      case .conflict:
        state.flash("Reloading the workspace file…", .info)
        return [.reload]
      case .quitUnsaved: return [.quit]
      case .reloadUnsaved:
        state.reapplyOnReload = dialog.focus == 1
        state.flash(
          state.reapplyOnReload
            ? "Reloading the workspace file to re-apply your changes…"
            : "Reloading the workspace file; your changes are dropped…", .info)
        return [.reload]
      case .notice: break
      }
    case .save:
      // "ctrl-s saves them", says the dialog that asks before discarding a form's changes;
      // in any other dialog the binding's requirement (formToSave) has said why not.
      guard dialog.purpose == .discardForm else { return [] }
      state.overlay = nil
      return KeyDispatch.perform(&state, .save)
    default: break
    }
    return []
  }

  private static func cancelled(_ state: inout ConsoleState, _ dialog: Dialog) {
    switch dialog.purpose {
    case .deleteRecord: state.flash("Nothing deleted.", .info)
    case .conflict:
      // Reload works from a list, but not in a form: name it only where it works.
      let table = state.options.bindings
      let key = table.keyLabel(of: .reload, in: [.global]) ?? "r"
      let reloads = table.keyLabel(of: .reload, in: KeyDispatch.contexts(state)) != nil
      state.flash(
        "Your change is kept here but is not on disk; "
          + (reloads ? key : "close the form, then \(key),") + " reloads the file's version.",
        .warning)
    case .reloadUnsaved: state.flash("Nothing reloaded; your changes are kept here.", .info)
    case .discardForm, .quitUnsaved, .notice: break
    }
  }

  /// Typing into an open chooser narrows its options; true when the key edited.
  static func chooserEdit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard case .chooser(var chooser) = state.overlay, chooser.editFilter(edit) else {
      return false
    }
    state.overlay = .chooser(chooser)
    return true
  }

  static func chooser(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard case .chooser(var chooser) = state.overlay else { return [] }
    let page = max(1, min(chooser.options.count, state.size.height - 6))
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
      let steps: [Action: Int] = [
        .moveUp: -1, .moveDown: 1, .pageUp: -page, .pageDown: page,
        .moveTop: -chooser.options.count, .moveBottom: chooser.options.count,
      ]
      chooser.move(by: steps[action] ?? 0)
      state.overlay = .chooser(chooser)
    case .back:
      if !chooser.filter.text.isEmpty {
        _ = chooser.editFilter(.key(.control("u")))
        state.overlay = .chooser(chooser)
        return []
      }
      state.overlay = nil
      if case .moveChannels = chooser.purpose { state.flash("Nothing deleted.", .info) }
    case .help:
      state.helpReturn = .chooser(chooser)
      state.overlay = .help(scroll: 0)
    case .accept:
      // The binding's requirement (choiceVisible) has said why when nothing matches.
      guard chooser.visible.contains(chooser.selected) else { return [] }
      state.overlay = nil
      switch chooser.purpose {
      case .setChoice(let target):
        let before = state
        FormActions.withForm(&state) { form in
          form.focus = target
          let hiddenBefore = form.fields.map(\.hidden)
          form.setChoice(chooser.selected)
          FormActions.refresh(&form, before)
          // The focus stays on what was chosen, unless the choice revealed the field that
          // follows it to be filled in (a custom URL).
          guard case .choice = form.focusedField.value,
            let next = form.fields.indices.first(where: {
              $0 > target.field && !form.fields[$0].hidden
            }),
            hiddenBefore.indices.contains(next), hiddenBefore[next]
          else { return }
          form.focus = FocusStop(field: next)
        }
      case .moveChannels(let ref):
        guard chooser.options.indices.contains(chooser.selected) else { return [] }
        return Edits.deleteRecord(&state, ref, moveTo: chooser.options[chooser.selected])
      }
    default: break
    }
    return []
  }

  /// Delete's "Move to…": the connections that can take over the channels of `ref`.
  private static func chooseNewConnection(_ state: inout ConsoleState, for ref: RecordRef) {
    guard case .connection(let index)? = state.recordIDs.position(ref) else {
      state.flash("That connection is no longer in the workspace; nothing deleted.", .warning)
      return
    }
    let code = state.workspace.connections[index].code
    state.overlay = .chooser(
      Chooser(
        title: "Move the channels of \(code) to",
        options:
          References.moveTargets(for: index, in: state.workspace),
        selected: 0, purpose: .moveChannels(ref)))
  }
}
