import Foundation

/// How patient and how persistent a `BrazeClient` is. The defaults suit a person waiting
/// at a terminal; tests shrink the waits so that retries take milliseconds.
public struct BrazeClientConfiguration: Sendable {
  /// How long connecting (name lookup, TCP and TLS) may last; a connection that opened may
  /// then wait for its answer up to `attemptTimeout`.
  public var connectTimeout: Duration = .seconds(10)
  /// How long one attempt may take in all, from sending to the last byte of the answer.
  public var attemptTimeout: Duration = .seconds(30)
  /// Attempts per call, the first included.
  public var maxAttempts: Int = 4
  /// The first backoff after a 5xx, timeout or dropped connection; doubled each time.
  public var backoffBase: Duration = .milliseconds(500)
  /// The longest backoff.
  public var backoffCap: Duration = .seconds(8)
  /// The longest wait for `X-RateLimit-Reset` after a 429; a later reset ends the call as
  /// rate limited instead of waiting.
  public var rateLimitWaitCap: Duration = .seconds(30)
  /// Added to the wait for `X-RateLimit-Reset`, so that a clock slightly behind Braze's
  /// does not arrive before the window has turned.
  public var rateLimitMargin: Duration = .milliseconds(100)
  /// Response bodies longer than this many bytes are cut in attempt records (the journal),
  /// with a marker that gives the full length.
  public var recordedBodyLimit: Int = 4096
  /// The most of a response body the client keeps (1 MiB): past it, or when the answer
  /// announces a longer body, the transfer stops, what still arrives is dropped, and the
  /// answer is judged by its status alone. Braze's
  /// answers to the calls Mizzen makes are a few hundred bytes.
  public var responseBodyLimit: Int = 1 << 20
  /// Waits between attempts (a backoff, or until a rate-limit window resets) and throws when
  /// the task is cancelled; tests inject one that records the wait instead of taking it.
  public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
  /// The wall clock that `X-RateLimit-Reset` and `Retry-After` are measured against; tests
  /// inject a fixed one so that the wait is exact.
  public var now: @Sendable () -> Date = { Date() }

  public init() {}

  /// The wait before attempt `attempt + 1` after a retryable failure of attempt `attempt`:
  /// exponential, capped, with the upper half randomised so that clients spread out.
  public func backoff(after attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
    let exponent = min(max(attempt - 1, 0), 30)
    let full = min(backoffBase * (1 << exponent), backoffCap)
    return full / 2 + full / 2 * random
  }
}
