/// Which Braze call sets a state, by the one rule of SPEC §8: v1 `/subscription/status/set`
/// carries exactly one email or SMS group for one identifier; every other group change
/// (WhatsApp, which only v2 documents, or several groups in one call) is v2
/// `/v2/subscription/status/set`; push, which has no group, is `/users/track`.
public enum SignalRoute: String, Sendable, Equatable, Codable {
  case v1
  case v2
  case track

  /// The route for one call carrying groups (or a push channel) of these channels.
  public init(_ channels: [Channel]) {
    if channels == [.push] {
      self = .track
    } else if channels.count == 1 && channels[0] != .whatsapp {
      self = .v1
    } else {
      self = .v2
    }
  }

  /// Why this route, as the preview shows it, e.g. "v2: one call for 3 groups".
  public func reason(_ channels: [Channel]) -> String {
    switch self {
    case .track:
      return "/users/track: push has no subscription group; it sets push_subscribe"
    case .v1:
      let label = channels.first?.label ?? "subscription"
      return "v1: one \(label) group for one identifier"
    case .v2:
      return channels.count > 1
        ? "v2: one call for \(channels.count) groups"
        : "v2: WhatsApp is only documented on v2"
    }
  }
}

/// One channel of a topic, checked and ready to send: its connection and endpoint, and
/// the identity the connection's mapping picked for the signal.
struct ChannelTarget {
  var channel: TopicChannel
  var kind: Channel
  var connection: Connection
  /// The endpoint's base URL, without a trailing slash.
  var base: String
  var space: String
  var field: BrazeField
  var value: String

  /// `use_double_opt_in_logic` is sent only where Braze runs the flow.
  var doubleOptIn: Bool { channel.doubleOptIn && kind.takesDoubleOptIn }

  /// Whether this channel's group can ride in the same call as `other`'s: the same
  /// connection and the same identifier (v2 takes one identifier kind per call for
  /// emails and phones, and `external_ids` for any group). Push has a call of its own.
  func sharesCall(with other: ChannelTarget) -> Bool {
    kind != .push && other.kind != .push && connection.code == other.connection.code
      && field == other.field && value == other.value
  }
}
