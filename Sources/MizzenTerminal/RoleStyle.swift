/// How one role looks on the screen: colours and attributes, independent of curses.
struct RoleStyle: Equatable, Sendable {
  /// The eight ANSI colours, and the terminal's own default.
  enum Color: Int16, Sendable {
    case terminalDefault = -1
    case black, red, green, yellow, blue, magenta, cyan, white
  }

  /// Text attributes, the only styling left when colour is off.
  struct Attributes: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let bold = Attributes(rawValue: 1)
    static let dim = Attributes(rawValue: 2)
    static let reverse = Attributes(rawValue: 4)
    static let underline = Attributes(rawValue: 8)
  }

  var foreground: Color
  var background: Color
  var attributes: Attributes

  init(
    _ foreground: Color = .terminalDefault, on background: Color = .terminalDefault,
    _ attributes: Attributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// Attributes alone, for a terminal without colour or a user who asked for none.
  static func plain(_ attributes: Attributes = []) -> RoleStyle {
    RoleStyle(.terminalDefault, on: .terminalDefault, attributes)
  }
}
