/// Writes a `JSONValue` in the one layout Mizzen files use, so that they diff cleanly.
///
/// Pretty-printed with a two-space indent, one member or element per line, `"key": value`,
/// object keys sorted by their UTF-8 bytes (the order `JSONEncoder`'s `.sortedKeys` gives
/// for the ASCII keys of the format), arrays in their own order, `[]` and `{}` for empty
/// containers, non-ASCII text kept as UTF-8, `/` not escaped, control characters escaped,
/// integers without decimals, and a final newline.
public enum JSONWriter {
  /// The document's bytes, ending in a newline.
  public static func write(_ value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    append(value, indent: 0, to: &out)
    out.append(0x0A)
    return out
  }

  private static func append(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let number): out.append(contentsOf: String(number).utf8)
    case .double(let number): appendDouble(number, to: &out)
    case .string(let text): appendString(text, to: &out)
    case .array(let elements):
      if elements.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(UInt8(ascii: "["))
      for (position, element) in elements.enumerated() {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, to: &out)
        append(element, indent: indent + 1, to: &out)
      }
      newline(indent, to: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(UInt8(ascii: "{"))
      for (position, member) in sortedByKey(members).enumerated() {
        if position > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, to: &out)
        appendString(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        append(member.value, indent: indent + 1, to: &out)
      }
      newline(indent, to: &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Members ordered by the UTF-8 bytes of their keys; no copy when they already are, as
  /// the codec emits them.
  static func sortedByKey(_ members: [JSONMember]) -> [JSONMember] {
    let inOrder = zip(members, members.dropFirst()).allSatisfy {
      $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
    }
    return inOrder ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 256)

  static func newline(_ indent: Int, to out: inout [UInt8]) {
    out.append(0x0A)
    var remaining = indent * 2
    while remaining > 0 {
      let count = min(remaining, spaces.count)
      out.append(contentsOf: spaces[0..<count])
      remaining -= count
    }
  }

  private static func appendDouble(_ number: Double, to out: inout [UInt8]) {
    if number.rounded() == number && abs(number) < 1e15 {
      out.append(contentsOf: String(Int(number)).utf8)
    } else {
      out.append(contentsOf: number.description.utf8)
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  static func appendString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      // Copy runs that need no escape in one go; most strings are a single run.
      var runStart = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        appendEscape(byte, to: &out)
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
    let backslash = UInt8(ascii: "\\")
    switch byte {
    case UInt8(ascii: "\""), backslash: out.append(contentsOf: [backslash, byte])
    case 0x0A: out.append(contentsOf: [backslash, UInt8(ascii: "n")])
    case 0x0D: out.append(contentsOf: [backslash, UInt8(ascii: "r")])
    case 0x09: out.append(contentsOf: [backslash, UInt8(ascii: "t")])
    case 0x08: out.append(contentsOf: [backslash, UInt8(ascii: "b")])
    case 0x0C: out.append(contentsOf: [backslash, UInt8(ascii: "f")])
    default:
      out.append(contentsOf: "\\u00".utf8)
      out.append(hexDigits[Int(byte >> 4)])
      out.append(hexDigits[Int(byte & 0x0F)])
    }
  }
}
