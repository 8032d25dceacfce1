import Testing

@testable import MizzenCore

@Suite struct JSONWriterTests {
  private func text(_ value: JSONValue) -> String {
    String(decoding: JSONWriter.write(value), as: UTF8.self)
  }

  @Test func layoutIsPrettySortedAndEndsWithANewline() {
    let value = JSONValue.object([
      JSONMember("b", .array([.integer(2), .integer(1), .object([])])),
      JSONMember("a", .object([JSONMember("z", .null), JSONMember("y", .bool(false))])),
      JSONMember("c", .array([])),
      JSONMember("B", .double(1.5)),
    ])
    #expect(
      text(value) == """
        {
          "B": 1.5,
          "a": {
            "y": false,
            "z": null
          },
          "b": [
            2,
            1,
            {}
          ],
          "c": []
        }

        """)
  }

  @Test func keysAreOrderedByUTF8Bytes() {
    let keys = ["é", "z", "Z", "a_b", "aB", "a", "10", "9", "週", "🎉"]
    let value = JSONValue.object(keys.map { JSONMember($0, .integer(0)) })
    let written = text(value).split(separator: "\n").dropFirst().dropLast().map {
      String($0.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(written == ["10", "9", "Z", "a", "aB", "a_b", "z", "é", "週", "🎉"])
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("週刊 🎉 Ünï", #""週刊 🎉 Ünï""#),
    ("a/b", #""a/b""#),
    ("q\"b\\", #""q\"b\\""#),
    ("\n\r\t\u{8}\u{c}", #""\n\r\t\b\f""#),
    ("\u{0}\u{1}\u{1f}\u{7f}", #""\u0000\u0001\u001f"# + "\u{7f}\""),
    ("\u{2028}", "\"\u{2028}\""),
  ])
  func stringsEscapeOnlyWhatJSONRequires(input: String, expected: String) throws {
    #expect(text(.string(input)) == expected + "\n")
    #expect(try JSONReader.parse(JSONWriter.write(.string(input))) == .string(input))
  }

  @Test(arguments: [
    (JSONValue.integer(42), "42"), (.integer(-7), "-7"), (.integer(Int.max), "9223372036854775807"),
    (.double(2), "2"), (.double(0.25), "0.25"), (.double(-1e300), "-1e+300"),
  ])
  func numbersAreWrittenPlainly(value: JSONValue, expected: String) {
    #expect(text(value) == expected + "\n")
  }

  @Test func everyParsedDocumentIsWrittenAgainTheSame() throws {
    let source = #"{"x": [1, {"b": "週", "a": [[], {}]}], "e": "\u00e9/"}"#
    let first = JSONWriter.write(try JSONReader.parse(Array(source.utf8)))
    let second = JSONWriter.write(try JSONReader.parse(first))
    #expect(first == second)
  }
}
