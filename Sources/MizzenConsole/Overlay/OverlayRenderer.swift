/// Draws what sits over the screen: help, a dialog, or a chooser.
enum OverlayRenderer {
  static func draw(_ state: ConsoleState, _ frame: inout Frame) {
    switch state.overlay {
    case .help(let scroll): help(state, scroll: scroll, &frame)
    case .dialog(let dialog): self.dialog(dialog, &frame)
    case .chooser(let chooser): self.chooser(chooser, &frame)
    case nil: return
    }
  }

  /// A bordered box; returns nothing, the caller fills the inside.
  static func box(
    _ frame: inout Frame, top: Int, left: Int, width: Int, height: Int, title: String
  ) {
    for row in top..<(top + height) {
      frame.clear(row: row, column: left, width: width, role: .dialog)
    }
    let inner = width - 2
    frame.draw(
      "┌" + String(repeating: "─", count: inner) + "┐", row: top, column: left, width: width,
      role: .dialog)
    for row in (top + 1)..<(top + height - 1) {
      frame.draw("│", row: row, column: left, width: 1, role: .dialog)
      frame.draw("│", row: row, column: left + width - 1, width: 1, role: .dialog)
    }
    frame.draw(
      "└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left,
      width: width, role: .dialog)
    frame.draw(" \(title) ", row: top, column: left + 2, width: width - 4, role: .dialogTitle)
  }

  /// A dialog's width and wrapped lines, and how many of them fit on a screen this size
  /// (the rest scroll, so the buttons always show).
  static func dialogLayout(_ dialog: Dialog, _ size: Size) -> (
    width: Int, lines: [String], rows: Int
  ) {
    let width = min(64, size.width - 4)
    var lines: [String] = []
    for line in dialog.lines { lines += TextFit.wrap(line, to: width - 4) }
    return (width, lines, max(1, min(lines.count, size.height - 7)))
  }

  private static func dialog(_ dialog: Dialog, _ frame: inout Frame) {
    let (width, lines, rows) = dialogLayout(dialog, Size(width: frame.width, height: frame.height))
    let height = rows + 5
    let top = max(1, (frame.height - height) / 2)
    let left = (frame.width - width) / 2
    box(&frame, top: top, left: left, width: width, height: height, title: dialog.title)
    let first = max(0, min(dialog.scroll, lines.count - rows))
    for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
      frame.draw(line, row: top + 2 + offset, column: left + 2, width: width - 4, role: .dialog)
    }
    if lines.count > rows {
      let more = "\(first + 1)–\(first + rows) of \(lines.count), ↑ ↓ scroll"
      frame.draw(
        " \(more) ", row: top + height - 1, column: left + 2, width: width - 4, role: .dialogTitle)
    }
    var column = left + 2
    for (index, label) in dialog.buttons.enumerated() {
      let role: Role = index == dialog.focus ? .buttonFocus : .button
      column += frame.draw(
        "[ \(label) ]", row: top + height - 2, column: column, width: left + width - 2 - column,
        role: role)
      column += 2
    }
  }

  private static func chooser(_ chooser: Chooser, _ frame: inout Frame) {
    let shown = chooser.visible
    let longest = chooser.options.map { DisplayWidth.of($0) }.max() ?? 10
    let width = min(frame.width - 4, max(30, longest + 6))
    let height = min(frame.height - 4, chooser.options.count + 2)
    let top = max(1, (frame.height - height) / 2)
    let left = (frame.width - width) / 2
    box(&frame, top: top, left: left, width: width, height: height, title: chooser.title)
    let rows = height - 2
    let at = shown.firstIndex(of: chooser.selected) ?? 0
    let first = ListState.top(for: at, current: 0, count: shown.count, height: rows)
    for offset in 0..<min(rows, shown.count - first) {
      let index = shown[first + offset]
      let role: Role = index == chooser.selected ? .selection : .dialog
      frame.draw(
        " " + chooser.options[index], row: top + 1 + offset, column: left + 1, width: width - 2,
        role: role, fill: true)
    }
    if shown.isEmpty {
      frame.draw(
        " nothing matches", row: top + 1, column: left + 1, width: width - 2, role: .dialogDim)
    }
    // The bottom border says what typing does, what was typed, and where the list is.
    let typed = chooser.filter.text
    let position = shown.count > rows ? "  \(at + 1)/\(shown.count)" : ""
    let note = (typed.isEmpty ? "type to filter" : "filter “\(typed)”") + position
    frame.draw(
      " \(note) ", row: top + height - 1, column: left + 2, width: width - 4, role: .dialogTitle)
  }

  /// How many lines of help show at once on a screen this size.
  static func helpRows(_ size: Size) -> Int { max(1, size.height - 5) }

  /// The lines of help for where the user is (over a dialog or chooser: its keys).
  static func helpLines(_ state: ConsoleState) -> [(String, Role)] {
    var underneath = state
    underneath.overlay = state.helpReturn
    let active = KeyDispatch.contexts(underneath)
    let contexts = KeyDispatch.helpContexts(active)
    // The section's lines are one paragraph, flowed to the overlay's width.
    var lines: [(String, Role)] = TextFit.wrap(
      SectionHelp.lines(underneath).joined(separator: " "), to: state.size.width - 8
    ).map { ($0, .dialog) }
    if underneath.form != nil {
      lines.append(("Text fields", .dialogTitle))
      lines.append(("  " + BindingTable.textFieldKeys, .dialog))
    }
    for context in contexts {
      lines.append(("", .dialog))
      lines.append((context.title, .dialogTitle))
      for binding in underneath.options.bindings.bindings(in: [context]) {
        var text = "  " + TextFit.pad(binding.keyLabel, to: 16) + binding.description
        var role: Role = .dialog
        if active.contains(context),
          let reason = binding.disabledReason(underneath)
        {
          text += " — off: " + reason
          role = .dialogDim
        }
        lines.append((text, role))
      }
    }
    return lines
  }

  /// The help overlay, generated from the binding table for where the user is.
  private static func help(_ state: ConsoleState, scroll: Int, _ frame: inout Frame) {
    let lines = helpLines(state)
    // Above the breadcrumb row, so none of that row's text is left at the box's sides.
    let width = frame.width - 4
    let height = frame.height - 3
    let top = 1
    let left = 2
    box(&frame, top: top, left: left, width: width, height: height, title: "Keys (esc closes)")
    let rows = helpRows(Size(width: frame.width, height: frame.height))
    let first = max(0, min(scroll, lines.count - rows))
    for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
      frame.draw(line.0, row: top + 1 + offset, column: left + 2, width: width - 4, role: line.1)
    }
    if lines.count > rows {
      let more =
        first + rows < lines.count
        ? "\(first + 1)–\(first + rows) of \(lines.count), ↓ or space for more"
        : "\(first + 1)–\(lines.count) of \(lines.count), ↑ back"
      frame.draw(
        " \(more) ", row: top + height - 1, column: left + 2, width: width - 4, role: .dialogTitle)
    }
  }
}
