/// One entry of `config.json` that was not used, with its path and why
/// (`theme.selection: unknown colour "pruple" (did you mean purple?)`).
public struct ConfigProblem: Equatable, Sendable, CustomStringConvertible {
  /// Why a value was refused, before its path is known.
  public struct Reason: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
  }

  /// Where in the file: `theme.selection`, `keys["move.down"][1]`; empty for the file itself.
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `config.json: PATH: MESSAGE`, as the command line prints it.
  public var description: String {
    path.isEmpty ? "config.json: \(message)" : "config.json: \(path): \(message)"
  }

  /// ` (did you mean X?)` when one of `known` is close to `word`, else empty.
  static func suggestion(for word: String, in known: [String]) -> String {
    Suggestion.nearest(to: word, in: known).map { " (did you mean \($0)?)" } ?? ""
  }
}
