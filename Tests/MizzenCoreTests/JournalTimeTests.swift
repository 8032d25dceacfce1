import Foundation
import MizzenCore
import Testing

/// Journal times are written by hand; they must read as `ISO8601DateFormatter` writes them.
@Suite("Journal time text")
struct JournalTimeTests {
  @Test(
    "the same text as ISO8601DateFormatter with fractional seconds",
    arguments: [
      0, 1, 0.0009, 0.999, 59.9995, 1_700_000_000.137, 1_796_218_194.2158, 951_782_400.5,
      4_102_444_799.999, 1_234_567_890.000_4,
    ])
  func matchesFormatter(seconds: Double) {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    let date = Date(timeIntervalSince1970: seconds)
    #expect(JournalTime.string(date) == formatter.string(from: date))
  }
}
