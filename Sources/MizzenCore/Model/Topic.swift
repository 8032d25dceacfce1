/// A subscription topic of the preference center, with the channels it is offered on.
public struct Topic: Equatable, Sendable {
  public var code: String
  public var name: String
  public var description: String
  /// A Ketch legal-basis code such as `consent_optin`; empty when not set.
  public var legalBasis: String
  public var channels: [TopicChannel]

  public init(
    code: String, name: String, description: String = "", legalBasis: String = "",
    channels: [TopicChannel] = []
  ) {
    self.code = code
    self.name = name
    self.description = description
    self.legalBasis = legalBasis
    self.channels = channels
  }

  /// The channel entry for this channel code, if the topic has it.
  public func channel(_ code: String) -> TopicChannel? {
    channels.first { $0.channel == code }
  }
}

/// One channel of a topic, mapped to a connection and (except push) a subscription group.
public struct TopicChannel: Equatable, Sendable {
  /// Raw value from the file; see `kind` for the typed view.
  public var channel: String
  /// The code of a connection.
  public var connection: String
  /// Empty for push, which has no subscription group in Braze.
  public var subscriptionGroupId: String {
    get { groupID.text }
    set { groupID = GroupIDText(newValue) }
  }
  /// `subscriptionGroupId` as it is kept: a lower-case UUID in 16 bytes (`GroupIDText`).
  /// Hot paths read it here, without making a `String`.
  var groupID: GroupIDText

  /// Runs `body` over the UTF-8 bytes of `subscriptionGroupId`, without making a `String`.
  public func withGroupIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    groupID.withUTF8Bytes(body)
  }
  /// SMS and WhatsApp: a subscribe sends `use_double_opt_in_logic: true`, so that Braze
  /// runs its double opt-in flow (SPEC §8). Written only when true.
  public var doubleOptIn: Bool
  /// Push: `/users/track` carries `_update_existing_only: true`, so that a send never
  /// creates a profile (SPEC §8). Written only when true.
  public var updateExistingOnly: Bool

  public init(
    channel: String, connection: String, subscriptionGroupId: String = "",
    doubleOptIn: Bool = false, updateExistingOnly: Bool = false
  ) {
    self.channel = channel
    self.connection = connection
    self.groupID = GroupIDText(subscriptionGroupId)
    self.doubleOptIn = doubleOptIn
    self.updateExistingOnly = updateExistingOnly
  }

  public init(
    kind: Channel, connection: String, subscriptionGroupId: String = "",
    doubleOptIn: Bool = false, updateExistingOnly: Bool = false
  ) {
    self.init(
      channel: kind.rawValue, connection: connection, subscriptionGroupId: subscriptionGroupId,
      doubleOptIn: doubleOptIn, updateExistingOnly: updateExistingOnly)
  }

  public var kind: Channel? {
    // Compared one by one: `Channel(rawValue:)` searches a generic table of strings, and
    // validation asks for every entry's kind several times.
    if channel == "email" { return .email }
    if channel == "sms" { return .sms }
    if channel == "whatsapp" { return .whatsapp }
    if channel == "push" { return .push }
    return nil
  }
}

/// A contact channel of a topic.
public enum Channel: String, CaseIterable, Sendable {
  case email, sms, whatsapp, push

  /// Push maps to the global `push_subscribe` attribute; the others to subscription groups.
  public var usesSubscriptionGroup: Bool { self != .push }

  /// The Braze identifier fields a subscription group of this channel accepts.
  public var acceptedFields: [BrazeField] {
    switch self {
    case .email: return [.externalID, .email]
    case .sms, .whatsapp: return [.externalID, .phone]
    case .push: return [.externalID, .email, .phone]
    }
  }

  /// Whether Braze's double opt-in flow applies (SMS and WhatsApp groups).
  public var takesDoubleOptIn: Bool { self == .sms || self == .whatsapp }

  /// Human label, e.g. "WhatsApp".
  public var label: String {
    switch self {
    case .email: return "Email"
    case .sms: return "SMS"
    case .whatsapp: return "WhatsApp"
    case .push: return "Push"
    }
  }
}

/// A Ketch legal-basis code (ketch-model.md §1.2).
public enum LegalBasis {
  public static let codes: [String] = [
    "not_applicable", "publicinterest", "contract", "consent_optin", "research_lgpd",
    "legalobligations", "health_lgpd", "vitalinterests", "credit_lgpd", "always_off", "life_lgpd",
    "legitimateinterest", "consent_optout", "disclosure", "legitimateinterest_objectable",
  ]
}
