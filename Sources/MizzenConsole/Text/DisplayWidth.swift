/// How many terminal cells text takes, the way ncurses and tmux count them.
///
/// Each Unicode scalar is measured on its own, as glibc's `wcwidth` does in a UTF-8 locale,
/// and the widths are added up: CJK and most emoji take 2 cells; combining marks, the
/// zero-width joiner and variation selectors take 0, so a ZWJ family emoji is as wide as
/// its parts. Scalars that `wcwidth` calls not printable (controls, unassigned code points)
/// count 0 and are never drawn. No curses and no locale are involved: the table is ours.
public enum DisplayWidth {
  /// What kind of cell a scalar needs.
  public enum Kind: UInt8, Sendable {
    /// Never drawn: a control character or a code point the C library does not print.
    case notPrintable
    /// Drawn together with the scalar before it (combining marks, joiners, selectors).
    case zeroWidth
    case narrow
    case wide

    /// Cells taken: 0, 0, 1 or 2.
    public var cells: Int {
      switch self {
      case .notPrintable, .zeroWidth: return 0
      case .narrow: return 1
      case .wide: return 2
      }
    }
  }

  /// The kind of one scalar.
  public static func kind(of scalar: Unicode.Scalar) -> Kind {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return .narrow }
    if value < 0x20 { return .notPrintable }
    var low = 0
    var high = table.count / 3 - 1
    while low <= high {
      let middle = (low + high) / 2
      let first = table[middle * 3]
      let last = table[middle * 3 + 1]
      if value < first {
        high = middle - 1
      } else if value > last {
        low = middle + 1
      } else {
        switch table[middle * 3 + 2] {
        case 0: return .notPrintable
        case 1: return .zeroWidth
        default: return .wide
        }
      }
    }
    return .narrow
  }

  /// Cells taken by one scalar.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    kind(of: scalar).cells
  }

  /// Cells taken by a string: the sum over its scalars.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x20 && value < 0x7F {
        total += 1
      } else {
        total += kind(of: scalar).cells
      }
    }
    return total
  }
}
