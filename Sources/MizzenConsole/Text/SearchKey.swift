/// Builds the lower-cased text a list's filter searches, piece by piece.
///
/// `String.lowercased()` costs microseconds per record, which over a 10,000-entry journal
/// would hold up the screen; here ASCII is folded byte by byte, and only the scalars that
/// have a lower case (not CJK, for one) are looked up. The result equals `lowercased()`.
struct SearchKey {
  private var bytes: [UInt8] = []

  init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

  mutating func add(_ text: String) {
    var text = text
    let done = text.withUTF8 { source -> Bool in
      if source.contains(where: { $0 >= 0x80 }) { return false }
      for byte in source { bytes.append(Self.fold(byte)) }
      return true
    }
    if done { return }
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        bytes.append(Self.fold(UInt8(scalar.value)))
      } else if scalar.properties.changesWhenLowercased {
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else {
        bytes.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  private static func fold(_ byte: UInt8) -> UInt8 {
    byte &- 65 < 26 ? byte | 0x20 : byte
  }
}
