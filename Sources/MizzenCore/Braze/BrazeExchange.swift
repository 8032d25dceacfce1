/// One planned call as it went: every attempt, and how it ended.
public struct BrazeExchange: Equatable, Sendable {
  public var request: PlannedRequest
  public var attempts: [BrazeAttempt]
  public var outcome: BrazeOutcome
  /// Wall time from the first attempt to the end, waits between attempts included.
  public var latencyMs: Double
  /// The last answer's body in full (with the key removed), for reading a verify result;
  /// attempts keep only a cut copy.
  public var responseBody: [UInt8]?

  public init(
    request: PlannedRequest, attempts: [BrazeAttempt], outcome: BrazeOutcome,
    latencyMs: Double, responseBody: [UInt8]? = nil
  ) {
    self.request = request
    self.attempts = attempts
    self.outcome = outcome
    self.latencyMs = latencyMs
    self.responseBody = responseBody
  }
}
