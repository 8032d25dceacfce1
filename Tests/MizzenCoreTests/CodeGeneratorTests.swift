import Testing

@testable import MizzenCore

@Suite struct CodeGeneratorTests {
  @Test(arguments: [
    ("Weekly newsletter", "weekly_newsletter"),
    ("Café Crème — Été", "cafe_creme_ete"),
    ("  Hello,   World!  ", "hello_world"),
    ("2024 promotions", "topic_2024_promotions"),
    ("週刊ニュース", "topic"),
    ("🎉🎉", "topic"),
    ("Ünïcödé ß", "unicode_ss"),
  ])
  func slugFromName(name: String, expected: String) {
    #expect(CodeGenerator.slug(name, fallback: "topic") == expected)
    #expect(CodeGenerator.isValid(CodeGenerator.slug(name, fallback: "topic")))
  }

  @Test func collisionsGetNumericSuffixes() {
    let taken: Set = ["news", "news_2"]
    #expect(CodeGenerator.code(for: "News", fallback: "topic", taken: taken) == "news_3")
    #expect(CodeGenerator.code(for: "Other", fallback: "topic", taken: taken) == "other")
  }

  @Test func longNamesStayWithinSixtyFourCharactersEvenWithSuffix() {
    let name = String(repeating: "abcdefghij", count: 10)
    let first = CodeGenerator.code(for: name, fallback: "topic", taken: [])
    let second = CodeGenerator.code(for: name, fallback: "topic", taken: [first])
    #expect(first.count == 64)
    #expect(second.count == 64 && second.hasSuffix("_2"))
    #expect(CodeGenerator.isValid(second))
  }

  @Test(arguments: [
    ("a", true), ("weekly_news_2", true), ("A", false), ("_a", false), ("1a", false),
    ("", false), ("a-b", false), ("é", false), (String(repeating: "a", count: 64), true),
    (String(repeating: "a", count: 65), false),
  ])
  func handEditedCodesAreChecked(code: String, valid: Bool) {
    #expect(CodeGenerator.isValid(code) == valid)
  }
}
