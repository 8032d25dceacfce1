/// How one role of the console looks, as `config.json`'s `theme` writes it:
/// `"FOREGROUND [on BACKGROUND] [bold] [dim] [reverse] [underline]"`, e.g.
/// `"black on cyan bold"`.
public struct ThemeStyle: Equatable, Sendable {
  /// The eight ANSI colours and the terminal's own (`default`).
  public enum Color: String, CaseIterable, Sendable {
    case terminalDefault = "default"
    case black, red, green, yellow, blue, magenta, cyan, white

    /// Another name people use for a colour: `purple` is magenta.
    static let aliases: [String: Color] = ["purple": .magenta]

    /// Every name a colour can be written as, for suggestions.
    static let names: [String] = allCases.map(\.rawValue) + aliases.keys.sorted()

    init?(name: String) {
      guard let color = Color(rawValue: name) ?? Self.aliases[name] else { return nil }
      self = color
    }
  }

  /// Text attributes, applied with or without colour.
  public enum Attribute: String, CaseIterable, Sendable {
    case bold, dim, reverse, underline
  }

  public var foreground: Color
  public var background: Color
  public var attributes: [Attribute]

  public init(
    _ foreground: Color = .terminalDefault, on background: Color = .terminalDefault,
    _ attributes: [Attribute] = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The style as `config.json` writes it, the form `init(parsing:)` reads.
  public var text: String {
    var words = [foreground.rawValue]
    if background != .terminalDefault { words += ["on", background.rawValue] }
    return (words + attributes.map(\.rawValue)).joined(separator: " ")
  }

  /// Reads `text`; a wrong word is explained with a suggestion.
  public init(parsing text: String) throws(ConfigProblem.Reason) {
    var words = text.split(separator: " ").map { $0.lowercased() }[...]
    guard let first = words.popFirst() else {
      throw ConfigProblem.Reason("is empty; write e.g. \"black on cyan bold\"")
    }
    foreground = try Self.color(first)
    background = .terminalDefault
    if words.first == "on" {
      words.removeFirst()
      guard let second = words.popFirst() else {
        throw ConfigProblem.Reason("\"on\" needs a background colour after it")
      }
      background = try Self.color(second)
    }
    attributes = []
    for word in words {
      guard let attribute = Attribute(rawValue: word) else {
        let known = Attribute.allCases.map(\.rawValue)
        throw ConfigProblem.Reason(
          "unknown attribute \"\(word)\"" + ConfigProblem.suggestion(for: word, in: known)
            + " (one of \(known.joined(separator: ", ")))")
      }
      if !attributes.contains(attribute) { attributes.append(attribute) }
    }
  }

  private static func color(_ word: String) throws(ConfigProblem.Reason) -> Color {
    guard let color = Color(name: word) else {
      throw ConfigProblem.Reason(
        "unknown colour \"\(word)\"" + ConfigProblem.suggestion(for: word, in: Color.names))
    }
    return color
  }
}
