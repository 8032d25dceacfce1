import Foundation
import Testing

@testable import MizzenCore

/// Header values are trimmed by hand, exactly as `trimmingCharacters(in: .whitespaces)`
/// trims them.
@Suite struct HeaderValueTests {
  @Test func trimsWhatFoundationsWhitespacesTrims() {
    var scalars = (0...0x3100).compactMap(Unicode.Scalar.init)
    scalars += [Unicode.Scalar(0xFEFF)!, Unicode.Scalar(0x1F600)!]
    for scalar in scalars {
      let text = String(scalar)
      for value in [text, "\(text)a\(text)", "\(text)\(text)a b\(text)", "a\(text)b"] {
        #expect(
          HeaderValue.trimmed(value) == value.trimmingCharacters(in: .whitespaces),
          "U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  @Test func readsRateLimitsAndRequestIdsTrimmed() {
    let headers = [
      "X-RateLimit-Limit": " 250000\t", "x-ratelimit-remaining": "\u{A0}249999",
      "X-RateLimit-Reset": "  ", "X-Request-Id": "\tabc-123 ",
    ]
    #expect(
      RateLimitHeaders(headers: headers)
        == RateLimitHeaders(limit: "250000", remaining: "249999", reset: nil))
    #expect(ResponseHeaders.requestId(headers) == "abc-123")
  }
}
