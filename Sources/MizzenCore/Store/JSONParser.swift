/// The recursive-descent parser behind `JSONReader`, over already validated UTF-8.
struct JSONParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      index = 3
    }
  }

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    if index == bytes.count {
      let start =
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
      throw error(
        at: index,
        index == start
          ? "the file is empty (expected a JSON object)"
          : "the file holds no JSON value, only whitespace (expected a JSON object)")
    }
    let value = try parseValue(after: nil)
    skipWhitespace()
    if index < bytes.count {
      throw error(at: index, "unexpected \(found()) after the end of the JSON document")
    }
    return value
  }

  // MARK: Values

  /// `context` says what the value follows, for the message when it is missing.
  private mutating func parseValue(after context: String?) throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else {
      throw endOfFile(expecting: "a value" + (context.map { " after \($0)" } ?? ""))
    }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    default:
      let where_ = context.map { " after \($0)" } ?? ""
      throw error(
        at: index,
        "expected a value\(where_) (a string, number, object, array, true, false or null), "
          + "found \(found())")
    }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    try enter(at: start)
    index += 1
    var members: [JSONMember] = []
    var seen: Set<String>? = nil
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else {
        throw endOfFile(expecting: "a key in double quotes", opened: "an object", at: start)
      }
      guard bytes[index] == UInt8(ascii: "\"") else {
        let hint =
          bytes[index] == UInt8(ascii: "}") && !members.isEmpty
          ? " (a trailing comma is not allowed)" : ""
        throw error(at: index, "expected a key in double quotes, found \(found())\(hint)")
      }
      let keyStart = index
      let key = try parseString()
      if members.count >= 16 && seen == nil { seen = Set(members.map(\.key)) }
      let duplicate =
        seen.map { $0.contains(key) } ?? members.contains { $0.key == key }
      if duplicate {
        throw error(
          at: keyStart,
          "the key \"\(QuotedExcerpt.cut(key))\" appears twice in the same object")
      }
      seen?.insert(key)
      skipWhitespace()
      guard index < bytes.count else {
        throw endOfFile(expecting: "':' after an object key", opened: "an object", at: start)
      }
      guard bytes[index] == UInt8(ascii: ":") else {
        throw error(at: index, "expected ':' after an object key, found \(found())")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(after: "\"\(QuotedExcerpt.cut(key))\":")
      members.append(JSONMember(key, value))
      skipWhitespace()
      guard index < bytes.count else {
        throw endOfFile(
          expecting: "',' or '}' after an object member", opened: "an object", at: start)
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(members)
      default:
        throw error(at: index, "expected ',' or '}' after an object member, found \(found())")
      }
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    try enter(at: start)
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else {
        throw endOfFile(expecting: "a value", opened: "an array", at: start)
      }
      if bytes[index] == UInt8(ascii: "]") {
        throw error(at: index, "expected a value, found ']' (a trailing comma is not allowed)")
      }
      elements.append(try parseValue(after: nil))
      skipWhitespace()
      guard index < bytes.count else {
        throw endOfFile(
          expecting: "',' or ']' after an array element", opened: "an array", at: start)
      }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(elements)
      default:
        throw error(at: index, "expected ',' or ']' after an array element, found \(found())")
      }
    }
  }

  private mutating func enter(at offset: Int) throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONReader.maxDepth {
      throw error(at: offset, "nesting is deeper than \(JSONReader.maxDepth) levels")
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: JSONValue)
    throws(JSONSyntaxError) -> JSONValue
  {
    let start = index
    for expected in word.utf8 {
      guard index < bytes.count, bytes[index] == expected else {
        index = start
        throw error(at: start, "expected a value, found \(found())")
      }
      index += 1
    }
    if index < bytes.count && isWordByte(bytes[index]) {
      index = start
      throw error(at: start, "expected a value, found \(found())")
    }
    return value
  }

  // MARK: Strings

  /// Parses a string starting at its opening quote. Unescaped strings are copied once;
  /// escaped ones are decoded into a byte buffer, so cost stays linear in length.
  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let open = index
    index += 1
    let contentStart = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw controlCharacter(byte, stringStart: open) }
      index += 1
    }
    guard index < bytes.count else { throw unterminatedString(open) }
    var buffer = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: buffer, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &buffer)
      case 0..<0x20:
        throw controlCharacter(byte, stringStart: open)
      default:
        buffer.append(byte)
        index += 1
      }
    }
    throw unterminatedString(open)
  }

  private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
    let start = index
    index += 1
    guard index < bytes.count else { throw endOfFile(expecting: "an escape after '\\'") }
    let letter = bytes[index]
    index += 1
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4(escapeStart: start)
      if (0xD800...0xDBFF).contains(scalar) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw error(at: start, "a \\u escape of a high surrogate lacks its low half") }
        index += 2
        let low = try parseHex4(escapeStart: index - 2)
        guard (0xDC00...0xDFFF).contains(low) else {
          throw error(at: start, "a \\u escape of a high surrogate lacks its low half")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw error(at: start, "a \\u escape holds a lone low surrogate")
      }
      buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    default:
      let shown = letter < 0x20 || letter >= 0x80 ? "" : String(Character(Unicode.Scalar(letter)))
      throw error(
        at: start,
        "'\\\(shown)' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)")
    }
  }

  private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error(at: escapeStart, "a \\u escape needs four hexadecimal digits")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  // MARK: Numbers

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw error(at: start, "expected a digit after '-'")
    }
    if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
      throw error(at: start, "a number may not start with 0 (leading zeros are not allowed)")
    }
    skipDigits()
    var isInteger = true
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error(at: start, "expected a digit after the decimal point")
      }
      skipDigits()
    }
    if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
      isInteger = false
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error(at: start, "expected a digit in the exponent")
      }
      skipDigits()
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let value = Int(text) { return .integer(value) }
    guard let value = Double(text), value.isFinite else {
      throw error(at: start, "the number \(QuotedExcerpt.cut(text)) is too large")
    }
    return .double(value)
  }

  private mutating func skipDigits() {
    while index < bytes.count && isDigit(bytes[index]) { index += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
      || byte == UInt8(ascii: "_") || byte >= 0x80
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  // MARK: Errors

  /// The thing at the current position, for messages: `'x'`, `"word"`, or the end of file.
  private func found() -> String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    if isWordByte(byte) {
      var end = index
      while end < bytes.count && end - index < 24 && isWordByte(bytes[end]) { end += 1 }
      while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
      let word = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
      return "'\(word)'"
    }
    if byte < 0x20 { return "a control character (U+00\(hex2(byte)))" }
    return "'\(Character(Unicode.Scalar(byte)))'"
  }

  private func hex2(_ byte: UInt8) -> String {
    let text = String(byte, radix: 16, uppercase: true)
    return text.count == 1 ? "0" + text : text
  }

  private func error(at offset: Int, _ message: String) -> JSONSyntaxError {
    let (line, column) = JSONSyntaxError.position(of: offset, in: bytes)
    return JSONSyntaxError(kind: .syntax, line: line, column: column, message: message)
  }

  private func endOfFile(expecting: String, opened: String? = nil, at start: Int = 0)
    -> JSONSyntaxError
  {
    var message = "the file ends too early: expected \(expecting)"
    if let opened {
      let (line, column) = JSONSyntaxError.position(of: start, in: bytes)
      message += " (in \(opened) opened at line \(line), column \(column))"
    }
    return error(at: bytes.count, message)
  }

  private func unterminatedString(_ open: Int) -> JSONSyntaxError {
    let (line, column) = JSONSyntaxError.position(of: open, in: bytes)
    return error(
      at: bytes.count,
      "the file ends inside the string that starts at line \(line), column \(column)")
  }

  private func controlCharacter(_ byte: UInt8, stringStart: Int) -> JSONSyntaxError {
    if byte == 0x0A || byte == 0x0D {
      return error(
        at: index, "a string runs past the end of its line (a closing '\"' is missing?)")
    }
    return error(
      at: index,
      "a control character (U+00\(hex2(byte))) must be escaped inside a string, e.g. as \\t")
  }
}
