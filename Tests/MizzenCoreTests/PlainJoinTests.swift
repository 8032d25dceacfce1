import MizzenCore
import Testing

/// `PlainJoin.joined` gives what the library's `joined(separator:)` gives.
@Suite struct PlainJoinTests {
  @Test(arguments: [[], [""], ["", ""], ["a"], ["email", "sms"], ["é", "", "👩‍💻", "नमस्ते"]])
  func agreesWithTheLibrary(_ parts: [String]) {
    for separator in ["", "+", ", ", "\n"] {
      #expect(PlainJoin.joined(parts, separator: separator) == parts.joined(separator: separator))
    }
  }
}
