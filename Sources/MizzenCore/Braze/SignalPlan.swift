/// The calls that carry one signal to Braze, in order, with everything needed to show
/// them before sending.
public struct SignalPlan: Equatable, Sendable {
  public var signal: Signal
  /// The choice, known to be present once a plan exists.
  public var state: SignalState
  /// The code of the connection the calls go to.
  public var connection: String
  /// Where the key comes from; resolved only when sending.
  public var keySource: APIKeySource
  /// The identity the mapping chose, and the Braze field it is sent as.
  public var identitySpace: String
  public var identityValue: String
  public var brazeField: BrazeField
  /// Empty for push; the ids joined by commas when the call carries several groups.
  public var subscriptionGroupId: String
  /// The send call first, then the verify calls (one per group) when asked for.
  public var requests: [PlannedRequest]
  /// Sentences worth showing beside the plan, e.g. how push is verified.
  public var notes: [String]
  /// The channel codes the send call carries, in the topic's order (`signal.channel` is
  /// them joined by `+`).
  public var channels: [String]
  /// The groups the send call sets, in the same order; empty for push.
  public var subscriptionGroupIds: [String]
  /// Which Braze call carries the change (SPEC §8).
  public var route: SignalRoute

  public init(
    signal: Signal, state: SignalState, connection: String, keySource: APIKeySource,
    identitySpace: String, identityValue: String, brazeField: BrazeField,
    subscriptionGroupId: String, requests: [PlannedRequest], notes: [String] = [],
    channels: [String]? = nil, subscriptionGroupIds: [String]? = nil, route: SignalRoute? = nil
  ) {
    self.signal = signal
    self.state = state
    self.connection = connection
    self.keySource = keySource
    self.identitySpace = identitySpace
    self.identityValue = identityValue
    self.brazeField = brazeField
    self.subscriptionGroupId = subscriptionGroupId
    self.requests = requests
    self.notes = notes
    self.channels = channels ?? [signal.channel]
    self.subscriptionGroupIds =
      subscriptionGroupIds ?? (subscriptionGroupId.isEmpty ? [] : [subscriptionGroupId])
    self.route = route ?? SignalRoute(self.channels.compactMap(Channel.init(rawValue:)))
  }

  /// Why the call goes where it goes, for the preview ("v2: one call for 3 groups").
  public var routeReason: String {
    route.reason(channels.compactMap(Channel.init(rawValue:)))
  }
}

/// The check of a connection (SPEC §4, §8): for each Braze permission the workspace's
/// channels on it need, the read-only call that proves the key has it, when Braze has one.
public struct ConnectionCheckPlan: Equatable, Sendable {
  public var connection: String
  public var keySource: APIKeySource
  /// The topic and channel whose mapping the first read uses (a subscription group, or
  /// push when the connection serves push only).
  public var topic: String
  public var channel: String
  /// Empty when the connection serves push only.
  public var subscriptionGroupId: String
  /// One per needed permission, reads first, in a stable order.
  public var probes: [PermissionProbe]

  public init(
    connection: String, keySource: APIKeySource, topic: String, channel: String,
    subscriptionGroupId: String, probes: [PermissionProbe]
  ) {
    self.connection = connection
    self.keySource = keySource
    self.topic = topic
    self.channel = channel
    self.subscriptionGroupId = subscriptionGroupId
    self.probes = probes
  }

  /// The first read-only call: the one that proves the key and the endpoint.
  public var request: PlannedRequest {
    probes.compactMap(\.request)[0]
  }
}

/// A permission a connection needs, what for, and the read-only call that proves it (nil
/// for a write permission: only a send can prove it).
public struct PermissionProbe: Equatable, Sendable {
  public var permission: BrazePermission
  /// What mizzen uses it for, e.g. "verify and look up group states".
  public var use: String
  public var request: PlannedRequest?

  public init(permission: BrazePermission, use: String, request: PlannedRequest?) {
    self.permission = permission
    self.use = use
    self.request = request
  }
}
