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

  private static func dialog(_ dialog: Dialog, _ frame: inout Frame) {
    let width = min(64, frame.width - 4)
    var lines: [String] = []
    for line in dialog.lines { lines += TextFit.wrap(line, to: width - 4) }
    let height = lines.count + 5
    let top = max(1, (frame.height - height) / 2)
    let left = (frame.width - width) / 2
    box(&frame, top: top, left: left, width: width, height: height, title: dialog.title)
    for (offset, line) in lines.enumerated() {
      frame.draw(line, row: top + 2 + offset, column: left + 2, width: width - 4, role: .dialog)
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
    let longest = chooser.options.map { DisplayWidth.of($0) }.max() ?? 10
    let width = min(frame.width - 4, max(30, longest + 6))
    let height = min(frame.height - 4, chooser.options.count + 2)
    let top = max(1, (frame.height - height) / 2)
    let left = (frame.width - width) / 2
    box(&frame, top: top, left: left, width: width, height: height, title: chooser.title)
    let rows = height - 2
    let first = ListState.top(
      for: chooser.selected, current: 0, count: chooser.options.count, height: rows)
    for offset in 0..<min(rows, chooser.options.count - first) {
      let index = first + offset
      let role: Role = index == chooser.selected ? .selection : .dialog
      frame.draw(
        " " + chooser.options[index], row: top + 1 + offset, column: left + 1, width: width - 2,
        role: role, fill: true)
    }
  }

  /// The help overlay, generated from the binding table for where the user is.
  private static func help(_ state: ConsoleState, scroll: Int, _ frame: inout Frame) {
    var underneath = state
    underneath.overlay = nil
    let active = KeyDispatch.contexts(underneath)
    let contexts = KeyDispatch.helpContexts(active)
    // The section's lines are one paragraph, flowed to the overlay's width.
    var lines: [(String, Role)] = TextFit.wrap(
      SectionHelp.lines(underneath).joined(separator: " "), to: frame.width - 8
    ).map { ($0, .dialog) }
    if underneath.form != nil {
      lines.append(("Text fields", .dialogTitle))
      lines.append(("  " + BindingTable.textFieldKeys, .dialog))
    }
    for context in contexts {
      lines.append(("", .dialog))
      lines.append((context.title, .dialogTitle))
      for binding in BindingTable.bindings(in: [context]) {
        var text = "  " + TextFit.pad(binding.keyLabel, to: 16) + binding.description
        var role: Role = .dialog
        if active.contains(context),
          let reason = KeyDispatch.disabledReason(binding.action, underneath)
        {
          text += " — off: " + reason
          role = .dialogDim
        }
        lines.append((text, role))
      }
    }
    let width = frame.width - 4
    let height = frame.height - 2
    let top = 1
    let left = 2
    box(&frame, top: top, left: left, width: width, height: height, title: "Keys (esc closes)")
    let rows = height - 2
    let first = max(0, min(scroll, lines.count - rows))
    for (offset, line) in lines.dropFirst(first).prefix(rows).enumerated() {
      frame.draw(line.0, row: top + 1 + offset, column: left + 2, width: width - 4, role: line.1)
    }
  }
}
