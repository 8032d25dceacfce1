/// Whether reading a state back found what a send set.
public struct VerificationResult: Equatable, Sendable, Codable {
  /// What the send should have produced, e.g. `Subscribed` or `opted_in`.
  public var expected: String
  /// What Braze reported, when it reported anything.
  public var observed: String?
  public var matches: Bool
  /// A sentence for the admin.
  public var message: String

  public init(expected: String, observed: String?, matches: Bool, message: String) {
    self.expected = expected
    self.observed = observed
    self.matches = matches
    self.message = message
  }

  /// Judges a verify call's exchange against its expectation.
  public static func evaluate(_ exchange: BrazeExchange) -> VerificationResult? {
    guard let expectation = exchange.request.expectation else { return nil }
    let expected = expectation.expected
    guard exchange.outcome.isSuccess else {
      return VerificationResult(
        expected: expected, observed: nil, matches: false,
        message: "The state could not be read back: " + exchange.outcome.message)
    }
    let object = BrazeResponseBody(exchange.responseBody ?? []).object ?? [:]
    switch expectation {
    case .groupStatus(let identifier, _):
      let status = object["status"] as? [String: Any] ?? [:]
      let observed =
        (status[identifier] as? String)
        ?? (status.count == 1 ? status.values.first as? String : nil)
      return judge(
        expected: expected, observed: observed.map(documentedStatus), subject: identifier)
    case .pushSubscribe:
      let users = object["users"] as? [[String: Any]] ?? []
      guard !users.isEmpty else {
        return VerificationResult(
          expected: expected, observed: nil, matches: false,
          message: "Braze exported no user for this identifier, so push_subscribe could not be "
            + "read back.")
      }
      let values = users.map { $0["push_subscribe"] as? String ?? "(none)" }
      let distinct = Array(Set(values)).sorted()
      let observed = distinct.joined(separator: ", ")
      return judge(
        expected: expected, observed: distinct.count == 1 ? distinct[0] : observed,
        subject: users.count == 1 ? "the user" : "\(users.count) users")
    }
  }

  /// A status as documented (`Subscribed`, `Unsubscribed`, `Unknown`), whatever case it
  /// came in: a recorded live answer said `unknown`.
  public static func documentedStatus(_ value: String) -> String {
    for documented in ["Subscribed", "Unsubscribed", "Unknown"]
    where value.lowercased() == documented.lowercased() {
      return documented
    }
    return value
  }

  private static func judge(expected: String, observed: String?, subject: String)
    -> VerificationResult
  {
    guard let observed else {
      return VerificationResult(
        expected: expected, observed: nil, matches: false,
        message: "Braze's answer holds no state for \(subject).")
    }
    if observed == expected {
      return VerificationResult(
        expected: expected, observed: observed, matches: true,
        message: "Braze reports \(observed) for \(subject), as sent.")
    }
    return VerificationResult(
      expected: expected, observed: observed, matches: false,
      message: "Braze reports \(observed) for \(subject), but \(expected) was sent. Braze can "
        + "take a moment to apply a change: verify again; if it persists, another system may "
        + "have changed the state.")
  }
}
