import MizzenConsole

/// Turns a control byte or a scalar the terminal sent into a `Key`: pure, so each mapping
/// can be tested alone.
enum KeyDecoder {
  /// A control byte the terminal sent, or a scalar of printable text.
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      // ctrl-a is 1, ctrl-z is 26: the letter is the code plus 0x60.
      return Unicode.Scalar(code + 0x60).map { .control(Character($0)) }
    case 0..<32, 0x80..<0xA0:
      // ctrl-space, ctrl-\ … and C1 controls have no action and must never be typed in.
      return nil
    default:
      return Unicode.Scalar(code).map { .character(Character($0)) }
    }
  }
}
