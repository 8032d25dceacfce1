import Foundation

/// Decides, after each attempt, whether a call is over and how to explain it, or whether
/// to try again and after how long.
struct OutcomeClassifier {
  enum Verdict {
    case final(BrazeOutcome)
    /// Try again after `wait`; if no attempt is left, end with `outcomeIfLast`.
    case retry(wait: Duration, outcomeIfLast: BrazeOutcome)
  }

  let request: PlannedRequest
  /// Attempts made so far, this one included.
  let attempts: Int
  let configuration: BrazeClientConfiguration

  init(request: PlannedRequest, attempts: Int, _ configuration: BrazeClientConfiguration) {
    self.request = request
    self.attempts = attempts
    self.configuration = configuration
  }

  /// The endpoint's host, for messages. The request URL of a read holds the person's
  /// identifier in its query, which no message may carry, so only the part before the
  /// query is read.
  private var host: String {
    let beforeQuery = String(request.url.prefix { $0 != "?" && $0 != "#" })
    return EndpointURL(beforeQuery)?.host ?? "the connection's endpoint"
  }

  /// The endpoint and path called, without the query.
  private var endpointAndPath: String {
    String(request.url.prefix { $0 != "?" && $0 != "#" })
  }

  private var afterAttempts: String {
    attempts == 1 ? "after 1 attempt" : "after \(attempts) attempts"
  }

  func classify(
    status: Int, body: [UInt8], headers: [String: String] = [:], rateLimit: RateLimitHeaders?
  ) -> Verdict {
    let parsed = BrazeResponseBody(body)
    func outcome(_ kind: BrazeOutcome.Kind, _ message: String) -> BrazeOutcome {
      BrazeOutcome(
        kind: kind, status: status, message: message, brazeMessage: parsed.message,
        brazeErrors: parsed.errors)
    }
    switch status {
    case 200..<300:
      var message = "Braze accepted the call (HTTP \(status))."
      if !parsed.errors.isEmpty {
        message += " It reported problems with part of it: " + parsed.errors.joined(separator: "; ")
      }
      return .final(outcome(.success, message))
    case 401:
      return .final(
        outcome(
          .unauthorized,
          "Braze did not accept the API key (HTTP 401): the key is invalid or revoked, or the "
            + "endpoint \(host) belongs to another Braze instance than the key. Check the key "
            + "and the connection's endpoint."))
    case 403:
      let permission = request.permission.rawValue
      return .final(
        outcome(
          .forbidden,
          "The API key lacks the permission \(permission) (HTTP 403), or the account cannot "
            + "use this endpoint. Braze fixes permissions when a key is created: create a key "
            + "with \(permission) (Settings > APIs and Identifiers)."))
    case 404:
      return .final(
        outcome(
          .notFound,
          "There is no Braze endpoint at \(endpointAndPath) (HTTP 404). Check the connection's "
            + "endpoint: it must be your instance's REST endpoint, e.g. "
            + "https://rest.iad-01.braze.com, with no path."))
    case 300..<400:
      return .final(outcome(.unexpectedResponse, redirectMessage(status, headers)))
    case 429:
      return rateLimited(
        outcome, rateLimit, retryAfter: ResponseHeaders.value("Retry-After", in: headers))
    case 400..<500:
      var message = "Braze refused the request (HTTP \(status))"
      if let brazeMessage = parsed.message { message += ": " + brazeMessage }
      if !parsed.errors.isEmpty { message += " (" + parsed.errors.joined(separator: "; ") + ")" }
      message += ". Fix the identity value or the channel's mapping and send again."
      return .final(outcome(.invalidRequest, message))
    case 500..<600:
      let last = outcome(
        .serverError,
        "Braze answered with a server error (HTTP \(status)) \(afterAttempts). Braze does not "
          + "replay failed calls: send again later, and check status.braze.com if it persists.")
      return .retry(wait: configuration.backoff(after: attempts), outcomeIfLast: last)
    default:
      return .final(
        outcome(
          .unexpectedResponse,
          "The server answered with an unexpected HTTP \(status). Check that the connection's "
            + "endpoint is a Braze REST endpoint."))
    }
  }

