/// The identifier checks Braze applies to API input (braze-api.md §9).
enum IdentifierSyntax {
  /// `+`, a country code that does not start with 0, at most 15 digits in all.
  static func isE164(_ phone: String) -> Bool {
    let bytes = Array(phone.utf8)
    guard bytes.count >= 3, bytes.count <= 16, bytes[0] == UInt8(ascii: "+") else {
      return false
    }
    guard bytes[1] != UInt8(ascii: "0") else { return false }
    return bytes.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// Syntax only, as Braze does: no whitespace, one `@`, a local part whose dots sit
  /// between other characters, and an ASCII (Punycode) domain with at least two labels.
  static func isEmail(_ email: String) -> Bool {
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let local = parts[0]
    let domain = parts[1]
    guard !local.isEmpty, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
    else { return false }
    let forbidden: Set<Character> = ["\"", "(", ")", ",", ":", ";", "<", ">", "[", "]", "\\"]
    guard
      !local.contains(where: { $0.isWhitespace || forbidden.contains($0) || isControl($0) })
    else { return false }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    for label in labels {
      guard !label.isEmpty, !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
      guard label.utf8.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else {
        return false
      }
    }
    return labels.last!.count >= 2
  }

  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }
}
