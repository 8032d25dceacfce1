/// A key press, as the terminal layer decodes it and the console's bindings match it.
public enum Key: Hashable, Sendable {
  /// A printable character, already decoded from the terminal's wide-character input.
  case character(Character)
  /// Control plus a letter, e.g. `.control("s")` for ctrl-s.
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete, insert
  case function(Int)
}

/// A mouse action the console understands.
public enum MouseEvent: Hashable, Sendable {
  case click(Position)
  case scrollUp(Position)
  case scrollDown(Position)
}
