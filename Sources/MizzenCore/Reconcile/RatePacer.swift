import Foundation

/// Spaces calls so that a rate limit is used fully but not overrun (braze-api.md §7): no
/// faster than the configured rate, and, once Braze has answered, no faster than the
/// requests it says remain spread over the time left until `X-RateLimit-Reset`. With
/// nothing remaining it waits for the reset, so that 429s stay rare.
public final class RatePacer: @unchecked Sendable {
  private let lock = NSLock()
  private let clock = ContinuousClock()
  private var next: ContinuousClock.Instant
  private let configured: Duration
  private var fromHeaders: Duration = .zero
  /// Calls reserved and not yet answered: Braze's `remaining` does not count them yet.
  private var inFlight = 0

  /// `perMinute` nil: no configured ceiling, only what the headers say.
  public init(perMinute: Int?) {
    next = clock.now
    if let perMinute, perMinute > 0 {
      configured = .nanoseconds(60_000_000_000 / Int64(perMinute))
    } else {
      configured = .zero
    }
  }

  /// Waits for this call's turn; `observe` must follow once the call is answered.
  public func wait() async {
    let delay = reserve()
    if delay > .zero { try? await Task.sleep(for: delay) }
  }

  /// Reserves the next slot and returns how long to wait for it.
  func reserve() -> Duration {
    lock.withLock {
      let now = clock.now
      let slot = max(now, next)
      next = slot + max(configured, fromHeaders)
      inFlight += 1
      return slot - now
    }
  }

  /// Learns from an answer's rate-limit headers (missing or empty ones change nothing);
  /// the calls still in flight are taken off what remains.
  public func observe(_ headers: RateLimitHeaders?, now: Date = Date()) {
    let others = lock.withLock { () -> Int in
      inFlight = max(0, inFlight - 1)
      return inFlight
    }
    guard let headers, let reported = headers.remaining.flatMap({ Int($0) }),
      let reset = headers.resetEpochSeconds
    else { return }
    let left = max(0, reset - now.timeIntervalSince1970)
    let remaining = reported - others
    lock.withLock {
      let now = clock.now
      if remaining <= 0 {
        let resume = now + .milliseconds(Int64(left * 1000) + 50)
        next = max(next, resume)
      } else {
        // The calls already given a slot (`others`) take the time up to `next`: what
        // remains is spread over the rest of the window, not over all of it, or the
        // window's last calls would fall past its reset and the budget go partly unused
        // (93% of it with eight calls in flight on a 2 s window).
        let booked = max(0, Double((next - now) / .nanoseconds(1)) / 1e9)
        let spread = max(0, left - booked)
        fromHeaders = .nanoseconds(Int64(spread * 1e9 / Double(remaining)))
      }
    }
  }
}