  func classify(_ failure: HTTPTransfer.Failure) -> Verdict {
    switch failure {
    case .cancelled:
      return .final(cancelledOutcome())
    case .timeout:
      let last = BrazeOutcome(
        kind: .timeout,
        message: "No complete answer from \(host) within "
          + "\(BrazeClient.seconds(configuration.attemptTimeout)), \(afterAttempts). Braze may "
          + "or may not have applied the call: verify it, and check the network.")
      return .retry(wait: configuration.backoff(after: attempts), outcomeIfLast: last)
    case .connectionLost(let reason):
      let last = BrazeOutcome(
        kind: .networkError,
        message: "The connection to \(host) broke: \(reason), \(afterAttempts). Check the "
          + "network and try again.")
      return .retry(wait: configuration.backoff(after: attempts), outcomeIfLast: last)
    case .badAnswer(let reason, let retryable):
      let message =
        "The server at \(host) answered, but \(reason) (\(afterAttempts)). Check that the "
        + "connection's endpoint is a Braze REST endpoint, and try again."
      let last = BrazeOutcome(kind: .unexpectedResponse, message: message)
      guard retryable else { return .final(last) }
      return .retry(wait: configuration.backoff(after: attempts), outcomeIfLast: last)
    case .unreachable(let reason):
      return .final(
        BrazeOutcome(
          kind: .networkError,
          message: "Could not reach \(host): \(reason). Check the connection's endpoint and "
            + "the network."))
    }
  }

  /// `Retry-After` as epoch seconds: a number of seconds from now, or an HTTP date.
  static func retryAfterEpoch(_ value: String?, now: Date = Date()) -> Double? {
    guard let value else { return nil }
    if let seconds = Double(value), seconds >= 0, seconds.isFinite {
      return now.timeIntervalSince1970 + seconds
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    return formatter.date(from: value)?.timeIntervalSince1970
  }

  func cancelledOutcome() -> BrazeOutcome {
    BrazeOutcome(
      kind: .cancelled,
      message: "The call was cancelled before Braze answered; whether Braze applied it is "
        + "unknown. Verify the state before sending again.")
  }

  /// A redirect is never followed (the key would go with it): the call ends here, naming
  /// where the server wanted to send it.
  private func redirectMessage(_ status: Int, _ headers: [String: String]) -> String {
    var target = "no Location"
    if let location = ResponseHeaders.value("Location", in: headers) {
      let beforeQuery = String(location.prefix { $0 != "?" && $0 != "#" })
      if let other = EndpointURL(beforeQuery) {
        target = "host \(other.host)" + (other.port.map { " port \($0)" } ?? "")
      } else if location.hasPrefix("/") {
        target = "another path on \(host)"
      } else {
        target = "a Location that is not an http(s) URL"
      }
    }
    return "The server at \(host) answered with a redirect (HTTP \(status)) to \(target). "
      + "Braze's REST API does not redirect, so Mizzen did not follow it and sent nothing "
      + "further: check the connection's endpoint."
  }

  /// Waits for the window to turn when it turns soon enough; otherwise the call ends now
  /// rather than spending its attempts on certain refusals. `X-RateLimit-Reset` says when;
  /// without it, a `Retry-After` (seconds, or an HTTP date) does.
  private func rateLimited(
    _ outcome: (BrazeOutcome.Kind, String) -> BrazeOutcome, _ rateLimit: RateLimitHeaders?,
    retryAfter: String?
  ) -> Verdict {
    guard
      let reset = rateLimit?.resetEpochSeconds
        ?? Self.retryAfterEpoch(retryAfter, now: configuration.now())
    else {
      let last = outcome(
        .rateLimited,
        "Braze's rate limit is used up (HTTP 429) \(afterAttempts), and the answer did not say "
          + "when it resets. Wait a minute and send again.")
      return .retry(wait: configuration.backoff(after: attempts), outcomeIfLast: last)
    }
    let resetText = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: reset))
    let seconds = max(0, reset - configuration.now().timeIntervalSince1970)
    let wait = Duration.milliseconds(Int64(seconds * 1000)) + configuration.rateLimitMargin
    guard wait <= configuration.rateLimitWaitCap else {
      return .final(
        outcome(
          .rateLimited,
          "Braze's rate limit for this key is used up (HTTP 429); the window resets at "
            + "\(resetText), more than \(BrazeClient.seconds(configuration.rateLimitWaitCap)) "
            + "away, so Mizzen did not wait. Send again after that time."))
    }
    let last = outcome(
      .rateLimited,
      "Braze's rate limit for this key was still used up (HTTP 429) \(afterAttempts); the "
        + "window resets at \(resetText). Send again after that time.")
    return .retry(wait: wait, outcomeIfLast: last)
  }
}
