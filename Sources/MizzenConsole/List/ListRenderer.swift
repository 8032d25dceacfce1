/// Draws a generic list: column titles, then only the rows that are on screen.
enum ListRenderer {
  static func draw(_ list: ListState, _ source: ListSource, _ body: BodyArea, _ frame: inout Frame)
  {
    let inner = body.width - 2
    // A list that fits on screen is measured, so no column is cut while others have room.
    var natural: [Int]?
    if list.visible.count < body.height {
      var needed = source.columns.map { DisplayWidth.of($0.title) }
      for record in list.visible {
        for (index, cell) in source.cells(record).enumerated() where index < needed.count {
          needed[index] = max(needed[index], DisplayWidth.of(cell))
        }
      }
      natural = needed
    }
    let widths = ListColumn.widths(source.columns, total: inner, natural: natural)
    drawRow(
      source.columns.map(\.title), widths, row: body.top, width: body.width, role: .columnTitle,
      &frame)
    let height = body.height - 1
    guard height > 0 else { return }
    if source.count == 0 || list.visible.isEmpty {
      let message =
        source.count == 0
        ? source.emptyMessage : "Nothing matches “\(list.filter)”. esc clears the filter."
      frame.draw(message, row: body.top + 2, column: 2, width: body.width - 4, role: .dim)
      return
    }
    let top = ListState.top(
      for: list.selected, current: list.top, count: list.visible.count, height: height)
    let end = min(list.visible.count, top + height)
    for position in top..<end {
      let record = list.visible[position]
      let role: Role = position == list.selected ? .selection : source.rowRole(record) ?? .normal
      drawRow(
        source.cells(record), widths, row: body.top + 1 + position - top,
        width: body.width, role: role, &frame)
    }
  }

  private static func drawRow(
    _ cells: [String], _ widths: [Int], row: Int, width: Int, role: Role, _ frame: inout Frame
  ) {
    frame.clear(row: row, role: role)
    var column = 1
    for (index, text) in cells.enumerated() where index < widths.count {
      frame.draw(text, row: row, column: column, width: widths[index], role: role)
      column += widths[index] + 1
    }
  }
}
