import CNcursesw
import MizzenConsole

extension Terminal {
  /// Shows `frame`, sending only the cells that differ from the frame shown before, then
  /// places or hides the cursor and updates the physical screen once.
  ///
  /// A frame of another size than the screen is drawn clipped; the caller renders at
  /// `size` and the next resize input brings a new one.
  public func draw(_ frame: Frame) {
    let limit = size
    for span in FrameDiff.spans(from: shown, to: frame) where span.row < limit.height {
      drawSpan(span, of: frame, width: min(frame.width, limit.width))
    }
    shown = frame
    placeCursor(frame.cursor, within: limit)
    mizzen_wnoutrefresh(window)
    mizzen_doupdate()
  }

  private func drawSpan(_ span: FrameDiff.Span, of frame: Frame, width: Int) {
    var coveredUntil = span.start
    for column in span.start..<min(span.end, width) {
      let cell = frame[span.row, column]
      if column < coveredUntil { continue }
      let text: Substring.UnicodeScalarView
      let cells: Int
      if cell.isContinuation {
        // Half of a wide character whose first half is missing: show a blank instead.
        text = " ".unicodeScalars[...]
        cells = 1
      } else {
        (text, cells) = Self.printable(
          cell, row: span.row, column: column, frame: frame, width: width)
      }
      put(text, role: cell.role, row: span.row, column: column)
      coveredUntil = column + cells
    }
  }

  /// The scalars to send for a cell and the cells they take. A character ncurses would not
  /// print, or a wide one without room for its right half, becomes a blank, so that
  /// nothing wraps into the next row.
  private static func printable(
    _ cell: Cell, row: Int, column: Int, frame: Frame, width: Int
  )
    -> (Substring.UnicodeScalarView, Int)
  {
    let scalars = Substring(cell.text).unicodeScalars
    guard let first = scalars.first else { return (" ".unicodeScalars[...], 1) }
    let cells = mizzen_wcwidth(wchar_t(bitPattern: first.value))
    switch cells {
    case 1:
      return (scalars, 1)
    case 2 where column + 1 < width && frame[row, column + 1].isContinuation:
      return (scalars, 2)
    default:
      return (" ".unicodeScalars[...], 1)
    }
  }

  /// The zero width joiner, never sent: a terminal that joins an emoji sequence draws it
  /// in two cells where its parts take two each (tmux 3.3 draws 👩‍💻 in 2 cells, not 4),
  /// which moves the rest of the row away from the cells ncurses and the frame diff
  /// believe it in, and leaves stale cells at its end. Without it, every terminal draws
  /// the parts side by side, as they are measured.
  static let joiner: Unicode.Scalar = "\u{200D}"

  private func put(_ scalars: Substring.UnicodeScalarView, role: Role, row: Int, column: Int) {
    var count = 0
    for scalar in scalars where count < Int(CCHARW_MAX) && scalar != Self.joiner {
      characters[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    characters[count] = 0
    var cell = cchar_t()
    mizzen_setcchar(&cell, characters, attributes(of: role), pair(of: role), nil)
    mizzen_mvwadd_wch(window, Int32(row), Int32(column), &cell)
  }

  private func placeCursor(_ cursor: Position?, within limit: Size) {
    let visible: Bool
    if let cursor, cursor.row < limit.height, cursor.column < limit.width {
      mizzen_wmove(window, Int32(cursor.row), Int32(cursor.column))
      visible = true
    } else {
      visible = false
    }
    if visible != cursorVisible {
      mizzen_curs_set(visible ? 1 : 0)
      cursorVisible = visible
    }
  }
}
