/// Writes small JSON documents by hand, so that request bodies are exact, predictable bytes
/// (keys in the order given, which callers keep sorted) and cheap to build.
enum JSONText {
  /// `text` as a JSON string literal, quotes included. Non-ASCII is kept as UTF-8;
  /// quotes, backslashes and control characters are escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// An object from members whose values are already JSON text.
  static func object(_ members: [(key: String, json: String)]) -> String {
    var out = "{"
    for (index, member) in members.enumerated() {
      if index > 0 { out += "," }
      out += quoted(member.key) + ":" + member.json
    }
    return out + "}"
  }

  /// An array of strings.
  static func stringArray(_ values: [String]) -> String {
    "[" + values.map(quoted).joined(separator: ",") + "]"
  }
}
