import CNcursesw
import MizzenConsole

// Reading the screen back, as tig's tests do with a virtual screen: the proof that a frame
// reaches curses cell for cell.
extension Terminal {
  /// What curses holds for one screen cell: its text, attributes and colour pair.
  struct ScreenCell: Equatable {
    /// Which part of a character the cell holds.
    enum Part: Equatable {
      case whole, leftHalf, rightHalf
    }

    var text: String
    var attributes: attr_t
    var pair: Int16
    var part: Part
  }

  /// Reads one cell back from the window.
  func screenCell(row: Int, column: Int) -> ScreenCell {
    var cell = cchar_t()
    mizzen_mvwin_wch(window, Int32(row), Int32(column), &cell)
    // ncurses marks the halves of a wide character in the attribute's character bits
    // (its WidecExt): 1 on the left half, 2 on the right, 0 for a narrow character.
    let part: ScreenCell.Part
    switch cell.attr & 0xFF {
    case 1: part = .leftHalf
    case 2: part = .rightHalf
    default: part = .whole
    }
    var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
    var attributes: attr_t = 0
    var pair: Int16 = 0
    mizzen_getcchar(&cell, &buffer, &attributes, &pair, nil)
    var text = ""
    for value in buffer.prefix(while: { $0 != 0 }) {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) {
        text.unicodeScalars.append(scalar)
      }
    }
    // getcchar leaves the colour pair's bits in the attributes too; the pair is apart.
    return ScreenCell(
      text: text, attributes: attributes & ~mizzen_a_color(), pair: pair, part: part)
  }

  /// One row as a person reads it, the same form as `Frame.text(ofRow:)`: each character
  /// once. Half a wide character without its other half reads as U+FFFD, so that a broken
  /// screen never passes for a good one.
  func screenText(ofRow row: Int) -> String {
    var line = ""
    var column = 0
    let width = size.width
    while column < width {
      let cell = screenCell(row: row, column: column)
      switch cell.part {
      case .whole:
        line += cell.text
        column += 1
      case .leftHalf:
        let next = column + 1 < width ? screenCell(row: row, column: column + 1) : nil
        if let next, next.part == .rightHalf, next.text == cell.text {
          line += cell.text
          column += 2
        } else {
          line += "\u{FFFD}"
          column += 1
        }
      case .rightHalf:
        line += "\u{FFFD}"
        column += 1
      }
    }
    return line
  }

  /// Where curses has the cursor now.
  var cursorPosition: Position {
    Position(row: Int(mizzen_getcury(window)), column: Int(mizzen_getcurx(window)))
  }

  /// Resizes the screen as a terminal resize would, for a virtual screen with no real size.
  func resize(to size: Size) {
    mizzen_resize_term(Int32(size.height), Int32(size.width))
    shown = nil
  }
}
