import Foundation
import Testing

@testable import MizzenCore

@Suite("Rate pacer: a window's budget used within the window")
struct RatePacerTests {
  /// Headers of a window that ends exactly 2 s after `now`.
  private static func window(remaining: Int) -> (RateLimitHeaders, Date) {
    let reset = (Date().timeIntervalSince1970).rounded(.up) + 2
    return (
      RateLimitHeaders(limit: "100", remaining: String(remaining), reset: String(Int(reset))),
      Date(timeIntervalSince1970: reset - 2)
    )
  }

  @Test(
    "calls already given a slot are not spread again: the last call of the budget still falls before the reset"
  )
  func bookedSlotsCount() {
    let pacer = RatePacer(perMinute: nil)
    // A first answer: 100 calls left in 2 s, nothing else in flight → one call every 20 ms.
    _ = pacer.reserve()
    let (first, firstNow) = Self.window(remaining: 100)
    pacer.observe(first, now: firstNow)
    // Eight calls take their slots (0, 20 … 140 ms from now), as eight reads in flight do.
    var delays = (0..<8).map { _ in pacer.reserve() }
    // One of them is answered at once: 99 left by Braze's count, 7 of them already booked.
    let (second, secondNow) = Self.window(remaining: 99)
    pacer.observe(second, now: secondNow)
    // The 92 calls the window still allows all get a slot before it resets.
    delays += (0..<92).map { _ in pacer.reserve() }
    let last = Double(delays.max()! / .nanoseconds(1)) / 1e9
    #expect(last <= 2.0, "the window's last call would wait \(last) s, past its reset")
    #expect(last >= 1.8, "the budget is spread over the window, not sent at once (\(last) s)")
  }

  @Test("with nothing remaining, the next call waits for the reset")
  func waitsForReset() {
    let pacer = RatePacer(perMinute: nil)
    _ = pacer.reserve()
    let (headers, now) = Self.window(remaining: 0)
    pacer.observe(headers, now: now)
    let delay = Double(pacer.reserve() / .nanoseconds(1)) / 1e9
    #expect(delay >= 2.0 && delay <= 2.2)
  }
}
