import MizzenConsole

/// What the terminal delivers between frames: a key, text, a mouse action, a new size, or
/// the end of input.
public enum TerminalInput: Equatable, Sendable {
  case key(Key)
  /// Printable text read together: typed fast, or pasted by a terminal that does not mark
  /// pastes.
  case text(String)
  /// Text between a bracketed paste's markers, control characters included.
  case paste(String)
  case mouse(MouseEvent)
  /// The terminal was resized; the screen has already been resized to this.
  case resize(Size)
  /// Standard input reached its end or hung up: the terminal is gone.
  case closed
}
