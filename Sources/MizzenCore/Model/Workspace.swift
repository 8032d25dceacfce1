/// The whole configuration an admin edits: one workspace file (SPEC §2).
///
/// Enum-like fields are kept as the strings found in the file, so that a wrong value is a
/// validation problem with a path rather than a file that cannot be opened; typed views
/// (`Channel`, `BrazeField`, …) are offered beside them.
public struct Workspace: Equatable, Sendable {
  /// The value of `format` that marks a Mizzen workspace.
  public static let formatName = "mizzen.workspace"
  /// The newest `version` this program reads and writes.
  public static let currentVersion = 1

  public var format: String
  public var version: Int
  public var name: String
  public var connections: [Connection]
  public var identitySpaces: [IdentitySpace]
  public var properties: [Property]
  public var topics: [Topic]

  public init(
    format: String = Workspace.formatName,
    version: Int = Workspace.currentVersion,
    name: String,
    connections: [Connection] = [],
    identitySpaces: [IdentitySpace] = [],
    properties: [Property] = [],
    topics: [Topic] = []
  ) {
    self.format = format
    self.version = version
    self.name = name
    self.connections = connections
    self.identitySpaces = identitySpaces
    self.properties = properties
    self.topics = topics
  }

  /// The connection with this code, if any.
  public func connection(_ code: String) -> Connection? {
    connections.first { $0.code == code }
  }

  /// The identity space with this code, if any.
  public func identitySpace(_ code: String) -> IdentitySpace? {
    identitySpaces.first { $0.code == code }
  }

  /// The topic with this code, if any.
  public func topic(_ code: String) -> Topic? {
    topics.first { $0.code == code }
  }

  /// The single space flagged as the marketing preference identity, when exactly one is.
  public var marketingPreferenceSpace: IdentitySpace? {
    let flagged = identitySpaces.filter(\.marketingPreference)
    return flagged.count == 1 ? flagged[0] : nil
  }
}
