/// Indents JSON text for reading, two spaces a level, keeping every key, string and
/// number exactly as written (nothing is parsed into values and printed back).
enum JSONPretty {
  /// The indented text, or nil when `text` is not a JSON object or array (then it is
  /// shown as it came).
  static func format(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first(where: { !isSpace($0) }), first == "{" || first == "["
    else { return nil }
    var lines: [String] = []
    var line = ""
    var depth = 0
    var inString = false
    var escaped = false
    var index = 0
    func newLine(_ level: Int) {
      lines.append(line)
      line = String(repeating: "  ", count: level)
    }
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if inString {
        line.unicodeScalars.append(scalar)
        if escaped {
          escaped = false
        } else if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          inString = false
        }
        continue
      }
      switch scalar {
      case "\"":
        inString = true
        line.unicodeScalars.append(scalar)
      case "{", "[":
        depth += 1
        line.unicodeScalars.append(scalar)
        let next = scalars[index...].first { !isSpace($0) }
        if next == "}" || next == "]" { continue }
        newLine(depth)
      case "}", "]":
        depth -= 1
        guard depth >= 0 else { return nil }
        if let last = line.unicodeScalars.last, last != "{" && last != "[" { newLine(depth) }
        line.unicodeScalars.append(scalar)
      case ",":
        line.append(",")
        newLine(depth)
      case ":":
        line.append(": ")
      case _ where isSpace(scalar):
        continue
      case _ where isLiteral(scalar):
        line.unicodeScalars.append(scalar)
      default:
        return nil
      }
      if depth == 0 && (scalar == "}" || scalar == "]") {
        guard scalars[index...].allSatisfy(isSpace) else { return nil }
        break
      }
    }
    guard depth == 0, !inString else { return nil }
    lines.append(line)
    return lines.joined(separator: "\n")
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
  }

  /// The characters of numbers, `true`, `false` and `null`.
  private static func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "0"..."9", "-", "+", ".", "e", "E", "t", "r", "u", "f", "a", "l", "s", "n": return true
    default: return false
    }
  }
}
