import MizzenConsole

/// What the terminal delivers between frames: a key, a mouse action, or a new size.
public enum TerminalInput: Equatable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal was resized; the screen has already been resized to this.
  case resize(Size)
}
