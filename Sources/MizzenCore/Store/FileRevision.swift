/// Identifies the exact bytes of a workspace file as they were read or written.
///
/// Two revisions are equal when the bytes had the same size and the same 128-bit content
/// hash. The hash detects change, not tampering: it is not cryptographic. Content rather
/// than modification time is compared, so a `git checkout` that rewrites identical bytes is
/// not a conflict, while any edit is.
public struct FileRevision: Equatable, Sendable, CustomStringConvertible {
  let size: Int
  let digest: (UInt64, UInt64)
  /// The parsed file, kept only when it has keys this program does not know, so that a save
  /// based on this revision can write them back (see `WorkspaceShape`). Not compared.
  let document: JSONValue?

  init(bytes: [UInt8], document: JSONValue? = nil) {
    size = bytes.count
    digest = ContentHash.digest(bytes)
    self.document = document
  }

  public static func == (lhs: FileRevision, rhs: FileRevision) -> Bool {
    lhs.size == rhs.size && lhs.digest == rhs.digest
  }

  /// A short form for logs and debugging, e.g. `4096:1f2e…`.
  public var description: String {
    "\(size):" + String(digest.0, radix: 16) + String(digest.1, radix: 16)
  }
}

/// A fast 128-bit, non-cryptographic hash of a byte string (four independent 64-bit lanes
/// over 32-byte blocks, finished with the SplitMix64 mixer). Kept only in memory: never
/// written anywhere, so it may change between versions.
enum ContentHash {
  static func digest(_ bytes: [UInt8]) -> (UInt64, UInt64) {
    bytes.withUnsafeBytes { raw in
      // Four lanes over 32-byte blocks, one word each: the lanes' multiplies do not wait for
      // one another, so a block costs about what one word cost with a lane or two.
      var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
      var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(raw.count)
      var third: UInt64 = 0x1656_67B1_9E37_79F9 ^ rotate(UInt64(raw.count), 32)
      var fourth: UInt64 = 0x27D4_EB2F_1656_67C5 &- UInt64(raw.count)
      func word(_ offset: Int) -> UInt64 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      }
      var offset = 0
      while offset + 32 <= raw.count {
        first = rotate(first ^ (word(offset) &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
        second =
          rotate(second &+ (word(offset + 8) &* 0x1656_67B1_9E37_79F9), 27) &* 0x85EB_CA77_C2B2_AE63
        third =
          rotate(third ^ (word(offset + 16) &* 0xC2B2_AE3D_27D4_EB4F), 33) &* 0x9FB2_1C65_1E98_DF25
        fourth =
          rotate(fourth &+ (word(offset + 24) &* 0xFF51_AFD7_ED55_8CCD), 29)
          &* 0xC4CE_B9FE_1A85_EC53
        offset += 32
      }
      while offset + 8 <= raw.count {
        first = rotate(first ^ (word(offset) &* 0x87C3_7B91_1142_53D5), 31) &* 0x4CF5_AD43_2745_937F
        offset += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < raw.count {
        tail |= UInt64(raw[offset]) << shift
        shift += 8
        offset += 1
      }
      first = mix(first ^ mix(third ^ tail))
      second = mix(second ^ mix(fourth ^ rotate(tail, 17)) ^ first)
      return (first, second)
    }
  }

  private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A workspace as loaded from its file, with the revision a later save must expect.
public struct LoadedWorkspace: Sendable {
  public var workspace: Workspace
  public var revision: FileRevision
  /// Paths of keys in the file that the format does not define (e.g. `topics[2].owner`).
  /// They are kept: a save based on `revision` writes them back where their record still is.
  public var unknownKeys: [String]

  public init(workspace: Workspace, revision: FileRevision, unknownKeys: [String] = []) {
    self.workspace = workspace
    self.revision = revision
    self.unknownKeys = unknownKeys
  }
}
