/// A Braze connection: where to send signals, with which key, identifying people how.
public struct Connection: Equatable, Sendable {
  public var code: String
  public var name: String
  /// The REST endpoint, e.g. `https://rest.iad-01.braze.com`.
  public var endpoint: String
  public var apiKey: APIKeySource
  /// Ordered: the first entry that can serve a signal wins (SPEC §4).
  public var identityMapping: [IdentityMapping]

  public init(
    code: String, name: String, endpoint: String, apiKey: APIKeySource,
    identityMapping: [IdentityMapping]
  ) {
    self.code = code
    self.name = name
    self.endpoint = endpoint
    self.apiKey = apiKey
    self.identityMapping = identityMapping
  }
}

/// Where a connection's REST API key comes from.
public enum APIKeySource: Equatable, Sendable {
  /// Read from this environment variable at send time (recommended).
  case environment(String)
  /// Stored inline in the workspace file (warned about; the file is kept mode 0600).
  case inline(String)

  /// The key with all but its last 4 characters hidden, for screens and logs.
  public static func mask(_ key: String) -> String {
    let tail = key.count > 4 ? String(key.suffix(4)) : ""
    return "••••" + tail
  }

  /// How the source is shown to people: the variable name, or the masked inline key.
  public var displayText: String {
    switch self {
    case .environment(let name): return "$" + name
    case .inline(let key): return APIKeySource.mask(key)
    }
  }
}

/// One entry of a connection's identity mapping: an identity space sent as a Braze field.
public struct IdentityMapping: Equatable, Sendable {
  public var identitySpace: String
  /// Raw value from the file; see `field` for the typed view.
  public var brazeField: String

  public init(identitySpace: String, brazeField: String) {
    self.identitySpace = identitySpace
    self.brazeField = brazeField
  }

  public init(identitySpace: String, field: BrazeField) {
    self.init(identitySpace: identitySpace, brazeField: field.rawValue)
  }

  public var field: BrazeField? { BrazeField(rawValue: brazeField) }
}

/// The Braze user identifiers a connection may send.
public enum BrazeField: String, CaseIterable, Sendable {
  case externalID = "external_id"
  case email
  case phone
}
