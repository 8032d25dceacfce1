/// A subscription group id as a channel keeps it (`TopicChannel.subscriptionGroupId`).
///
/// Braze's group ids are UUIDs, and Braze writes them in lower case. Such an id is held as
/// its 128 bits, in the channel itself; any other text is held as it is. As a `String`, a
/// 36-byte id took a heap block of 96 bytes: at 100,000 topics with two channels each, the
/// ids were 19 MB of the model, and making them was a fifth of the allocations of loading.
///
/// Which form a text takes follows from the text alone (lower-case 8-4-4-4-12 hexadecimal,
/// nothing else), so two ids are equal exactly when their texts are, and the text comes
/// back byte for byte: an upper-case or malformed id stays text.
struct GroupIDText: Equatable, Sendable {
  private enum Storage: Equatable, Sendable {
    /// The 32 hexadecimal digits, as two words (the first 16 digits in `high`).
    case uuid(high: UInt64, low: UInt64)
    case text(String)
  }

  private var storage: Storage

  /// The length of a UUID's text.
  static let uuidLength = 36

  init(_ text: String) {
    storage = .text(text)
    if text.utf8.count == Self.uuidLength, let words = text.withUTF8Bytes({ Self.words($0) }) {
      storage = .uuid(high: words.high, low: words.low)
    }
  }

  /// The id whose text is `bytes` when they spell a lower-case UUID, else nil.
  init?(uuid bytes: UnsafeBufferPointer<UInt8>) {
    guard let words = Self.words(bytes) else { return nil }
    storage = .uuid(high: words.high, low: words.low)
  }

  var isEmpty: Bool {
    if case .text(let text) = storage { return text.isEmpty }
    return false
  }

  /// Whether the id is held as a UUID: its text is one, in lower case.
  var isLowerCaseUUID: Bool {
    if case .uuid = storage { return true }
    return false
  }

  /// Whether this id is held as text with a byte outside ASCII.
  var hasNonASCII: Bool {
    guard case .text(let text) = storage else { return false }
    return text.withUTF8Bytes { bytes in bytes.contains { $0 >= 0x80 } }
  }

  var text: String {
    switch storage {
    case .text(let text): return text
    case .uuid(let high, let low):
      return String(unsafeUninitializedCapacity: Self.uuidLength) { buffer in
        Self.write(high: high, low: low, into: buffer)
        return Self.uuidLength
      }
    }
  }

