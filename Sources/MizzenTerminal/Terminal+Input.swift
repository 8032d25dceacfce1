import CNcursesw
import MizzenConsole

extension Terminal {
  /// Waits up to `timeoutMilliseconds` for one input; nil when none came (or it meant
  /// nothing, like a mouse release or an unknown key).
  public func nextInput(timeoutMilliseconds: Int32) -> TerminalInput? {
    wtimeout(window, max(0, timeoutMilliseconds))
    var code: wint_t = 0
    switch wget_wch(window, &code) {
    case OK:
      return KeyDecoder.character(UInt32(code)).map { .key($0) }
    case KEY_CODE_YES:
      return specialKey(Int32(code))
    default:
      return nil
    }
  }

  private func specialKey(_ code: Int32) -> TerminalInput? {
    switch code {
    case KEY_RESIZE:
      // ncurses has resized the window already; what the terminal shows is unknown now
      // (emulators reflow), so the next draw repaints everything from a cleared screen.
      shown = nil
      clearok(window, true)
      return .resize(size)
    case KEY_MOUSE:
      return mouseEvent()
    default:
      return KeyDecoder.keyCode(code).map { .key($0) }
    }
  }

  private func mouseEvent() -> TerminalInput? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let position = Position(row: Int(event.y), column: Int(event.x))
    if event.bstate & mizzen_button4_pressed() != 0 { return .mouse(.scrollUp(position)) }
    if event.bstate & mizzen_button5_pressed() != 0 { return .mouse(.scrollDown(position)) }
    if event.bstate & (mizzen_button1_pressed() | mizzen_button1_clicked()) != 0 {
      return .mouse(.click(position))
    }
    return nil
  }
}
