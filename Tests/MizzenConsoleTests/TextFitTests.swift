import MizzenConsole
import Testing

@Suite struct TextFitTests {
  @Test(arguments: [
    ("Braze US", 10, "Braze US"),
    ("Braze US", 8, "Braze US"),
    ("Braze US", 7, "Braze …"),
    ("東京の接続", 10, "東京の接続"),
    ("東京の接続", 9, "東京の接…"),
    ("東京の接続", 8, "東京の …"),
    ("東京の接続", 2, " …"),
    ("東京の接続", 1, "…"),
    ("ab🗼cd", 4, "ab …"),
    ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
    ("a\u{1B}[31mb", 10, "a[31mb"),
  ])
  func truncatesWithoutSplittingWideCharacters(text: String, width: Int, expected: String) {
    let fitted = TextFit.truncate(text, to: width)
    #expect(fitted == expected)
    #expect(DisplayWidth.of(fitted) <= width)
  }

  @Test func drawingFillsContinuationCellsAndJoinsZeroWidthScalars() {
    var frame = Frame(width: 8, height: 1)
    let drawn = frame.draw("東e\u{301}👨‍👩", row: 0, column: 0, width: 8, role: .normal)
    #expect(drawn == 7)
    #expect(frame[0, 0].text == "東")
    #expect(frame[0, 1].isContinuation)
    #expect(frame[0, 2].text == "e\u{301}")
    #expect(frame[0, 3].text == "👨\u{200D}")
    #expect(frame[0, 4].isContinuation)
    #expect(frame[0, 5].text == "👩")
    #expect(frame.text(ofRow: 0) == "東e\u{301}👨‍👩 ")
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    var frame = Frame(width: 6, height: 1)
    frame.draw("東京", row: 0, column: 0, width: 6, role: .normal)
    frame.draw("│", row: 0, column: 1, width: 1, role: .dialog)
    #expect(frame.text(ofRow: 0) == " │京  ")
    frame.draw("x", row: 0, column: 2, width: 1, role: .dialog)
    #expect(frame.text(ofRow: 0) == " │x   ")
  }

  @Test func wrapsAtSpacesAndBreaksLongWords() {
    #expect(TextFit.wrap("the quick brown fox", to: 10) == ["the quick", "brown fox"])
    #expect(TextFit.wrap("東京東京東京", to: 4) == ["東京", "東京", "東京"])
    #expect(TextFit.wrap("invalid group\nsee docs", to: 20) == ["invalid group", "see docs"])
    #expect(TextFit.wrap("a\r\n\nb c", to: 3) == ["a", "", "b c"])
  }
}
