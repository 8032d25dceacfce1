/// Builds the folded text a list's filter searches, piece by piece: lower case, and Latin
/// letters without their accents (`é` → `e`, `ø` → `o`, a combining accent dropped), so
/// "moller" finds "Møller" and "cafe" finds "Café".
///
/// `String.lowercased()` costs microseconds per record, which over a 10,000-entry journal
/// would hold up the screen; here ASCII is folded byte by byte, and only the scalars that
/// have a lower case (not CJK, for one) are looked up.
struct SearchKey {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

  /// Adds UTF-8 text: in place when it is ASCII, the usual case, else as `add(_:)` does.
  mutating func add(utf8 source: UnsafeBufferPointer<UInt8>) {
    if source.contains(where: { $0 >= 0x80 }) {
      add(String(decoding: source, as: UTF8.self))
      return
    }
    appendFolded(ascii: source)
  }

  /// ASCII, folded a byte at a time.
  private mutating func appendFolded(ascii source: UnsafeBufferPointer<UInt8>) {
    for byte in source { bytes.append(Self.fold(byte)) }
  }

  mutating func add(_ text: String) {
    var text = text
    let done = text.withUTF8 { source -> Bool in
      if source.contains(where: { $0 >= 0x80 }) { return false }
      appendFolded(ascii: source)
      return true
    }
    if done { return }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if scalar.isASCII {
        bytes.append(Self.fold(UInt8(value)))
      } else if value <= Self.lastUnaccented, let plain = Self.unaccented[value] {
        bytes.append(contentsOf: plain.utf8)
      } else if (0x300...0x36F).contains(value) {
        continue
      } else if !Self.isCaseless(value) && scalar.properties.changesWhenLowercased {
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      } else {
        UTF8.encode(scalar) { bytes.append($0) }
      }
    }
  }

  /// Kana, CJK ideographs and Hangul syllables: scripts without case, whose text (names of
  /// people and topics in Japanese, Chinese or Korean) needs no look-up in the property
  /// tables, which cost some 100 ns a character (`SearchKeyTests` holds this to Unicode).
  static func isCaseless(_ value: UInt32) -> Bool {
    (0x3040...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value)
  }

  /// The highest scalar `unaccented` folds: Latin Extended-A ends there.
  static let lastUnaccented: UInt32 = 0x17F

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Empties the key, keeping its storage for the next one.
  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  /// `text` folded as a search key.
  static func folded(_ text: String) -> String {
    var key = SearchKey(capacity: text.utf8.count)
    key.add(text)
    return key.text
  }

  /// Latin letters with accents or strokes, in both cases, and what they fold to.
  static let unaccented: [UInt32: String] = {
    let groups: [(String, String)] = [
      ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċčÇĆĈĊČ", "c"), ("ďđĎĐð", "d"),
      ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģĜĞĠĢ", "g"), ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"),
      ("ķĶ", "k"), ("łĺļľŁĹĻĽ", "l"), ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"),
      ("ŕřŔŘ", "r"), ("śŝşšŚŜŞŠ", "s"), ("ţťŢŤ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
      ("ýÿŷÝŸŶ", "y"), ("źżžŹŻŽ", "z"), ("ß", "ss"), ("æÆ", "ae"), ("œŒ", "oe"),
      ("þÞ", "th"),
    ]
    var table: [UInt32: String] = [:]
    for (letters, plain) in groups {
      for scalar in letters.unicodeScalars { table[scalar.value] = plain }
    }
    return table
  }()

  private static func fold(_ byte: UInt8) -> UInt8 {
    byte &- 65 < 26 ? byte | 0x20 : byte
  }
}
