import Testing

@testable import MizzenCore

/// Shortcuts the rules take for speed answer as the plain checks did.
@Suite struct RuleShortcutTests {
  /// `hasVisibleText` skips the property tables above U+3000: no scalar there is white space.
  @Test func noScalarAboveTheIdeographicSpaceIsWhiteSpace() {
    var white: [UInt32] = []
    for value in UInt32(0x3001)...0x10FFFF {
      if let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace { white.append(value) }
    }
    #expect(white.isEmpty)
    #expect(!NameAndCodeRules.hasVisibleText("\u{3000}\u{2003} "))
    #expect(NameAndCodeRules.hasVisibleText("\u{3000}ニュース"))
    #expect(NameAndCodeRules.hasVisibleText("\u{A0}👩‍💻"))
  }

  /// The legal basis is matched by bytes: exactly the Ketch codes, nothing near them.
  @Test func legalBasesAreTheCodesExactly() {
    for code in LegalBasis.codes {
      #expect(TopicRules.isLegalBasis(code))
      #expect(!TopicRules.isLegalBasis(code + " "))
      #expect(!TopicRules.isLegalBasis(String(code.dropLast())))
      #expect(!TopicRules.isLegalBasis(code.uppercased()))
    }
    #expect(!TopicRules.isLegalBasis("consent"))
    #expect(!TopicRules.isLegalBasis("\u{212A}"))
  }
}
