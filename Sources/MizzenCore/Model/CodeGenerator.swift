import Foundation

/// Makes record codes from names and checks hand-edited ones (SPEC §2 "Codes").
public enum CodeGenerator {
  /// The longest code allowed.
  public static let maxLength = 64

  /// True when `code` matches `^[a-z][a-z0-9_]{0,63}$`.
  public static func isValid(_ code: String) -> Bool {
    // In place: validation asks this of every record and channel entry.
    code.withUTF8Bytes { bytes in
      guard let first = bytes.first, bytes.count <= maxLength, isLowerLetter(first) else {
        return false
      }
      return bytes.allSatisfy { isLowerLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }
  }

  /// A valid code for `name` that is not in `taken`.
  ///
  /// Lower-cases and folds accents, turns every other run of characters into `_`, and adds
  /// `_2`, `_3`… on collision. A name with nothing usable (CJK or emoji only) falls back to
  /// `fallback`, e.g. `topic`, so every record still gets a code.
  public static func code(for name: String, fallback: String, taken: Set<String>) -> String {
    let base = slug(name, fallback: fallback)
    if !taken.contains(base) { return base }
    var suffix = 2
    while true {
      let tail = "_\(suffix)"
      let candidate = String(base.prefix(maxLength - tail.count)) + tail
      if !taken.contains(candidate) { return candidate }
      suffix += 1
    }
  }

  /// The code for `name` before collisions are considered.
  public static func slug(_ name: String, fallback: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
      .lowercased()
    var out = ""
    var pendingSeparator = false
    for scalar in folded.unicodeScalars {
      let isWordChar =
        (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
      if isWordChar {
        if pendingSeparator && !out.isEmpty { out.append("_") }
        pendingSeparator = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingSeparator = true
      }
    }
    if out.isEmpty { out = fallback }
    if let first = out.utf8.first, !isLowerLetter(first) { out = fallback + "_" + out }
    if out.utf8.count > maxLength {
      out = String(out.prefix(maxLength))
      while out.hasSuffix("_") { out.removeLast() }
    }
    return out
  }

  private static func isLowerLetter(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
