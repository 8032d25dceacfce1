import Foundation
import Testing

@testable import MizzenCore

@Suite struct JSONReaderTests {
  private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONReader.parse(Array(text.utf8))
  }

  @Test func parsesEveryKindOfValue() throws {
    let value = try parse(
      #" { "a" : [1, -2, 3.5, 1e3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83c\udf89"], "b": {} } "#
    )
    #expect(
      value
        == .object([
          JSONMember(
            "a",
            .array([
              .integer(1), .integer(-2), .double(3.5), .double(1000), .bool(true), .bool(false),
              .null, .string("x\"\\/\u{8}\u{c}\n\r\té🎉"),
            ])),
          JSONMember("b", .object([])),
        ]))
  }

  @Test func keepsNonASCIITextAndSkipsAByteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"["週刊 🎉 Ünï"]"#.utf8)
    #expect(try JSONReader.parse(bytes) == .array([.string("週刊 🎉 Ünï")]))
  }

  @Test(arguments: [
    (
      "{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after an object member, found '\"'"
    ),
    ("[1, 2 3]", 1, 7, "expected ',' or ']' after an array element, found '3'"),
    ("{\"a\" 1}", 1, 6, "expected ':' after an object key, found '1'"),
    (
      "{\"a\": 1,}", 1, 9,
      "expected a key in double quotes, found '}' (a trailing comma is not allowed)"
    ),
    ("[1,]", 1, 4, "expected a value, found ']' (a trailing comma is not allowed)"),
    ("{a: 1}", 1, 2, "expected a key in double quotes, found 'a'"),
    ("{\"a\": tru}", 1, 7, "expected a value, found 'tru'"),
    (
      "{\"a\": undefined}", 1, 7,
      "expected a value after \"a\": (a string, number, object, array, true, false or null), found 'undefined'"
    ),
    (
      "{\"週\": x}", 1, 7,
      "expected a value after \"週\": (a string, number, object, array, true, false or null), found 'x'"
    ),
    ("[01]", 1, 2, "a number may not start with 0 (leading zeros are not allowed)"),
    ("[1.]", 1, 2, "expected a digit after the decimal point"),
    ("[-]", 1, 2, "expected a digit after '-'"),
    ("[1e]", 1, 2, "expected a digit in the exponent"),
    ("[1e999]", 1, 2, "the number 1e999 is too large"),
    (
      "[\"a\\q\"]", 1, 4,
      "'\\q' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"
    ),
    ("[\"\\u12G4\"]", 1, 3, "a \\u escape needs four hexadecimal digits"),
    ("[\"\\ud83c\"]", 1, 3, "a \\u escape of a high surrogate lacks its low half"),
    ("[\"\\udf89\"]", 1, 3, "a \\u escape holds a lone low surrogate"),
    (
      "[\"a\tb\"]", 1, 4,
      "a control character (U+0009) must be escaped inside a string, e.g. as \\t"
    ),
    (
      "{\"a\": \"one\n\"}", 1, 11,
      "a string runs past the end of its line (a closing '\"' is missing?)"
    ),
    ("{\"a\": 1, \"a\": 2}", 1, 10, "the key \"a\" appears twice in the same object"),
    ("{} {}", 1, 4, "unexpected '{' after the end of the JSON document"),
    ("", 1, 1, "the file is empty (expected a JSON object)"),
    ("  \n\t ", 2, 3, "the file holds no JSON value, only whitespace (expected a JSON object)"),
    ("\u{FEFF}", 1, 2, "the file is empty (expected a JSON object)"),
    ("\u{FEFF} ", 1, 3, "the file holds no JSON value, only whitespace (expected a JSON object)"),
    (
      "[" + String(repeating: "9", count: 400) + "e999]", 1, 2,
      "the number " + String(repeating: "9", count: 40) + "… is too large"
    ),
    (
      "{\"" + String(repeating: "k", count: 90) + "\": 1, \"" + String(repeating: "k", count: 90)
        + "\": 2}", 1, 99,
      "the key \"" + String(repeating: "k", count: 40) + "…\" appears twice in the same object"
    ),
    (
      "{\"" + String(repeating: "é", count: 50) + "\": }", 1, 56,
      "expected a value after \"" + String(repeating: "é", count: 40)
        + "…\": (a string, number, object, array, true, false or null), found '}'"
    ),
  ])
  func syntaxErrorsGiveLineColumnAndWhatWasExpected(
    text: String, line: Int, column: Int, message: String
  ) {
    #expect(throws: JSONSyntaxError(kind: .syntax, line: line, column: column, message: message)) {
      try parse(text)
    }
  }

  @Test(arguments: [
    (
      "{\n  \"a\": [1, 2", 2, 13,
      "the file ends too early: expected ',' or ']' after an array element (in an array opened at line 2, column 8)"
    ),
    (
      "{\"a\": 1", 1, 8,
      "the file ends too early: expected ',' or '}' after an object member (in an object opened at line 1, column 1)"
    ),
    ("{\"a\":", 1, 6, "the file ends too early: expected a value after \"a\":"),
    (
      "{\"a\"", 1, 5,
      "the file ends too early: expected ':' after an object key (in an object opened at line 1, column 1)"
    ),
    (
      "{", 1, 2,
      "the file ends too early: expected a key in double quotes (in an object opened at line 1, column 1)"
    ),
    ("{\"na", 1, 5, "the file ends inside the string that starts at line 1, column 2"),
    ("[\"a\\", 1, 5, "the file ends too early: expected an escape after '\\'"),
  ])
  func truncatedInputSaysTheFileEndsEarly(text: String, line: Int, column: Int, message: String) {
    #expect(throws: JSONSyntaxError(kind: .syntax, line: line, column: column, message: message)) {
      try parse(text)
    }
  }

  @Test(
    arguments: [
      ([0x5B, 0x22, 0xE9, 0x22, 0x5D], 1, 3, "E9"),
      ([0x5B, 0x0A, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D], 2, 3, "C3"),
      ([0x22, 0xC0, 0xAF, 0x22], 1, 2, "C0"),
      ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "ED"),
      ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2, "F4"),
      ([0x22, 0xF0, 0x9F, 0x8E], 1, 2, "F0"),
      ([0xFF, 0xFE, 0x7B, 0x00], 1, 1, "FF"),
    ] as [([UInt8], Int, Int, String)])
  func invalidUTF8IsReportedWithItsPosition(bytes: [UInt8], line: Int, column: Int, hex: String) {
    let error = #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(bytes) }
    #expect(error?.kind == .invalidUTF8)
    #expect(error?.line == line)
    #expect(error?.column == column)
    #expect(error?.message == "byte 0x\(hex) is not valid UTF-8 (the file must be saved as UTF-8)")
  }

  @Test func columnsCountCharactersNotBytes() {
    let error = #expect(throws: JSONSyntaxError.self) { try parse("{\"週刊🎉\": 1 2}") }
    #expect(error?.line == 1)
    #expect(error?.column == 11)
  }

  @Test func nestingIsBounded() throws {
    let limit = JSONReader.maxDepth
    let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
    _ = try parse(deepest)
    let tooDeep =
      String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
    #expect(
      throws: JSONSyntaxError(
        kind: .syntax, line: 1, column: limit + 1,
        message: "nesting is deeper than \(limit) levels")
    ) { try parse(tooDeep) }
    let hostile = String(repeating: "{\"a\":", count: 100_000)
    let error = #expect(throws: JSONSyntaxError.self) { try parse(hostile) }
    #expect(error?.message == "nesting is deeper than \(limit) levels")
  }

  @Test func tenMegabyteStringsParseInLinearTime() throws {
    let plain = String(repeating: "abcdé週🎉 ", count: 800_000)
    let escaped = String(repeating: "ab\\n\\u00e9\\\"", count: 900_000)
    var cpuNanoseconds = 0
    for (body, expectedCount) in [(plain, plain.unicodeScalars.count), (escaped, 900_000 * 5)] {
      let bytes = Array("{\"s\": \"\(body)\"}".utf8)
      #expect(bytes.count > 10_000_000)
      var value: JSONValue = .null
      let before = Self.threadCPUNanoseconds()
      value = try JSONReader.parse(bytes)
      cpuNanoseconds += Self.threadCPUNanoseconds() - before
      guard case .string(let text)? = value["s"] else {
        Issue.record("no string parsed")
        continue
      }
      #expect(text.unicodeScalars.count == expectedCount)
    }
    // A quadratic parser takes minutes here; a linear one well under a second even in debug.
    // The CPU time of this thread is measured, not the wall clock, so that a machine busy
    // with other work does not make the test fail.
    #expect(cpuNanoseconds < 10_000_000_000)
  }

  /// The CPU time the calling thread has used.
  private static func threadCPUNanoseconds() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
  }

  @Test func manyKeysInOneObjectStayLinear() throws {
    let members = (0..<50_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let value = try parse("{\(members)}")
    guard case .object(let parsed) = value else {
      Issue.record("not an object")
      return
    }
    #expect(parsed.count == 50_000)
    let duplicate = "{\(members), \"k49999\": 0}"
    let error = #expect(throws: JSONSyntaxError.self) { try parse(duplicate) }
    #expect(error?.message == "the key \"k49999\" appears twice in the same object")
  }

  @Test func largeIntegersFallBackToDoubles() throws {
    #expect(try parse("[9223372036854775807]") == .array([.integer(Int.max)]))
    #expect(try parse("[9223372036854775808]") == .array([.double(9_223_372_036_854_775_808)]))
  }
}
