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

  /// Members ordered by the UTF-8 bytes of their keys.
  static func sortedByKey(_ members: [JSONMember]) -> [JSONMember] {
    members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }

  private static func newline(_ indent: Int, to out: inout [UInt8]) {
    out.append(0x0A)
    for _ in 0..<(indent * 2) { out.append(0x20) }
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
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0..<0x20:
        out.append(contentsOf: "\\u00".utf8)
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
