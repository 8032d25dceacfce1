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
  /// Empty for push.
  public var subscriptionGroupId: String
  /// The send call first, then the verify call when one was asked for and is possible.
  public var requests: [PlannedRequest]
  /// Sentences worth showing beside the plan, e.g. how push is verified.
  public var notes: [String]

  public init(
    signal: Signal, state: SignalState, connection: String, keySource: APIKeySource,
    identitySpace: String, identityValue: String, brazeField: BrazeField,
    subscriptionGroupId: String, requests: [PlannedRequest], notes: [String] = []
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
  }
}

/// The read-only call that checks a connection (SPEC §4 "check connection").
public struct ConnectionCheckPlan: Equatable, Sendable {
  public var connection: String
  public var keySource: APIKeySource
  /// The topic and channel whose subscription group the check reads.
  public var topic: String
  public var channel: String
  public var subscriptionGroupId: String
  public var request: PlannedRequest

  public init(
    connection: String, keySource: APIKeySource, topic: String, channel: String,
    subscriptionGroupId: String, request: PlannedRequest
  ) {
    self.connection = connection
    self.keySource = keySource
    self.topic = topic
    self.channel = channel
    self.subscriptionGroupId = subscriptionGroupId
    self.request = request
  }
}
