/// The syntax checks Braze applies to identifiers sent over the API (braze-api.md §9),
/// made locally so that a malformed value is explained before any call is made.
public enum IdentitySyntax {
  /// Symbols Braze accepts in the part of an address before the `@`, besides letters,
  /// digits, `_` and inner dots (`email_validation.md`: apostrophe and pipe included).
  private static let localSymbols: Set<Unicode.Scalar> = [
    "-", "^", "+", "$", "&", "#", "/", "%", "*", "=", "`", "~", "!", "?", "_", "'", "|",
  ]
  /// The longest part before the `@` Braze accepts, in characters.
  static let localPartLimit = 64
  /// The longest domain label (RFC 1035), in characters.
  static let labelLimit = 63

  /// Nil when `email` is acceptable to Braze, else the reason it is not, as a phrase that
  /// completes "The email address … ".
  public static func emailProblem(_ email: String) -> String? {
    let bytes = Array(email.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) { return asciiEmailProblem(bytes) }
    if email.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
      return "contains whitespace, which Braze refuses"
    }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return "must contain exactly one @" }
    let local = parts[0]
    let domain = parts[1]
    guard !local.isEmpty else { return "has nothing before the @" }
    if local.count > localPartLimit { return localPartTooLong }
    if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
      return "has a dot at the start or end of the part before the @, or two dots in a row"
    }
    for scalar in local.unicodeScalars where scalar != "." {
      let isWordCharacter =
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if !isWordCharacter && !localSymbols.contains(scalar) {
        return "contains \(named(scalar)) before the @, which Braze does not accept"
      }
    }
    guard !domain.isEmpty else { return "has nothing after the @" }
    guard domain.utf8.allSatisfy({ $0 < 0x80 }) else {
      return "has a non-ASCII domain; write it in Punycode (xn--…)"
    }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return "needs a domain with a dot, such as example.com" }
    for label in labels {
      guard !label.isEmpty, label.count <= labelLimit, !label.hasPrefix("-"),
        !label.hasSuffix("-"),
        label.utf8.allSatisfy({ isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "-") })
      else {
        return "has a malformed domain label '\(label)'"
      }
    }
    guard let last = labels.last, last.count >= 2, !last.utf8.allSatisfy(isASCIIDigit) else {
      return "needs a top-level domain of at least two letters"
    }
    return nil
  }

  /// A character of a message, quoted; one that shows nothing on its own (a combining mark,
  /// which would sit on the quote, or a control, format or space character) by its code
  /// point.
  private static func named(_ scalar: Unicode.Scalar) -> String {
    let code = TerminalText.codePoint(scalar)
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return "the combining mark \(code)"
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
      return "the invisible character \(code)"
    default: return "'\(scalar)'"
    }
  }

  /// The same checks as `emailProblem`, over bytes, for the common all-ASCII address:
  /// the scalar-by-scalar path costs microseconds that re-planning on every keystroke
  /// cannot spare.
  private static func asciiEmailProblem(_ bytes: [UInt8]) -> String? {
    if bytes.contains(where: { $0 == 0x20 || (0x09...0x0D).contains($0) }) {
      return "contains whitespace, which Braze refuses"
    }
    let at = UInt8(ascii: "@")
    let dot = UInt8(ascii: ".")
    guard let split = bytes.firstIndex(of: at), bytes.lastIndex(of: at) == split else {
      return "must contain exactly one @"
    }
    let local = bytes[..<split]
    let domain = bytes[(split + 1)...]
    guard !local.isEmpty else { return "has nothing before the @" }
    if local.count > localPartLimit { return localPartTooLong }
    var doubleDot = false
    var previous: UInt8 = 0
    for byte in local {
      if byte == dot && previous == dot {
        doubleDot = true
        break
      }
      previous = byte
    }
    if local.first == dot || local.last == dot || doubleDot {
      return "has a dot at the start or end of the part before the @, or two dots in a row"
    }
    for byte in local where byte != dot && !isASCIILetterOrDigit(byte) {
      if !localSymbols.contains(Unicode.Scalar(byte)) {
        return "contains \(named(Unicode.Scalar(byte))) before the @, which Braze does not accept"
      }
    }
    guard !domain.isEmpty else { return "has nothing after the @" }
    let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return "needs a domain with a dot, such as example.com" }
    let hyphen = UInt8(ascii: "-")
    for label in labels {
      guard !label.isEmpty, label.count <= labelLimit, label.first != hyphen,
        label.last != hyphen,
        label.allSatisfy({ isASCIILetterOrDigit($0) || $0 == hyphen })
      else {
        return "has a malformed domain label '\(String(decoding: label, as: UTF8.self))'"
      }
    }
    guard let last = labels.last, last.count >= 2, !last.allSatisfy(isASCIIDigit) else {
      return "needs a top-level domain of at least two letters"
    }
    return nil
  }

  private static var localPartTooLong: String {
    "has more than \(localPartLimit) characters before the @, which Braze refuses"
  }

  /// True for E.164 numbers: `+`, a country code that does not start with 0, and 7 to 15
  /// digits in all (`^\+[1-9][0-9]{6,14}$`).
  public static func isE164(_ phone: String) -> Bool {
    let bytes = phone.utf8
    guard bytes.count >= 8, bytes.count <= 16 else { return false }
    var index = bytes.startIndex
    guard bytes[index] == UInt8(ascii: "+") else { return false }
    index = bytes.index(after: index)
    guard bytes[index] >= UInt8(ascii: "1"), bytes[index] <= UInt8(ascii: "9") else {
      return false
    }
    return bytes[index...].allSatisfy(isASCIIDigit)
  }

  /// Nil when `id` can be sent as a Braze `external_id`, else the reason.
  public static func externalIDProblem(_ id: String) -> String? {
    if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "contains a control character"
    }
    if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
      return "starts or ends with whitespace; Braze would store it as a different id"
    }
    return nil
  }

  private static func isASCIIDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
