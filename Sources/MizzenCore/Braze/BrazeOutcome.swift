/// How a call to Braze ended, with a sentence that tells the admin what it means and what
/// to check.
public struct BrazeOutcome: Equatable, Sendable, Codable {
  /// Every way a call can end. The raw values are stable: scripts read them.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    case success
    case invalidRequest
    case unauthorized
    case forbidden
    case notFound
    case rateLimited
    case serverError
    case networkError
    case timeout
    case cancelled
    case unexpectedResponse

    /// The kind in words, for people: `network error` for `networkError` (the raw value
    /// split at its capitals; `OutcomeWordsTests` holds the two together). Spelt out: made
    /// from the raw value, character by character, it was most of the cost of opening
    /// History on a long journal.
    public var words: String {
      switch self {
      case .success: return "success"
      case .invalidRequest: return "invalid request"
      case .unauthorized: return "unauthorized"
      case .forbidden: return "forbidden"
      case .notFound: return "not found"
      case .rateLimited: return "rate limited"
      case .serverError: return "server error"
      case .networkError: return "network error"
      case .timeout: return "timeout"
      case .cancelled: return "cancelled"
      case .unexpectedResponse: return "unexpected response"
      }
    }
  }

  public var kind: Kind
  /// The HTTP status of the last answer, when there was one.
  public var status: Int?
  /// The explanation for the admin.
  public var message: String
  /// Braze's own `message`, when the answer had one.
  public var brazeMessage: String?
  /// Braze's `errors`, as text.
  public var brazeErrors: [String]

  public init(
    kind: Kind, status: Int? = nil, message: String, brazeMessage: String? = nil,
    brazeErrors: [String] = []
  ) {
    self.kind = kind
    self.status = status
    self.message = message
    self.brazeMessage = brazeMessage
    self.brazeErrors = brazeErrors
  }

  public var isSuccess: Bool { kind == .success }

  /// True when the call failed for want of a network answer rather than a Braze refusal.
  public var isNetworkFailure: Bool { kind == .networkError || kind == .timeout }
}
