import Foundation
import MizzenTestSupport
import Testing

@testable import MizzenCore

/// Random bytes and mutated workspaces fed to the JSON reader and both workspace decoders:
/// no crash or hang; each input decodes or fails with a position inside the input; the
/// fast path never accepts what the exact path refuses, never decodes differently, and
/// accepts every plain file the exact path accepts.
///
/// Deterministic: case `n` is made by a generator seeded from `seed` and `n`, and every
/// failure names both. `MIZZEN_FUZZ_SEED=<hex>` runs another series.
@Suite struct CodecFuzzTests {
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["MIZZEN_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) }
    ?? 0xF022_C0DE
  static let cases = 6_000

  /// Valid files to mutate: the spec's example, scripts and escapes, unknown keys.
  static let bases: [[UInt8]] = [
    Array(StoreFixtures.acmeText.utf8),
    WorkspaceCodec.encode(StoreFixtures.international),
    Array(
      #"""
      {"format": "mizzen.workspace", "version": 1, "name": "A\u00e9\ud83c\udf89", "colour": 1,
       "topics": [{"code": "a", "name": "A", "channels": [{"channel": "email",
         "connection": "c", "subscriptionGroupID": "g"}]}],
       "identitySpaces": [{"code": "e", "name": "E", "valueType": "email",
         "marketingPreference": true}]}
      """#.utf8),
    Array(#"{"format":"mizzen.workspace","version":1}"#.utf8),
  ]

  /// Byte strings inserted by mutations: JSON's structure, escapes, numbers, invalid UTF-8.
  static let tokens: [[UInt8]] =
    [
      "\"", "\\", "\\u", "\\uD800", "\\udc00", "\\u00e9", "\\ud83c\\udf89", "\\n", "{", "}", "[",
      "]", ",", ":", " ", "\n", "\r\n", "\t", "0", "-", "01", "1.5", "1e999",
      "99999999999999999999", "true", "false", "null", "\"x\":1,", "\"colour\":\"red\",",
      "\"name\":\"n\",", "\"version\":1,", "\u{FEFF}", "é", "🎉",
    ].map { Array($0.utf8) } + [
      [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00],
      [0x1B], [0x80],
    ]

  @Test(.hangGuard)
  func mutatedAndRandomBytesDecodeOrFailAtAPositionInside() {
    var outcomes = [0, 0, 0]  // fast path accepted, exact path only, refused
    for index in 0..<Self.cases {
      var generator = SeededGenerator(seed: Self.seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
      let bytes = Self.input(&generator)
      let where_ = "seed \(String(Self.seed, radix: 16)), case \(index): \(Self.show(bytes))"
      outcomes[check(bytes, where_)] += 1
    }
    print("codec fuzz: seed \(String(Self.seed, radix: 16)), \(Self.cases) inputs, \(outcomes)")
    // Each outcome is reached, or the mutations stopped exercising a path.
    #expect(outcomes.allSatisfy { $0 > Self.cases / 100 }, "outcomes \(outcomes)")
  }

  /// Checks one input; returns 0 when the fast path decoded it, 1 when only the exact path
  /// did, 2 when it was refused.
  private func check(_ bytes: [UInt8], _ where_: String) -> Int {
    let parsed: Result<JSONValue, JSONSyntaxError> = Result { () throws(JSONSyntaxError) in
      try JSONReader.parse(bytes)
    }
    if case .failure(let error) = parsed {
      expectInside(error.line, error.column, bytes, error.message, where_)
    }
    let exact: Result<DecodedWorkspace, WorkspaceCodecError> = Result {
      () throws(WorkspaceCodecError) in try WorkspaceCodec.decodeDocument(bytes)
    }
    let fast = WorkspaceFastDecoder.decode(bytes)
    switch exact {
    case .success(let decoded):
      #expect(
        (try? parsed.get()) != nil, "the exact path decoded what the reader refused; \(where_)")
      if let fast {
        #expect(fast == decoded.workspace, "the paths decode differently; \(where_)")
        #expect(decoded.unknownKeys.isEmpty, "the fast path accepted unknown keys; \(where_)")
      } else {
        let plain =
          decoded.unknownKeys.isEmpty && !Self.hasByteOrderMark(bytes)
          && !Self.hasSurrogateEscape(bytes)
        #expect(!plain, "the fast path refused a plain valid file; \(where_)")
      }
      #expect((try? WorkspaceCodec.decode(bytes)) == decoded.workspace, "\(where_)")
      return fast == nil ? 1 : 0
    case .failure(let error):
      #expect(
        fast == nil, "the fast path accepted what the exact path refused: \(error); \(where_)")
      #expect(!error.message.contains("\n"), "\(where_)")
      #expect(error.message.utf8.count < 300, "a long message: \(error.message); \(where_)")
      switch (error.kind, parsed) {
      case (.syntax, .failure(let syntax)), (.invalidUTF8, .failure(let syntax)):
        #expect(error.line == syntax.line && error.column == syntax.column, "\(where_)")
        expectInside(error.line ?? 0, error.column ?? 0, bytes, error.message, where_)
      case (_, .failure(let syntax)):
        Issue.record("the reader's error \(syntax) came out as \(error.kind); \(where_)")
      case (.syntax, .success), (.invalidUTF8, .success):
        Issue.record("a syntax error for JSON the reader accepts: \(error); \(where_)")
      default:
        break
      }
      return 2
    }
  }

  /// The line and column name a place in `bytes`: a line it has, a column on that line or
  /// just past its end, counted in characters as the errors count them.
  private func expectInside(
    _ line: Int, _ column: Int, _ bytes: [UInt8], _ message: String, _ where_: String
  ) {
    var lengths = [0]
    for byte in bytes {
      if byte == 0x0A {
        lengths.append(0)
      } else if byte & 0xC0 != 0x80 {
        lengths[lengths.count - 1] += 1
      }
    }
    let inside =
      line >= 1 && line <= lengths.count && column >= 1 && column <= lengths[line - 1] + 1
    #expect(inside, "line \(line), column \(column) is outside the input: \(message); \(where_)")
  }

  // MARK: Inputs

  private static func input(_ generator: inout SeededGenerator) -> [UInt8] {
    switch Int.random(in: 0..<10, using: &generator) {
    case 0:
      return (0..<Int.random(in: 0...64, using: &generator)).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
    case 1:
      return (0..<Int.random(in: 0...24, using: &generator)).flatMap { _ in
        tokens.randomElement(using: &generator)!
      }
    default:
      var bytes = bases.randomElement(using: &generator)!
      for _ in 0..<Int.random(in: 1...3, using: &generator) { mutate(&bytes, &generator) }
      return bytes
    }
  }

  private static func mutate(_ bytes: inout [UInt8], _ generator: inout SeededGenerator) {
    let at = Int.random(in: 0...bytes.count, using: &generator)
    let inside = min(at, max(bytes.count - 1, 0))
    switch Int.random(in: 0..<6, using: &generator) {
    case 0 where !bytes.isEmpty:
      bytes[inside] ^= 1 << UInt8.random(in: 0...7, using: &generator)
    case 1 where !bytes.isEmpty:
      bytes[inside] = UInt8.random(in: 0...255, using: &generator)
    case 2:
      bytes.removeLast(bytes.count - at)
    case 3:
      let end = min(bytes.count, at + Int.random(in: 1...16, using: &generator))
      bytes.removeSubrange(at..<end)
    case 4:
      let end = min(bytes.count, at + Int.random(in: 1...64, using: &generator))
      let slice = bytes[at..<end]
      bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &generator))
    default:
      bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: at)
    }
  }

  private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.starts(with: [0xEF, 0xBB, 0xBF])
  }

  /// A `\uD…` escape (a surrogate half), which the fast path leaves to the exact one.
  private static func hasSurrogateEscape(_ bytes: [UInt8]) -> Bool {
    zip(bytes, zip(bytes.dropFirst(), bytes.dropFirst(2))).contains { first, rest in
      first == UInt8(ascii: "\\") && rest.0 == UInt8(ascii: "u")
        && rest.1 | 0x20 == UInt8(ascii: "d")
    }
  }

  /// The input for a failure message: its size and its first 300 bytes, escaped.
  private static func show(_ bytes: [UInt8]) -> String {
    let text = String(decoding: bytes.prefix(300), as: UTF8.self)
    return "\(bytes.count) bytes: \(TerminalText.escaped(text))" + (bytes.count > 300 ? "…" : "")
  }
}
