/// Why bytes could not be turned into a `Workspace`. `WorkspaceStore` adds the file path.
public struct WorkspaceCodecError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The subset of `StoreError.Kind` that decoding can produce.
  public enum Kind: Equatable, Sendable {
    case invalidUTF8, syntax, invalidValue, unknownFormat, newerVersion
  }

  public var kind: Kind
  public var line: Int?
  public var column: Int?
  /// One line: what is wrong, where in the document (line and column, or a JSON path such
  /// as `topics[3].channels[0].channel`), and what to do.
  public var message: String

  public init(kind: Kind, line: Int? = nil, column: Int? = nil, message: String) {
    self.kind = kind
    self.line = line
    self.column = column
    self.message = message
  }

  init(_ syntax: JSONSyntaxError) {
    self.init(
      kind: syntax.kind == .invalidUTF8 ? .invalidUTF8 : .syntax, line: syntax.line,
      column: syntax.column, message: syntax.description)
  }

  /// A value of the wrong type or shape at `path`.
  static func invalid(_ path: String, _ message: String) -> WorkspaceCodecError {
    WorkspaceCodecError(kind: .invalidValue, message: "\(path): \(message)")
  }

  public var description: String { message }
}
