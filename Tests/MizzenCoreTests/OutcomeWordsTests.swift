import MizzenCore
import Testing

/// Screens and text output name an outcome in words; JSON and the journal keep the raw
/// value that scripts read.
@Suite struct OutcomeWordsTests {
  static let words: [(BrazeOutcome.Kind, String)] = [
    (.success, "success"), (.invalidRequest, "invalid request"), (.unauthorized, "unauthorized"),
    (.forbidden, "forbidden"), (.notFound, "not found"), (.rateLimited, "rate limited"),
    (.serverError, "server error"), (.networkError, "network error"), (.timeout, "timeout"),
    (.cancelled, "cancelled"), (.unexpectedResponse, "unexpected response"),
  ]

  @Test func everyKindHasItsWords() {
    #expect(Set(Self.words.map(\.0)) == Set(BrazeOutcome.Kind.allCases))
    for (kind, words) in Self.words { #expect(kind.words == words) }
  }

  /// The words are the raw value split at its capitals, for every kind, a new one included.
  @Test func wordsAreTheRawValueSplitAtCapitals() {
    for kind in BrazeOutcome.Kind.allCases {
      var split = ""
      for character in kind.rawValue {
        split += character.isUppercase ? " " + character.lowercased() : String(character)
      }
      #expect(kind.words == split)
    }
  }
}
