/// A hash table of record positions whose keys are texts the records themselves hold (a
/// code, a group id): it stores only a 32-bit hash tag and a 64-bit value per slot, and
/// asks its caller whether the record behind a value has the key looked for.
///
/// `ValidationContext` indexes every code and group id of a workspace this way. A
/// `[String: …]` dictionary keeps a copy of each key and about 40–60 bytes per entry; at
/// 100,000 topics that index alone was some 40 MB and the largest part of the console's
/// peak memory. Open addressing with linear probing; removal shifts the following entries
/// back, so there are no tombstones.
struct SlotTable: Sendable {
  /// Per slot: 0 when empty, else the key's tag (`SlotHash`, top bit always set).
  private var tags: [UInt32]
  private var values: [UInt64]
  private var mask: Int
  private(set) var count = 0

  /// A table that holds `expected` entries without growing.
  init(expected: Int) {
    var capacity = 16
    while capacity * 3 < expected * 4 { capacity *= 2 }
    tags = Array(repeating: 0, count: capacity)
    values = Array(repeating: 0, count: capacity)
    mask = capacity - 1
  }

  private func home(_ tag: UInt32) -> Int { Int(tag & 0x7FFF_FFFF) & mask }

  /// The slot of the first entry with `tag` for which `matches` holds.
  private func slot(_ tag: UInt32, where matches: (UInt64) -> Bool) -> Int? {
    tags.withUnsafeBufferPointer { tags in
      var position = home(tag)
      while true {
        let found = tags[position]
        if found == 0 { return nil }
        if found == tag && matches(values[position]) { return position }
        position = (position + 1) & mask
      }
    }
  }

  /// The value of the first entry with `tag` for which `matches` holds.
  func first(_ tag: UInt32, where matches: (UInt64) -> Bool) -> UInt64? {
    slot(tag, where: matches).map { values[$0] }
  }

  /// Adds an entry; the caller has made sure that no entry has its key.
  mutating func insert(_ value: UInt64, tag: UInt32) {
    if (count + 1) * 4 > tags.count * 3 { grow() }
    var position = home(tag)
    while tags[position] != 0 { position = (position + 1) & mask }
    tags[position] = tag
    values[position] = value
    count += 1
  }

  /// The value of the first entry with `tag` for which `matches` holds; when none does,
  /// adds `value` under `tag` and returns nil. One probe where `first` and then `insert`
  /// made two.
  mutating func firstOrInsert(_ value: UInt64, tag: UInt32, where matches: (UInt64) -> Bool)
    -> UInt64?
  {
    if (count + 1) * 4 > tags.count * 3 { grow() }
    var position = home(tag)
    while true {
      let found = tags[position]
      if found == 0 {
        tags[position] = tag
        values[position] = value
        count += 1
        return nil
      }
      if found == tag && matches(values[position]) { return values[position] }
      position = (position + 1) & mask
    }
  }

  /// Removes the first entry with `tag` for which `matches` holds; false when none does.
  @discardableResult
  mutating func remove(_ tag: UInt32, where matches: (UInt64) -> Bool) -> Bool {
    guard var hole = slot(tag, where: matches) else { return false }
    tags[hole] = 0
    count -= 1
    // Backward shift: move up every following entry of the run that its home allows.
    var position = (hole + 1) & mask
    while tags[position] != 0 {
      let wanted = home(tags[position])
      // The entry may fill the hole when its home is not within (hole, position].
      let between =
        hole <= position
        ? (wanted > hole && wanted <= position) : (wanted > hole || wanted <= position)
      if !between {
        tags[hole] = tags[position]
        values[hole] = values[position]
        tags[position] = 0
        hole = position
      }
      position = (position + 1) & mask
    }
    return true
  }

  private mutating func grow() {
    let (oldTags, oldValues) = (tags, values)
    tags = Array(repeating: 0, count: oldTags.count * 2)
    values = Array(repeating: 0, count: oldTags.count * 2)
    mask = tags.count - 1
    count = 0
    for position in oldTags.indices where oldTags[position] != 0 {
      insert(oldValues[position], tag: oldTags[position])
    }
  }
}

/// The tags `SlotTable` files keys under: equal strings (Swift's equality, canonical
/// equivalence included) get equal tags, and the usual ASCII key is hashed from its bytes
/// without making any `String`.
enum SlotHash {
  /// The tag of `text`.
  static func tag(_ text: String) -> UInt32 {
    text.withUTF8Bytes { bytes in
      isASCII(bytes) ? tag(ascii: bytes) : tag(unicode: text)
    }
  }

  /// The tag of `text` lower-cased as `GroupIDs.normalised` does, without lower-casing the
  /// usual ASCII id into a new string.
  static func foldedTag(_ id: GroupIDText) -> UInt32 {
    // A UUID in any case, the usual id, by its bits: no text to make or hash. No other id
    // equals one once lower-cased (outside ASCII, only the Kelvin sign lower-cases to ASCII,
    // to a "k"), so the two kinds of tag never need to meet.
    if let bits = id.uuidBitsIgnoringCase {
      return finish((bits.high ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 ^ bits.low)
    }
    return id.withUTF8Bytes { bytes in
      guard isASCII(bytes) else { return tag(unicode: GroupIDs.normalised(id.text)) }
      guard bytes.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else {
        return tag(ascii: bytes)
      }
      return bytes.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
        .withUnsafeBufferPointer { tag(ascii: $0) }
    }
  }

  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
    var offset = 0
    var high: UInt64 = 0
    while offset + 8 <= bytes.count {
      high |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      high |= UInt64(bytes[offset])
      offset += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
  }

  /// A multiply-and-rotate hash over 8-byte words, finished with a 64-bit mixer.
  private static func tag(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      var offset = 0
      while offset + 8 <= bytes.count {
        let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        hash = ((hash ^ word) &* 0xBF58_476D_1CE4_E5B9).rotated(27)
        offset += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count {
        tail |= UInt64(bytes[offset]) << shift
        shift += 8
        offset += 1
      }
      hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
    }
    return finish(hash)
  }

  /// Non-ASCII text. The only scalars canonically equivalent to ASCII are three
  /// singletons (Kelvin sign, Greek question mark, Greek varia): text whose other scalars
  /// are ASCII is tagged as its ASCII equivalent; any other text by Swift's own string
  /// hash, which normalises it, so two equal non-ASCII strings still share a tag.
  private static func tag(unicode text: String) -> UInt32 {
    var equivalent: [UInt8] = []
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0..<0x80: equivalent.append(UInt8(scalar.value))
      case 0x212A: equivalent.append(UInt8(ascii: "K"))
      case 0x037E: equivalent.append(UInt8(ascii: ";"))
      case 0x1FEF: equivalent.append(UInt8(ascii: "`"))
      default:
        var hasher = Hasher()
        hasher.combine(text)
        return finish(UInt64(UInt(bitPattern: hasher.finalize())))
      }
    }
    return equivalent.withUnsafeBufferPointer { tag(ascii: $0) }
  }

  private static func finish(_ value: UInt64) -> UInt32 {
    var hash = value
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return UInt32(truncatingIfNeeded: hash) | 0x8000_0000
  }
}

extension UInt64 {
  fileprivate func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
