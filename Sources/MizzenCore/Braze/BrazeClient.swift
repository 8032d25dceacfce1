import Foundation

/// Sends planned calls to Braze over the system's libcurl (`HTTPTransfer`, loaded on the
/// first request): adds the key, bounds every attempt in
/// time, retries what is worth retrying, and classifies the result (SPEC §4).
///
/// Retried: 429 (after `X-RateLimit-Reset`, if that is within the cap), 5xx, timeouts and
/// dropped connections, with exponential backoff and jitter, up to `maxAttempts`. Never
/// retried: other 4xx, and servers that cannot be reached at all. Every call the planner
/// makes is idempotent (it sets a state), so a retry after a lost answer is safe.
public final class BrazeClient: Sendable {
  public let configuration: BrazeClientConfiguration
  private let session: HTTPSession

  public init(configuration: BrazeClientConfiguration = BrazeClientConfiguration()) {
    self.configuration = configuration
    session = HTTPSession(connectTimeout: configuration.connectTimeout)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// Starts loading libcurl on a thread of its own, so that it loads while the command
  /// reads its workspace and plans, and the first request finds it ready (or waits for the
  /// rest of the load). For commands that are about to send. The caller waits for the load
  /// before it returns, so that the process never exits in the middle of libcurl's start.
  public static func prepareToSend() -> TransportPreparation {
    let preparation = TransportPreparation()
    CurlLibrary.loading.enter()
    PlainThread.start {
      _ = CurlLibrary.shared
      CurlLibrary.loading.leave()
      preparation.finished()
    }
    return preparation
  }

  /// Sends `request` with `key` and returns every attempt and the outcome. Cancelling the
  /// calling Task stops the attempt in flight and any wait, and ends as `cancelled`.
  public func perform(_ request: PlannedRequest, key: String) async -> BrazeExchange {
    let clock = ContinuousClock()
    let started = clock.now
    if let problem = APIKeyResolver.valueProblem(key) {
      let outcome = BrazeOutcome(
        kind: .invalidRequest, message: "Nothing was sent: the API key \(problem).")
      return finish(request, [], outcome, nil, since: started)
    }
    guard let urlRequest = makeURLRequest(request, key: key) else {
      let outcome = BrazeOutcome(
        kind: .networkError,
        message: "'\(request.url)' is not a URL that can be sent to; check the endpoint.")
      return finish(request, [], outcome, nil, since: started)
    }
    var attempts: [BrazeAttempt] = []
    var lastBody: [UInt8]?
    let maxAttempts = max(1, configuration.maxAttempts)
    var number = 0
    while true {
      number += 1
      let attemptStart = clock.now
      let result = await HTTPTransfer.run(
        urlRequest, session: session, deadline: configuration.attemptTimeout,
        bodyLimit: configuration.responseBodyLimit)
      var attempt = BrazeAttempt(number: number, latencyMs: Self.ms(clock.now - attemptStart))
      let classifier = OutcomeClassifier(request: request, attempts: number, configuration)
      let verdict: OutcomeClassifier.Verdict
      switch result {
      case .response(let response):
        let body = scrub(response.body, key: key)
        lastBody = body
        attempt.status = response.status
        attempt.body = excerpt(body, fullLength: response.fullLength)
        attempt.rateLimit = RateLimitHeaders(headers: response.headers)
        attempt.requestId = ResponseHeaders.requestId(response.headers)
        verdict = classifier.classify(
          status: response.status, body: response.fullLength == nil ? body : [],
          headers: response.headers, rateLimit: attempt.rateLimit)
      case .failure(let failure):
        if case .connectionLost(let text) = failure { attempt.error = text }
        if case .badAnswer(let text, _) = failure { attempt.error = text }
        if case .unreachable(let text) = failure { attempt.error = text }
        if failure == .timeout {
          attempt.error = "no complete answer within \(Self.seconds(configuration.attemptTimeout))"
        }
        if failure == .cancelled { attempt.error = "cancelled" }
        verdict = classifier.classify(failure)
      }
      switch verdict {
      case .final(let outcome):
        attempts.append(attempt)
        return finish(request, attempts, outcome, lastBody, since: started)
      case .retry(let wait, let outcomeIfLast):
        guard number < maxAttempts else {
          attempts.append(attempt)
          return finish(request, attempts, outcomeIfLast, lastBody, since: started)
        }
        attempt.waitMs = Self.ms(wait)
        attempts.append(attempt)
        do {
          try await configuration.sleep(wait)
        } catch {
          return finish(
            request, attempts, classifier.cancelledOutcome(), lastBody, since: started)
        }
      }
    }
  }

  private func finish(
    _ request: PlannedRequest, _ attempts: [BrazeAttempt], _ outcome: BrazeOutcome,
    _ body: [UInt8]?, since started: ContinuousClock.Instant
  ) -> BrazeExchange {
    BrazeExchange(
      request: request, attempts: attempts, outcome: outcome,
      latencyMs: Self.ms(ContinuousClock().now - started), responseBody: body)
  }

  private func makeURLRequest(_ request: PlannedRequest, key: String) -> HTTPTransfer.Request? {
    guard URL(string: request.url) != nil else { return nil }
    return HTTPTransfer.Request(
      method: request.method, url: request.url,
      headers: [("Authorization", "Bearer " + key)] + request.headers.map { ($0.name, $0.value) },
      body: request.body)
  }

  /// A body with every occurrence of the key replaced by its mask: an answer that echoes
  /// the request must not carry the key into the journal or onto a screen.
  private func scrub(_ body: [UInt8], key: String) -> [UInt8] {
    let needle = Array(key.utf8)
    guard needle.count >= 4, Self.contains(body, needle) else { return body }
    let text = String(decoding: body, as: UTF8.self)
    return Array(text.replacingOccurrences(of: key, with: APIKeySource.mask(key)).utf8)
  }

  /// Whether `needle` occurs in `bytes`: every answer is searched for the key, and a
  /// byte search costs a fraction of Foundation's `String.contains` on Linux.
  static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = 0
    let last = bytes.count - needle.count
    while index <= last {
      if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
        return true
      }
      index += 1
    }
    return false
  }

  /// The body as recorded in an attempt: whole when short, else its first
  /// `recordedBodyLimit` bytes and a marker with the full length (`fullLength` when the
  /// client stopped reading at `responseBodyLimit`; zero when that length is unknown).
  private func excerpt(_ body: [UInt8], fullLength: Int?) -> String {
    let limit = max(0, configuration.recordedBodyLimit)
    guard body.count > limit || fullLength != nil else {
      return String(decoding: body, as: UTF8.self)
    }
    var cut = min(limit, body.count)
    // Back up to the start of a UTF-8 sequence so that no character is split.
    while cut > 0 && cut < body.count && (body[cut] & 0xC0) == 0x80 { cut -= 1 }
    let total = fullLength ?? body.count
    let size = total > 0 ? "\(total) bytes" : "more than \(body.count) bytes"
    return String(decoding: body[..<cut], as: UTF8.self) + "…[truncated, \(size)]"
  }

  /// A duration in milliseconds, to a tenth, as shown and journaled.
  static func ms(_ duration: Duration) -> Double {
    let parts = duration.components
    let value = Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    return (value * 10).rounded() / 10
  }

  static func seconds(_ duration: Duration) -> String {
    let value = ms(duration) / 1000
    return value == value.rounded() ? "\(Int(value)) s" : FixedPoint.format(value, places: 1) + " s"
  }
}

/// libcurl loading in the background (`BrazeClient.prepareToSend`).
public final class TransportPreparation: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)

  fileprivate func finished() { done.signal() }

  /// Blocks until the load has ended; call it once.
  public func wait() { done.wait() }
}