  /// Runs `body` over the id's UTF-8 bytes, without making a `String`.
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch storage {
    case .text(let text): return text.withUTF8Bytes(body)
    case .uuid(let high, let low):
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.uuidLength) { buffer in
        Self.write(high: high, low: low, into: buffer)
        return body(UnsafeBufferPointer(buffer))
      }
    }
  }

  /// Whether the two ids are equal once ASCII letters are lower-cased.
  func equalsIgnoringASCIICase(_ other: GroupIDText) -> Bool {
    if case .uuid(let high, let low) = storage,
      case .uuid(let otherHigh, let otherLow) = other.storage
    {
      return high == otherHigh && low == otherLow
    }
    return withUTF8Bytes { left in
      other.withUTF8Bytes { right in
        guard left.count == right.count else { return false }
        for offset in 0..<left.count where Self.lowered(left[offset]) != Self.lowered(right[offset])
        {
          return false
        }
        return true
      }
    }
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
  }

  /// The 128 bits of the id when its text, lower-cased, is a UUID: equal for two ids exactly
  /// when they are equal once lower-cased. Nil for any other id.
  var uuidBitsIgnoringCase: (high: UInt64, low: UInt64)? {
    switch storage {
    case .uuid(let high, let low): return (high, low)
    case .text(let text):
      guard text.utf8.count == Self.uuidLength else { return nil }
      return text.withUTF8Bytes { Self.words($0, foldingCase: true) }
    }
  }

  /// The two words of a lower-case UUID's text (or, `foldingCase`, of any UUID's text);
  /// nil for any other text.
  private static func words(_ bytes: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false)
    -> (high: UInt64, low: UInt64)?
  {
    guard bytes.count == uuidLength, let base = UnsafeRawPointer(bytes.baseAddress),
      bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
      bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
    else { return nil }
    // The 32 digits as four runs of eight: 0–7, 9–12 with 14–17, 19–22 with 24–27, 28–35.
    func load(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    func load(_ first: Int, _ second: Int) -> UInt64 {
      let four: (Int) -> UInt64 = {
        UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: $0, as: UInt32.self)))
      }
      return four(first) | four(second) << 32
    }
    guard let a = digits(load(0), foldingCase), let b = digits(load(9, 14), foldingCase),
      let c = digits(load(19, 24), foldingCase), let d = digits(load(28), foldingCase)
    else { return nil }
    return (a << 32 | b, c << 32 | d)
  }

  /// Eight ASCII bytes of lower-case hexadecimal (the first in the lowest byte) as the
  /// 32-bit number they spell; nil when one of them is not such a digit. Eight at a time.
  private static func digits(_ text: UInt64, _ foldingCase: Bool) -> UInt64? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs = ones &* 0x80
    guard text & highs == 0 else { return nil }
    // Below 0x80, adding (0x80 - bound) sets a byte's high bit exactly when it is ≥ bound,
    // and carries into no other byte.
    func atLeast(_ bound: UInt64, in word: UInt64) -> UInt64 {
      (word &+ ones &* (0x80 - bound)) & highs
    }
    var word = text
    if foldingCase {
      // 'A'–'Z' get the 0x20 bit of their lower-case letter (the high bit shifted down).
      word |= (atLeast(0x41, in: word) & ~atLeast(0x5B, in: word)) >> 2
    }
    func atLeast(_ bound: UInt64) -> UInt64 { atLeast(bound, in: word) }
    let digit = atLeast(0x30) & ~atLeast(0x3A)
    let letter = atLeast(0x61) & ~atLeast(0x67)
    guard digit | letter == highs else { return nil }
    // '0'–'9' are 0x30–0x39 and 'a'–'f' 0x61–0x66: the low four bits, plus 9 for letters.
    let nibbles = (word & (ones &* 0x0F)) &+ (letter >> 7) &* 9
    // The first digit is the most significant: gather the nibbles from the top byte down.
    var packed = nibbles.byteSwapped
    packed = (packed | packed >> 4) & 0x00FF_00FF_00FF_00FF
    packed = (packed | packed >> 8) & 0x0000_FFFF_0000_FFFF
    return (packed | packed >> 16) & 0xFFFF_FFFF
  }

  /// The eight ASCII digits of a 32-bit number, the most significant in the lowest byte.
  private static func spelt(_ value: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    var nibbles = value & 0xFFFF_FFFF
    nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
    nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
    nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
    nibbles = nibbles.byteSwapped
    // Ten and above become letters: 'a' is 39 past '0' + 10.
    let letters = ((nibbles &+ ones &* 6) >> 4) & ones
    return nibbles &+ ones &* 0x30 &+ letters &* 39
  }

  private static func write(
    high: UInt64, low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) {
    guard let base = UnsafeMutableRawPointer(buffer.baseAddress) else { return }
    func store(_ word: UInt64, at offset: Int) {
      base.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
    }
    func store(_ word: UInt64, at first: Int, _ second: Int) {
      base.storeBytes(
        of: UInt32(truncatingIfNeeded: word).littleEndian, toByteOffset: first, as: UInt32.self)
      base.storeBytes(
        of: UInt32(truncatingIfNeeded: word >> 32).littleEndian, toByteOffset: second,
        as: UInt32.self)
    }
    store(spelt(high >> 32), at: 0)
    store(spelt(high), at: 9, 14)
    store(spelt(low >> 32), at: 19, 24)
    store(spelt(low), at: 28)
    buffer[8] = UInt8(ascii: "-")
    buffer[13] = UInt8(ascii: "-")
    buffer[18] = UInt8(ascii: "-")
    buffer[23] = UInt8(ascii: "-")
  }
}
