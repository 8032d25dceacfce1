/// One line of the signal journal (SPEC §3): a test-send with every request, every attempt
/// and how it ended. It holds no API key, and nothing from which one could be rebuilt.
public struct JournalEntry: Equatable, Sendable, Codable {
  /// When the send started, ISO 8601 in UTC with milliseconds.
  public var time: String
  public var topic: String
  public var channel: String
  public var connection: String
  public var identitySpace: String
  public var identityValue: String
  /// The Braze field the value was sent as: `external_id`, `email` or `phone`.
  public var brazeField: String
  /// `granted` or `denied`.
  public var state: String
  /// Nil for push.
  public var subscriptionGroupId: String?
  /// The send call, then the verify call when one was made.
  public var requests: [JournalRequest]
  /// Wall time of the whole send, verify included.
  public var latencyMs: Double
  /// HTTP attempts over all requests.
  public var attempts: Int
  /// How the send call ended.
  public var outcome: BrazeOutcome
  /// Whether reading the state back found what was sent, when a verify was asked for.
  public var verification: VerificationResult?
  /// Braze's `X-Request-Id` of the first call's last answer (what Braze support asks for);
  /// each attempt keeps its own too.
  public var requestId: String?

  public init(
    time: String, topic: String, channel: String, connection: String, identitySpace: String,
    identityValue: String, brazeField: String, state: String, subscriptionGroupId: String?,
    requests: [JournalRequest], latencyMs: Double, attempts: Int, outcome: BrazeOutcome,
    verification: VerificationResult? = nil, requestId: String? = nil
  ) {
    self.time = time
    self.topic = topic
    self.channel = channel
    self.connection = connection
    self.identitySpace = identitySpace
    self.identityValue = identityValue
    self.brazeField = brazeField
    self.state = state
    self.subscriptionGroupId = subscriptionGroupId
    self.requests = requests
    self.latencyMs = latencyMs
    self.attempts = attempts
    self.outcome = outcome
    self.verification = verification
    self.requestId = requestId
  }

  /// True when the send succeeded and, if it was verified, the verification matched.
  public var succeeded: Bool {
    outcome.isSuccess && (verification?.matches ?? true)
  }

  /// True for a verify on its own (`v` after a send): its one request reads the state back
  /// and changes nothing. The format is the same as a send's, so this is how to tell.
  public var isVerify: Bool { requests.first?.purpose == .verify }
}

/// One HTTP call of a journaled send.
public struct JournalRequest: Equatable, Sendable, Codable {
  public var purpose: RequestPurpose
  public var method: String
  public var url: String
  /// The exact JSON body sent, or nil for a GET.
  public var body: String?
  public var permission: BrazePermission
  public var attempts: [BrazeAttempt]
  public var latencyMs: Double
  public var outcome: BrazeOutcome

  public init(_ exchange: BrazeExchange) {
    purpose = exchange.request.purpose
    method = exchange.request.method
    url = exchange.request.url
    body = exchange.request.bodyText
    permission = exchange.request.permission
    attempts = exchange.attempts
    latencyMs = exchange.latencyMs
    outcome = exchange.outcome
  }
}
