import MizzenCore

/// Keys in a form: editing text, moving between fields, choices, mapping rows, saving.
enum FormActions {
  /// Runs `body` on the form on top of the stack.
  static func withForm(_ state: inout ConsoleState, _ body: (inout FormState) -> Void) {
    guard case .form(var form) = state.screens.last else { return }
    body(&form)
    state.screens[state.screens.count - 1] = .form(form)
  }

  /// Typing into the focused text field. True when the key was an editing key there.
  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard let form = state.form, case .text = form.focusedField.value else { return false }
    var copy = form
    guard copy.editText(edit) else { return false }
    if form.viewOnly {
      state.flash(
        KeyDispatch.disabledReason(.save, state) ?? "This form is open only to look.", .warning)
      return true
    }
    let id = form.focusedField.id
    if copy.content != form.content {
      if id == "code" { copy.codeEditedByHand = true }
      if id == "name" { RecordForms.nameChanged(&copy, state) }
      refresh(&copy, state)
    }
    state.screens[state.screens.count - 1] = .form(copy)
    return true
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    // What a form's keys need (not only to look, a row focused…) their bindings' requirements
    // have checked.
    guard var form = state.form else { return [] }
    switch action {
    case .nextField: form.moveFocus(1)
    case .previousField: form.moveFocus(-1)
    case .nextOption, .previousOption:
      if form.stepChoice(action == .nextOption ? 1 : -1) {
        refresh(&form, state)
      } else {
        state.flash("Nothing to choose here; type to edit.", .info)
      }
    case .choose: return choose(&state, form)
    case .addRow:
      if case .rows(let list) = form.focusedField.value {
        form.addRow(Array(repeating: 0, count: list.columns.count))
        refresh(&form, state)
      } else {
        state.flash("Put the focus on the identity mapping to add a row.", .info)
        return []
      }
    case .removeRow:
      form.removeRow()
      refresh(&form, state)
    case .moveRowUp, .moveRowDown:
      if form.moveRow(action == .moveRowUp ? -1 : 1) {
        refresh(&form, state)
      } else {
        state.flash(
          "That mapping is already at the \(action == .moveRowUp ? "top" : "bottom").", .info)
      }
    case .save:
      return Edits.saveForm(&state, form)
    case .back:
      if form.isDirty && !form.viewOnly {
        state.overlay = .dialog(
          Dialog(
            purpose: .discardForm, title: "Discard changes?",
            lines: ["This form has changes that are not saved.", "ctrl-s saves them."],
            buttons: ["Keep editing", "Discard changes"]))
      } else {
        state.screens.removeLast()
      }
      return []
    case .help:
      state.overlay = .help(scroll: 0)
      return []
    default:
      return []
    }
    state.screens[state.screens.count - 1] = .form(form)
    return []
  }

  /// Enter: next field from a text field, the option list from a choice, a new row from
  /// the "add" stop.
  private static func choose(_ state: inout ConsoleState, _ form: FormState) -> [Effect] {
    var form = form
    switch form.focusedField.value {
    case .text:
      form.moveFocus(1)
    case .choice(let options, let selected):
      if form.viewOnly { return [] }
      state.overlay = .chooser(
        Chooser(
          title: form.focusedField.label, options: options.map(\.label), selected: selected,
          target: form.focus))
    case .rows(let list):
      if form.viewOnly { return [] }
      if form.focus.row >= list.rows.count {
        if let reason = KeyDispatch.disabledReason(.addRow, state) {
          state.flash(reason, .warning)
          return []
        }
        form.addRow(Array(repeating: 0, count: list.columns.count))
        refresh(&form, state)
      } else {
        let column = list.columns[form.focus.column]
        state.overlay = .chooser(
          Chooser(
            title: form.focus.column == 0 ? "Identity space" : "Braze field",
            options: column.map(\.label), selected: list.rows[form.focus.row][form.focus.column],
            target: form.focus))
      }
    }
    state.screens[state.screens.count - 1] = .form(form)
    return []
  }

  /// After any change: visibility, the code note, and the problems as you type.
  static func refresh(_ form: inout FormState, _ state: ConsoleState) {
    RecordForms.refresh(&form, state)
  }
}
