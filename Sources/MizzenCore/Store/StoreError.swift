/// Why a workspace file could not be loaded or saved, as one line a person can act on.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, for code that reacts differently (offer reload on `.conflict`…).
  public enum Kind: Equatable, Sendable {
    case notFound, notARegularFile, permissionDenied, invalidUTF8, syntax, invalidValue
    case unknownFormat, newerVersion, conflict, locked, io
    /// The file is larger than `WorkspaceStore.maxFileSize`.
    case tooLarge
  }

  public var kind: Kind
  /// The workspace file concerned.
  public var path: String
  /// Where in the file, for syntax and encoding errors.
  public var line: Int?
  public var column: Int?
  /// One line for a person: what is wrong and what to do. Starts with the file's path.
  public var message: String
  /// True when the file could not be opened or parsed (`mizzen validate` exits 2); false
  /// for refusals to save (conflict, lock, a workspace of a foreign format).
  public var isUnreadable: Bool

  public init(
    kind: Kind, path: String, line: Int? = nil, column: Int? = nil, message: String,
    isUnreadable: Bool
  ) {
    self.kind = kind
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.isUnreadable = isUnreadable
  }

  public var description: String { message }

  init(_ error: WorkspaceCodecError, path: String, hint: String) {
    let kind: Kind
    switch error.kind {
    case .invalidUTF8: kind = .invalidUTF8
    case .syntax: kind = .syntax
    case .invalidValue: kind = .invalidValue
    case .unknownFormat: kind = .unknownFormat
    case .newerVersion: kind = .newerVersion
    }
    let suffix = kind == .syntax || kind == .invalidUTF8 || kind == .invalidValue ? hint : ""
    self.init(
      kind: kind, path: path, line: error.line, column: error.column,
      message: "\(path): \(error.message)\(suffix)", isUnreadable: true)
  }
}
