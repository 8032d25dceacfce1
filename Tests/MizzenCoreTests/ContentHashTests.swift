import MizzenTestSupport
import Testing

@testable import MizzenCore

/// The revision's hash tells any edit from the bytes read: every one-bit change, words
/// swapped between its lanes or moved within one, and a change of length alone.
@Suite struct ContentHashTests {
  static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
  }

  @Test(arguments: [1, 7, 8, 31, 32, 33, 100, 257])
  func everyBitFlipChangesTheHash(count: Int) {
    let original = Self.bytes(count, seed: UInt64(count))
    var seen = Set([Pair(ContentHash.digest(original))])
    for position in 0..<count * 8 {
      var changed = original
      changed[position / 8] ^= 1 << (position % 8)
      seen.insert(Pair(ContentHash.digest(changed)))
    }
    #expect(seen.count == count * 8 + 1)
  }

  @Test func movedWordsChangeTheHash() {
    let original = Self.bytes(256, seed: 5)
    var seen = Set([Pair(ContentHash.digest(original))])
    var variants = 0
    for (from, to) in [(0, 8), (0, 32), (8, 40), (16, 24), (0, 224), (200, 248)] {
      var changed = original
      for offset in 0..<8 { changed.swapAt(from + offset, to + offset) }
      guard changed != original else { continue }
      variants += 1
      seen.insert(Pair(ContentHash.digest(changed)))
    }
    #expect(seen.count == variants + 1)
  }

  @Test func lengthAloneChangesTheHash() {
    let hashes = (0..<200).map { Pair(ContentHash.digest([UInt8](repeating: 0, count: $0))) }
    #expect(Set(hashes).count == hashes.count)
  }

  struct Pair: Hashable {
    let first: UInt64
    let second: UInt64
    init(_ digest: (UInt64, UInt64)) { (first, second) = digest }
  }
}
