/// A topic-level test-send: "this person, every channel of this topic, granted/denied",
/// as the fewest calls v2's rules allow (SPEC §8). Each call is a `SignalPlan` of its own,
/// sent and journaled as one.
public struct TopicSendPlan: Equatable, Sendable {
  public var topic: String
  public var state: SignalState
  /// One plan per call, in the order of the topic's channels.
  public var calls: [SignalPlan]

  public init(topic: String, state: SignalState, calls: [SignalPlan]) {
    self.topic = topic
    self.state = state
    self.calls = calls
  }
}

extension SignalPlanner {
  /// The topic-level plan for `signal` (its channel is ignored) in the indexed workspace.
  public func planTopic(_ signal: Signal, verify: Bool = false) throws(SignalPlanError)
    -> TopicSendPlan
  {
    try Self.planTopic(
      signal, in: workspace, verify: verify, topicAt: { topicIndex[$0] },
      connectionAt: { connectionIndex[$0] })
  }

  /// Every channel of the signal's topic for one person, grouped into calls: the groups of
  /// one connection that the mapping reaches through the same identifier share one call
  /// (v2 when more than one, see `SignalRoute`); each push channel is its own
  /// `/users/track` call. The identifier of each channel is the one a single-channel send
  /// would use (the connection's mapping decides), so that grouping never changes who is
  /// reached. A channel that cannot be planned refuses the whole send.
  public static func planTopic(_ signal: Signal, in workspace: Workspace, verify: Bool = false)
    throws(SignalPlanError) -> TopicSendPlan
  {
    try planTopic(
      signal, in: workspace, verify: verify,
      topicAt: { code in workspace.topics.firstIndex { $0.code == code } },
      connectionAt: { code in workspace.connections.firstIndex { $0.code == code } })
  }

  static func planTopic(
    _ signal: Signal, in workspace: Workspace, verify: Bool, topicAt: (String) -> Int?,
    connectionAt: (String) -> Int?
  ) throws(SignalPlanError) -> TopicSendPlan {
    let (topicIndex, topic) = try findTopic(signal, in: workspace, topicAt: topicAt)
    guard !topic.channels.isEmpty else {
      throw SignalPlanError(
        .unknownChannel, "Topic '\(topic.code)' has no channel; add a channel to it first.",
        path: ProblemPath(collection: .topics, recordIndex: topicIndex, recordKey: topic.code))
    }
    let state = try requireState(signal)
    var calls: [[ChannelTarget]] = []
    for channel in topic.channels {
      guard channel.kind != nil else {
        throw SignalPlanError(
          .unknownChannel,
          "Topic '\(topic.code)' has a channel '\(channel.channel)', which is not email, sms, "
            + "whatsapp or push; fix it before sending to every channel.",
          path: ProblemPath(collection: .topics, recordIndex: topicIndex, recordKey: topic.code))
      }
      var one = signal
      one.channel = channel.channel
      let target = try self.target(
        channel, of: topic, at: topicIndex, signal: one, in: workspace,
        connectionAt: connectionAt)
      if let index = calls.firstIndex(where: { $0[0].sharesCall(with: target) }) {
        calls[index].append(target)
      } else {
        calls.append([target])
      }
    }
    return TopicSendPlan(
      topic: topic.code, state: state,
      calls: calls.map { call($0, signal: signal, state: state, verify: verify) })
  }
}
