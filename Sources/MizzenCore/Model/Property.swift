/// A site or app, and how each identity is captured on it.
public struct Property: Equatable, Sendable {
  public var code: String
  public var name: String
  /// Free text such as `web`, `ios`, `android`.
  public var platform: String
  public var identities: [IdentityCapture]

  public init(code: String, name: String, platform: String, identities: [IdentityCapture] = []) {
    self.code = code
    self.name = name
    self.platform = platform
    self.identities = identities
  }
}

/// How one identity space is read on a property (Ketch's `Identity` capture definition).
public struct IdentityCapture: Equatable, Sendable {
  public var identitySpace: String
  /// Raw values from the file; see the `CaptureType`, `CaptureFormat`, `CaptureEncoding` views.
  public var type: String
  public var variable: String
  public var format: String
  public var key: String
  public var encoding: String

  public init(
    identitySpace: String, type: String, variable: String, format: String, key: String = "",
    encoding: String = CaptureEncoding.none.rawValue
  ) {
    self.identitySpace = identitySpace
    self.type = type
    self.variable = variable
    self.format = format
    self.key = key
    self.encoding = encoding
  }

  public var captureType: CaptureType? { CaptureType(rawValue: type) }
  public var captureFormat: CaptureFormat? { CaptureFormat(rawValue: format) }
  public var captureEncoding: CaptureEncoding? { CaptureEncoding(rawValue: encoding) }
}

/// Where on the page an identity is read from.
public enum CaptureType: String, CaseIterable, Sendable {
  case dataLayer, window, cookie, managedCookie, localStorage, sessionStorage, queryString
}

/// The structure of a captured value.
public enum CaptureFormat: String, CaseIterable, Sendable {
  case string, json, jwt, query, semicolon

  /// Structured formats need a `key` to pick the identity out of the value.
  public var needsKey: Bool { self != .string }
}

/// How a captured value is encoded.
public enum CaptureEncoding: String, CaseIterable, Sendable {
  case none, base64
}
