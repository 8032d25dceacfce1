extension Frame {
  /// Draws `text` from `column` on `row`, in at most `width` cells, truncated with `…`.
  ///
  /// Every printable scalar of width 1 or 2 starts a cell (a wide one also fills the next
  /// with a continuation); a zero-width scalar joins the cell before it, which is how the
  /// terminal shows combining marks and joined emoji. With `fill`, the rest of the width
  /// is blanked in `role`. Returns the number of cells drawn, fill excluded.
  @discardableResult
  public mutating func draw(
    _ text: String, row: Int, column: Int, width: Int, role: Role, fill: Bool = false
  ) -> Int {
    guard row >= 0, row < height, column >= 0, column < self.width else { return 0 }
    let room = min(width, self.width - column)
    guard room > 0 else { return 0 }
    let fitted = TextFit.truncate(text, to: room)
    var col = column
    var last = -1
    for scalar in fitted.unicodeScalars {
      let kind = DisplayWidth.kind(of: scalar)
      switch kind {
      case .notPrintable:
        continue
      case .zeroWidth:
        if last >= 0 { self[row, last].text.unicodeScalars.append(scalar) }
      case .narrow:
        place(Cell(text: String(scalar), role: role), row: row, column: col)
        last = col
        col += 1
      case .wide:
        place(Cell(text: String(scalar), role: role), row: row, column: col)
        place(Cell.continuation(role), row: row, column: col + 1)
        last = col
        col += 2
      }
    }
    let drawn = col - column
    if fill {
      for blank in col..<(column + room) {
        place(Cell(text: " ", role: role), row: row, column: blank)
      }
    }
    return drawn
  }

  /// Paints `width` cells of `row` from `column` as blanks in `role`.
  public mutating func clear(row: Int, column: Int = 0, width: Int? = nil, role: Role = .normal) {
    guard row >= 0, row < height else { return }
    let end = min(self.width, column + (width ?? self.width))
    guard column < end else { return }
    for col in max(0, column)..<end { place(Cell(text: " ", role: role), row: row, column: col) }
  }

  /// Puts one cell, blanking the other half of any wide character it overwrites, so that a
  /// dialog drawn over CJK text never leaves half a character behind.
  mutating func place(_ cell: Cell, row: Int, column: Int) {
    let old = self[row, column]
    if old.isContinuation && !cell.isContinuation && column > 0 {
      self[row, column - 1] = Cell(text: " ", role: self[row, column - 1].role)
    }
    if !old.isContinuation && column + 1 < width && self[row, column + 1].isContinuation {
      self[row, column + 1] = Cell(text: " ", role: self[row, column + 1].role)
    }
    self[row, column] = cell
  }
}
