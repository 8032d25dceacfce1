import Foundation
import MizzenTestSupport
import Testing

@testable import MizzenCore

@Suite("Journal line writer: the same bytes as JSONEncoder")
struct JournalLineWriterTests {
  /// Text that escaping gets wrong first: control characters, quotes, backslashes, `/`,
  /// the line and paragraph separators, DEL, emoji and other non-ASCII, text that looks
  /// like escapes or JSON, and the empty string.
  static let hostile: [String] = [
    "", "plain", "ana@example.com", "a\"b", "back\\slash", "a/b", "</script>",
    "https://rest.iad-01.braze.com/subscription/status/set",
    "\u{0}\u{1}\u{2}\u{7}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{E}\u{1B}\u{1F}", "\u{7F}",
    "line\u{2028}para\u{2029}end", "\u{85}\u{A0}\u{FEFF}", "😀👩‍👩‍👧🇫🇷", "é e\u{301} ß 中文 עברית",
    "\\u0000 \\n \\\"", #"{"message":"success","errors":["x"]}"#, "\u{FFFD}", "\r\n",
    "tab\there", "null", "true", "0", "-1", " leading and trailing ", "\u{10FFFF}",
    String(repeating: "long text ", count: 300),
  ]

  static let doubles: [Double] = [
    0, -0.0, 1, 12.5, 13, 0.1, 0.1 + 0.2, 1.0 / 3, 123_456.789, 1e-7, Double.leastNonzeroMagnitude,
    1e15, 1e16,
    1.5e17, 1e21, 1e300, -42.25, Double.greatestFiniteMagnitude, 2.2250738585072014e-308,
  ]

  static func text(_ random: inout SeededGenerator) -> String {
    if Bool.random(using: &random) { return hostile.randomElement(using: &random)! }
    // Random scalars from every range, surrogates excluded.
    let count = Int.random(in: 0...12, using: &random)
    var scalars = String.UnicodeScalarView()
    for _ in 0..<count {
      let ranges: [ClosedRange<UInt32>] = [
        0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF,
      ]
      let range = ranges.randomElement(using: &random)!
      scalars.append(Unicode.Scalar(UInt32.random(in: range, using: &random))!)
    }
    return String(scalars)
  }

  static func maybe<T>(_ random: inout SeededGenerator, _ make: (inout SeededGenerator) -> T) -> T?
  {
    Bool.random(using: &random) ? make(&random) : nil
  }

  static func double(_ random: inout SeededGenerator) -> Double {
    switch Int.random(in: 0..<4, using: &random) {
    case 0: doubles.randomElement(using: &random)!
    case 1: Double(Int.random(in: 0...100_000, using: &random))
    case 2: Double.random(in: 0...30_000, using: &random)
    default:
      Double(
        sign: .plus, exponent: Int.random(in: -60...80, using: &random),
        significand: Double.random(in: 1..<2, using: &random))
    }
  }

  static func outcome(_ random: inout SeededGenerator) -> BrazeOutcome {
    BrazeOutcome(
      kind: BrazeOutcome.Kind.allCases.randomElement(using: &random)!,
      status: maybe(&random) { Int.random(in: -1000...1000, using: &$0) },
      message: text(&random), brazeMessage: maybe(&random, text),
      brazeErrors: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) })
  }

  static func attempt(_ random: inout SeededGenerator) -> BrazeAttempt {
    BrazeAttempt(
      number: Int.random(in: Int.min...Int.max, using: &random),
      status: maybe(&random) { Int.random(in: 100...599, using: &$0) },
      body: maybe(&random, text),
      rateLimit: maybe(&random) {
        RateLimitHeaders(
          limit: maybe(&$0, text), remaining: maybe(&$0, text), reset: maybe(&$0, text))
      },
      latencyMs: double(&random), error: maybe(&random, text), waitMs: maybe(&random, double),
      requestId: maybe(&random, text))
  }

  static func entry(_ random: inout SeededGenerator) -> JournalEntry {
    let requests = (0..<Int.random(in: 0...3, using: &random)).map { _ in
      JournalRequest(
        purpose: RequestPurpose.allCases.randomElement(using: &random)!, method: text(&random),
        url: text(&random), body: maybe(&random, text),
        permission: BrazePermission.allCases.randomElement(using: &random)!,
        attempts: (0..<Int.random(in: 0...4, using: &random)).map { _ in attempt(&random) },
        latencyMs: double(&random), outcome: outcome(&random))
    }
    return JournalEntry(
      time: text(&random), topic: text(&random), channel: text(&random),
      connection: text(&random), identitySpace: text(&random), identityValue: text(&random),
      brazeField: text(&random), state: text(&random),
      subscriptionGroupId: maybe(&random, text), requests: requests, latencyMs: double(&random),
      attempts: Int.random(in: -5...5, using: &random), outcome: outcome(&random),
      verification: maybe(&random) {
        VerificationResult(
          expected: text(&$0), observed: maybe(&$0, text), matches: Bool.random(using: &$0),
          message: text(&$0))
      }, requestId: maybe(&random, text))
  }

  @Test("random entries with hostile text and numbers encode to JSONEncoder's exact bytes")
  func matchesJSONEncoder() throws {
    var random = SeededGenerator(seed: 0x5EED)
    for index in 0..<3000 {
      let entry = Self.entry(&random)
      let expected = try SignalJournal.encodeWithFoundation(entry)
      let written = try #require(JournalLineWriter.line(entry))
      #expect(
        written == expected,
        "entry \(index): \(String(decoding: written, as: UTF8.self)) != \(String(decoding: expected, as: UTF8.self))"
      )
      if written != expected { return }
      #expect(try SignalJournal.encode(entry) == expected)
    }
  }

  @Test("every hostile string and number, in every field that takes one")
  func hostileFields() throws {
    var entry = JournalTests.entry("t")
    for text in Self.hostile {
      entry.topic = text
      entry.identityValue = text
      entry.requestId = text
      entry.outcome.brazeErrors = [text, text]
      entry.requests[0].body = text
      entry.requests[0].attempts[0].error = text
      entry.verification = VerificationResult(
        expected: text, observed: text, matches: false, message: text)
      #expect(JournalLineWriter.line(entry) == (try SignalJournal.encodeWithFoundation(entry)))
    }
    for number in Self.doubles + Self.doubles.map(-) {
      entry.latencyMs = number
      entry.requests[0].attempts[0].waitMs = number
      #expect(JournalLineWriter.line(entry) == (try SignalJournal.encodeWithFoundation(entry)))
    }
  }

  @Test("a number JSONEncoder refuses is left to it, and the append fails as it always has")
  func nonFiniteNumbers() throws {
    for number in [Double.nan, .infinity, -.infinity] {
      var entry = JournalTests.entry("t")
      entry.requests[0].attempts[0].waitMs = number
      #expect(JournalLineWriter.line(entry) == nil)
      #expect(throws: JournalError.self) { try SignalJournal.encode(entry) }
      entry.requests[0].attempts[0].waitMs = nil
      entry.latencyMs = number
      #expect(JournalLineWriter.line(entry) == nil)
      #expect(throws: JournalError.self) { try SignalJournal.encode(entry) }
    }
  }
}
