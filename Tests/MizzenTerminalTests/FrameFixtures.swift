import MizzenConsole

/// Builds frames for tests without the console's text layout: the widths of the scalars
/// used in the fixtures are known, so they are spelled out here.
enum FrameFixtures {
  /// Scalars drawn together with the one before them: a combining accent, the zero-width
  /// joiner, and the emoji variation selector.
  static let joining: Set<UInt32> = [0x301, 0x200D, 0xFE0F]

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF:
      return true
    default:
      return false
    }
  }

  /// Writes `text` at `row`, `column`, one cell per scalar (two for a wide one), joining
  /// scalars into the cell before them; stops at the right edge without splitting.
  /// Returns the column after the last cell written.
  @discardableResult
  static func write(
    _ text: String, into frame: inout Frame, row: Int, column: Int, role: Role = .normal
  ) -> Int {
    var col = column
    var last: Int?
    for scalar in text.unicodeScalars {
      if joining.contains(scalar.value) {
        if let last { frame[row, last].text.unicodeScalars.append(scalar) }
        continue
      }
      let wide = isWide(scalar)
      guard col + (wide ? 2 : 1) <= frame.width else { return col }
      frame[row, col] = Cell(text: String(scalar), role: role)
      if wide { frame[row, col + 1] = .continuation(role) }
      last = col
      col += wide ? 2 : 1
    }
    return col
  }

  /// A frame of `size` with the given lines from the top, each in its role.
  static func frame(_ size: Size, _ lines: [(String, Role)]) -> Frame {
    var frame = Frame(width: size.width, height: size.height)
    for (row, line) in lines.enumerated() where row < size.height {
      write(line.0, into: &frame, row: row, column: 0, role: line.1)
    }
    return frame
  }

  /// Lines that exercise widths: CJK, emoji, a ZWJ family, accents both ways, a flag-less
  /// keycap-free mix, and text running to the last column.
  static let international: [(String, Role)] = [
    ("Mizzen — 週刊ニュース · Offres 🎉 · Événements", .header),
    ("e\u{301}te\u{301} (combining) and été (precomposed)", .normal),
    ("Family 👨\u{200D}👩\u{200D}👧 and heart ❤\u{FE0F} end", .selection),
    ("한국어 뉴스레터 — 中文通讯 — ｆｕｌｌｗｉｄｔｈ", .dialog),
    ("🎉🎉🎉 three party poppers", .success),
  ]
}
