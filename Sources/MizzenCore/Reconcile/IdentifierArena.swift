/// Identifier strings stored once each, as bytes in one growing buffer, and named by a
/// 32-bit number: a million email addresses then cost their bytes plus 12 bytes each,
/// instead of a heap string and a dictionary entry each.
struct IdentifierArena {
  private var bytes: [UInt8] = []
  private var starts: [UInt32] = [0]
  /// Open addressing: slot → id + 1 (0 is empty).
  private var slots: [UInt32] = Array(repeating: 0, count: 1024)

  var count: Int { starts.count - 1 }

  /// The id of `value`, added when new.
  mutating func intern(_ value: String) -> UInt32 {
    var contiguous = value
    return contiguous.withUTF8 { lookupOrInsert($0) }
  }

  /// Drops the lookup table once every identifier is in: ids and strings stay valid,
  /// `intern` must not be called again.
  mutating func freeze() {
    slots = []
  }

  /// The string with this id.
  func string(_ id: UInt32) -> String {
    let start = Int(starts[Int(id)])
    let end = Int(starts[Int(id) + 1])
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  private mutating func lookupOrInsert(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
    if count * 2 >= slots.count { grow() }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(value)) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 {
        let id = UInt32(count)
        bytes.append(contentsOf: value)
        starts.append(UInt32(bytes.count))
        slots[slot] = id + 1
        return id
      }
      if equals(entry - 1, value) { return entry - 1 }
      slot = (slot + 1) & mask
    }
  }

  private func equals(_ id: UInt32, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[Int(id)])
    let end = Int(starts[Int(id) + 1])
    guard end - start == value.count else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      value.indices.allSatisfy { stored[start + $0] == value[$0] }
    }
  }

  private mutating func grow() {
    var bigger = [UInt32](repeating: 0, count: slots.count * 2)
    let mask = bigger.count - 1
    for id in 0..<UInt32(count) {
      let start = Int(starts[Int(id)])
      let end = Int(starts[Int(id) + 1])
      var slot =
        bytes.withUnsafeBufferPointer {
          Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end])))
        } & mask
      while bigger[slot] != 0 { slot = (slot + 1) & mask }
      bigger[slot] = id + 1
    }
    slots = bigger
  }

  private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in value { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }
}
