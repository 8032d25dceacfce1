/// One preference choice to send: a topic and channel, the person's identity values, and
/// the choice itself (SPEC §4).
public struct Signal: Equatable, Sendable {
  /// A topic code of the workspace.
  public var topic: String
  /// A channel code: `email`, `sms`, `whatsapp` or `push`.
  public var channel: String
  /// Identity values by identity-space code, e.g. `["email": "ana@example.com"]`.
  public var identities: [String: String]
  /// Nil while no choice has been made; the planner refuses to plan such a signal.
  public var state: SignalState?

  public init(
    topic: String, channel: String, identities: [String: String], state: SignalState?
  ) {
    self.topic = topic
    self.channel = channel
    self.identities = identities
    self.state = state
  }
}
