import MizzenCore

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

extension RoleStyle {
  /// The look a config file's theme gives.
  init(_ theme: ThemeStyle) {
    self.init(Color(theme.foreground), on: Color(theme.background), Attributes(theme.attributes))
  }

  /// The look as a config file's theme writes it.
  var theme: ThemeStyle {
    ThemeStyle(
      foreground.theme, on: background.theme,
      ThemeStyle.Attribute.allCases.filter { attributes.contains(Attributes($0)) })
  }
}

extension RoleStyle.Color {
  init(_ color: ThemeStyle.Color) {
    switch color {
    case .terminalDefault: self = .terminalDefault
    case .black: self = .black
    case .red: self = .red
    case .green: self = .green
    case .yellow: self = .yellow
    case .blue: self = .blue
    case .magenta: self = .magenta
    case .cyan: self = .cyan
    case .white: self = .white
    }
  }

  var theme: ThemeStyle.Color {
    switch self {
    case .terminalDefault: return .terminalDefault
    case .black: return .black
    case .red: return .red
    case .green: return .green
    case .yellow: return .yellow
    case .blue: return .blue
    case .magenta: return .magenta
    case .cyan: return .cyan
    case .white: return .white
    }
  }
}

extension RoleStyle.Attributes {
  init(_ attribute: ThemeStyle.Attribute) {
    switch attribute {
    case .bold: self = .bold
    case .dim: self = .dim
    case .reverse: self = .reverse
    case .underline: self = .underline
    }
  }

  init(_ attributes: [ThemeStyle.Attribute]) {
    self = attributes.reduce(into: []) { $0.insert(Self($1)) }
  }
}
