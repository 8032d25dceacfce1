import MizzenCore

/// Draws a generic form: a label column, the values, and the problems under each field.
enum FormRenderer {
  /// One line of a form: pieces of text with their roles, whether it holds the focus, and
  /// where the cursor goes on it.
  struct Line {
    var pieces: [(text: String, role: Role, width: Int?)] = []
    var focused = false
    var cursorColumn: Int?
  }

  static let labelWidth = 18
  /// Shown after the title while the form holds edits not saved.
  static let modified = "● modified"

  static func draw(_ form: FormState, _ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame)
  {
    let valueWidth = valueWidth(body.width)
    let lines = layout(form, valueWidth: valueWidth, width: body.width)
    let height = body.height
    let focusLine = lines.firstIndex { $0.focused } ?? 0
    var top = max(0, min(form.scroll, lines.count - height))
    if focusLine < top { top = focusLine }
    if focusLine >= top + height { top = focusLine - height + 1 }
    for (offset, line) in lines.dropFirst(top).prefix(height).enumerated() {
      let row = body.top + offset
      var column = 1
      for piece in line.pieces {
        let width = piece.width ?? (body.width - column - 1)
        let drawn = frame.draw(
          piece.text, row: row, column: column, width: width, role: piece.role,
          fill: piece.width != nil)
        column += piece.width ?? drawn
      }
      if line.focused, let cursor = line.cursorColumn, state.overlay == nil, state.prompt == nil {
        frame.cursor = Position(row: row, column: 1 + labelWidth + cursor)
      }
    }
  }

  /// Text fields widen with the terminal: 44 cells up to 110 columns, then what is left
  /// beside the label column and a note's room.
  static func valueWidth(_ width: Int) -> Int {
    let room = width - labelWidth - 4
    return max(10, min(room, max(44, room - 48)))
  }

  static func layout(_ form: FormState, valueWidth: Int, width: Int) -> [Line] {
    var lines: [Line] = []
    let title =
      form.viewOnly
      ? "\(form.title) — open to look only (read-only); esc closes"
      : "\(form.title) — ctrl-s saves, esc closes"
    var header = Line(pieces: [(title, .header, nil)])
    if form.isDirty && !form.viewOnly {
      header.pieces = [
        (title + "  ", .header, DisplayWidth.of(title) + 2), (modified, .warning, nil),
      ]
    }
    lines.append(header)
    lines.append(Line())
    if form.showsProblems(of: "") {
      lines += problemLines(form.problems[""] ?? [], indent: 0, width: width)
    }
    for (index, field) in form.fields.enumerated() where !field.hidden {
      let focusedHere = form.focus.field == index
      switch field.value {
      case .text(let input, let masked):
        var line = Line(focused: focusedHere)
        let shown: String
        var cursor: Int
        if masked {
          shown = input.text.isEmpty ? "" : APIKeySource.mask(input.text)
          cursor = DisplayWidth.of(shown)
        } else if !focusedHere {
          // Away from the focus a value shows its start, cut with "…" when long.
          shown = TextFit.truncate(String(input.text.prefix(valueWidth + 1)), to: valueWidth)
          cursor = 0
        } else {
          let window = input.window(width: valueWidth)
          shown = window.text
          cursor = window.cursorColumn
        }
        cursor = min(cursor, valueWidth - 1)
        line.pieces = [
          (field.label, focusedHere ? .inputFocus : .normal, labelWidth),
          (shown, focusedHere ? .inputFocus : .input, valueWidth),
        ]
        let note = "  " + field.note
        if !field.note.isEmpty && labelWidth + valueWidth + DisplayWidth.of(note) <= width - 2 {
          line.pieces.append((note, .dim, nil))
        }
        line.cursorColumn = focusedHere ? cursor : nil
        lines.append(line)
      case .choice:
        let label = choiceLabel(field)
        var line = Line(
          pieces: [
            (field.label, focusedHere ? .inputFocus : .normal, labelWidth),
            (label + " ▾", focusedHere ? .inputFocus : .input, valueWidth),
          ], focused: focusedHere)
        let note = "  " + field.note
        let fits = labelWidth + valueWidth + DisplayWidth.of(note) <= width - 2
        if !field.note.isEmpty && fits { line.pieces.append((note, .dim, nil)) }
        lines.append(line)
        if !field.note.isEmpty && !fits {
          lines += TextFit.wrap(field.note, to: max(10, width - labelWidth - 3)).map {
            Line(pieces: [("", .normal, labelWidth), ($0, .dim, nil)])
          }
        }
      case .rows(let list):
        lines.append(Line(pieces: [(field.label, .normal, labelWidth)]))
        for row in list.rows.indices {
          let values = list.rows[row].enumerated().map { column, selected in
            list.columns[column].indices.contains(selected)
              ? list.columns[column][selected].label : "?"
          }
          var line = Line(focused: focusedHere && form.focus.row == row)
          line.pieces.append(("  \(row + 1).", .normal, labelWidth))
          for (column, value) in values.enumerated() {
            if column > 0 { line.pieces.append((list.separator, .dim, nil)) }
            let on = line.focused && form.focus.column == column
            line.pieces.append((value + " ▾", on ? .inputFocus : .input, 16))
          }
          lines.append(line)
          if form.showsProblems(of: field.problemField) {
            lines += problemLines(form.rowProblems[row] ?? [], indent: labelWidth, width: width)
          }
        }
        let onAdd = focusedHere && form.focus.row == list.rows.count
        lines.append(
          Line(
            pieces: [("", .normal, labelWidth), (list.addLabel, onAdd ? .inputFocus : .dim, nil)],
            focused: onAdd))
      }
      if isLastVisible(field, at: index, in: form), form.showsProblems(of: field.problemField) {
        lines += problemLines(
          form.problems[field.problemField] ?? [], indent: labelWidth, width: width)
      }
    }
    return lines
  }

  private static func choiceLabel(_ field: FormField) -> String {
    if case .choice(let options, let selected) = field.value, options.indices.contains(selected) {
      return options[selected].label
    }
    return ""
  }

  /// Problems of a model field show once, under the last visible form field naming it.
  private static func isLastVisible(_ field: FormField, at index: Int, in form: FormState) -> Bool {
    !form.fields[(index + 1)...].contains { !$0.hidden && $0.problemField == field.problemField }
  }

  private static func problemLines(_ problems: [Problem], indent: Int, width: Int) -> [Line] {
    var lines: [Line] = []
    for problem in problems {
      let mark = problem.severity == .error ? "✗ " : "⚠ "
      let role: Role = problem.severity == .error ? .error : .warning
      let wrapped = TextFit.wrap(problem.message, to: max(10, width - indent - 5))
      for (offset, text) in wrapped.enumerated() {
        lines.append(
          Line(pieces: [("", .normal, indent), ((offset == 0 ? mark : "  ") + text, role, nil)]))
      }
    }
    return lines
  }
}
