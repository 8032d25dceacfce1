import Testing

@testable import MizzenConsole

/// The shortcuts of search-key folding answer as the Unicode tables do.
@Suite struct SearchKeyTests {
  /// No scalar of the caseless ranges changes when lower-cased, and none is folded by the
  /// accent table, so copying them as they are is what folding did.
  @Test func caselessRangesHaveNoCase() {
    var cased: [UInt32] = []
    for value in UInt32(0x80)...0x10FFFF where SearchKey.isCaseless(value) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.properties.changesWhenLowercased || SearchKey.unaccented[value] != nil {
        cased.append(value)
      }
    }
    #expect(cased.isEmpty)
    #expect(SearchKey.isCaseless(0x30CB))  // ニ
    #expect(SearchKey.isCaseless(0xD55C))  // 한
    #expect(!SearchKey.isCaseless(0xFF21))  // Ａ, which lower-cases to ａ
  }

  /// The accent table reaches no scalar above `lastUnaccented`, which it is only read below.
  @Test func accentTableEndsWhereItIsRead() {
    #expect(SearchKey.unaccented.keys.allSatisfy { $0 <= SearchKey.lastUnaccented })
  }

  /// Mixed text folds as the plain rules say: ASCII and Latin lower-cased and unaccented,
  /// combining accents dropped, caseless scripts kept, other cased letters lower-cased.
  @Test func mixedTextFolds() {
    #expect(SearchKey.folded("Café ニュース 山田 한국 ÀÉ e\u{301} ΣΑΣ Ａ") == "cafe ニュース 山田 한국 ae e σασ ａ")
  }
}
