#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folded search keys of a list (`SearchKey`), in record order, in one buffer.
///
/// A `String` per key cost some 50 bytes of header and allocation on top of the text: at
/// 100,000 topics, keys of about 150 bytes took 21 MB as strings and take 15 MB here.
struct SearchKeyList: Equatable, Sendable {
  private var bytes: [UInt8] = []
  /// Where each key ends in `bytes`; a key starts where the one before it ends.
  private var ends: [Int] = []

  init() {}

  /// Keys already folded.
  init(_ keys: [String]) {
    ends.reserveCapacity(keys.count)
    for key in keys { append(key) }
  }

  var count: Int { ends.count }

  mutating func reserveCapacity(keys: Int, bytes total: Int) {
    ends.reserveCapacity(keys)
    bytes.reserveCapacity(total)
  }

  /// Adds a key already folded.
  mutating func append(_ key: String) {
    bytes.append(contentsOf: key.utf8)
    ends.append(bytes.count)
  }

  /// Adds the key `key` has built.
  mutating func append(_ key: SearchKey) {
    bytes.append(contentsOf: key.bytes)
    ends.append(bytes.count)
  }

  /// Adds the key at `index` of `other`.
  mutating func append(_ index: Int, of other: SearchKeyList) {
    bytes.append(contentsOf: other.bytes[other.start(index)..<other.ends[index]])
    ends.append(bytes.count)
  }

  /// The key at `index`, as text.
  func key(_ index: Int) -> String {
    String(decoding: bytes[start(index)..<ends[index]], as: UTF8.self)
  }

  /// The indices, in order, of the keys that hold `needle` (folded UTF-8) anywhere, among
  /// `within` when given, else among all: a byte-wise search lean enough to run on every
  /// keystroke.
  func indices(containing needle: [UInt8], within: [Int]?) -> [Int] {
    var found: [Int] = []
    found.reserveCapacity(within?.count ?? count / 4)
    bytes.withUnsafeBufferPointer { all in
      needle.withUnsafeBufferPointer { needle in
        guard let base = all.baseAddress, let pattern = needle.baseAddress else { return }
        func holds(_ index: Int) -> Bool {
          let from = start(index)
          let last = ends[index] - from - needle.count
          guard last >= 0 else { return false }
          let first = Int32(pattern[0])
          var offset = 0
          while offset <= last {
            // memchr finds candidate first bytes with the C library's vectorised scan.
            guard let hit = memchr(base + from + offset, first, last - offset + 1) else {
              return false
            }
            let position = (base + from).distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + from + position, pattern, needle.count) == 0 { return true }
            offset = position + 1
          }
          return false
        }
        if let within {
          for index in within where holds(index) { found.append(index) }
        } else {
          for index in 0..<count where holds(index) { found.append(index) }
        }
      }
    }
    return found
  }

  private func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }
}
