/// UTF-8 as a terminal sends it: scalars read one at a time, bad bytes dropped alone.
enum UTF8Scan {
  /// What the bytes at a position hold.
  enum Scalar: Equatable {
    case valid(Unicode.Scalar, length: Int)
    /// Not UTF-8: this many bytes are dropped (the longest start of a sequence that could
    /// have been valid, at least one byte), and reading goes on after them.
    case invalid(length: Int)
    /// A valid start cut by the end of the bytes.
    case incomplete
  }

  /// The scalar starting at `index`.
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Scalar {
    let lead = bytes[index]
    if lead < 0x80 { return .valid(Unicode.Scalar(lead), length: 1) }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return .invalid(length: 1)
    }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      guard index + offset < bytes.count else { return .incomplete }
      let byte = bytes[index + offset]
      guard byte >= low, byte <= high else { return .invalid(length: offset) }
      low = 0x80
      high = 0xBF
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return .invalid(length: length) }
    return .valid(scalar, length: length)
  }

  /// `bytes` without what is not UTF-8 (a cut character at the end included).
  static func valid(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    let base = UnsafeBufferPointer(rebasing: bytes)
    var index = 0
    while index < base.count {
      if base[index] < 0x80 {
        var end = index + 1
        while end < base.count, base[end] < 0x80 { end += 1 }
        result.append(contentsOf: base[index..<end])
        index = end
        continue
      }
      switch scalar(base, at: index) {
      case .valid(_, let length):
        result.append(contentsOf: base[index..<index + length])
        index += length
      case .invalid(let length): index += length
      case .incomplete: index = base.count
      }
    }
    return result
  }

  /// How many bytes at the end of `bytes` are a valid start of a character cut short.
  static func incompleteTail(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    let base = UnsafeBufferPointer(rebasing: bytes)
    guard !base.isEmpty else { return 0 }
    for back in 1...min(3, base.count) {
      let start = base.count - back
      guard base[start] >= 0xC0 else { continue }
      return scalar(base, at: start) == .incomplete ? back : 0
    }
    return 0
  }
}
