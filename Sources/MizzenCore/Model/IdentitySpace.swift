/// A kind of identifier a site can capture (an email address, a customer id…).
public struct IdentitySpace: Equatable, Sendable {
  public var code: String
  public var name: String
  /// Raw value from the file; see `type` for the typed view.
  public var valueType: String
  /// True for the one space that is the marketing preference identity.
  public var marketingPreference: Bool

  public init(code: String, name: String, valueType: String, marketingPreference: Bool = false) {
    self.code = code
    self.name = name
    self.valueType = valueType
    self.marketingPreference = marketingPreference
  }

  public init(
    code: String, name: String, type: IdentityValueType, marketingPreference: Bool = false
  ) {
    self.init(
      code: code, name: name, valueType: type.rawValue, marketingPreference: marketingPreference)
  }

  public var type: IdentityValueType? { IdentityValueType(rawValue: valueType) }
}

/// What values of an identity space look like.
public enum IdentityValueType: String, CaseIterable, Sendable {
  case email
  /// E.164, e.g. `+14155550123`.
  case phone
  case id
}
