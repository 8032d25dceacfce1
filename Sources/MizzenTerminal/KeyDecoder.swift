import CNcursesw
import MizzenConsole

/// Turns what `wget_wch` returns into a `Key`: pure, so each mapping can be tested alone.
enum KeyDecoder {
  /// A character read with status `OK`: printable text, or a control byte the terminal sent.
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

  /// A key code read with status `KEY_CODE_YES`, other than resize and mouse.
  static func keyCode(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_ENTER: return .enter
    case KEY_DC: return .delete
    case mizzen_key_f(1)...mizzen_key_f(24): return .function(Int(code - mizzen_key_f(0)))
    default: return nil
    }
  }
}
