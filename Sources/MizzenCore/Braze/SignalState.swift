/// A person's choice for one topic and channel, as the preference center records it.
///
/// Only these two exist: there is no "unknown" choice that could ever be sent as a
/// subscription, and `subscriptionState` maps them one way only.
public enum SignalState: String, CaseIterable, Sendable, Codable {
  case granted
  case denied

  /// The Braze subscription-group state: granted → `subscribed`, denied → `unsubscribed`.
  public var subscriptionState: String {
    switch self {
    case .granted: return "subscribed"
    case .denied: return "unsubscribed"
    }
  }

  /// The `push_subscribe` attribute value: granted → `opted_in`, denied → `unsubscribed`.
  public var pushSubscribe: String {
    switch self {
    case .granted: return "opted_in"
    case .denied: return "unsubscribed"
    }
  }

  /// What `GET /subscription/status/get` reports after a successful send.
  public var expectedGroupStatus: String {
    switch self {
    case .granted: return "Subscribed"
    case .denied: return "Unsubscribed"
    }
  }

  /// Reads `granted` or `denied` exactly (lower case); anything else, including Braze's
  /// own words such as `subscribed`, is nil so that a typo can never become a choice.
  public init?(text: String) {
    self.init(rawValue: text)
  }
}
