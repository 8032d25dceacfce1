/// Draws a journal entry's screen: its lines from the scroll position down.
enum JournalEntryRenderer {
  static func draw(_ view: JournalEntryView, _ body: BodyArea, _ frame: inout Frame) {
    let lines = view.lines(width: body.width - 4)
    // A resize can leave the scroll past the end; draw as far as the last page.
    let first = max(0, min(view.scroll, lines.count - body.height))
    for (offset, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
      frame.draw(line.0, row: body.top + offset, column: 2, width: body.width - 4, role: line.1)
    }
  }
}
