/// Makes text from files, Braze, requests or the command line safe to print for a person.
///
/// A terminal acts on control characters: ESC starts a sequence that can move the cursor,
/// retitle the window or forge a line of output; CR and LF can forge a log line; C1 controls
/// act as ESC on some terminals; bidirectional overrides reorder what a reader sees. Every
/// such scalar is shown escaped (`\e`, `\r`, `\u{202E}` …), so that what is printed is what
/// the text holds. JSON output meant for scripts is exact and does not go through here.
public enum TerminalText {
  /// `text` with every control character, C1 control and bidirectional override escaped.
  /// With `keepingNewlines`, `\n` is kept as a line break (for multi-line messages whose
  /// lines are ours); otherwise it is escaped too.
  public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
    let scalars = text.unicodeScalars
    guard scalars.contains(where: { needsEscaping($0, keepingNewlines: keepingNewlines) }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    result.reserveCapacity(scalars.count + 16)
    for scalar in scalars {
      if needsEscaping(scalar, keepingNewlines: keepingNewlines) {
        result.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether a scalar must not reach a terminal as it is.
  public static func needsEscaping(_ scalar: Unicode.Scalar, keepingNewlines: Bool = false)
    -> Bool
  {
    switch scalar.value {
    case 0x0A: return !keepingNewlines
    case 0x00...0x1F, 0x7F...0x9F: return true
    // Bidirectional embeddings, overrides and isolates, and the line and paragraph
    // separators, which some terminals and pagers treat as line breaks.
    case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
    default: return false
    }
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x1B: return "\\e"
    default: return "\\u{" + hexDigits(scalar) + "}"
    }
  }

  /// A scalar's code point as people write it, for a message: `U+0301`.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String { "U+" + hexDigits(scalar) }

  /// At least four upper-case hex digits.
  private static func hexDigits(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
