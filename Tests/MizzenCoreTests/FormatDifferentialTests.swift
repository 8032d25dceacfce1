import Foundation
import MizzenTestSupport
import Testing

@testable import MizzenCore

/// Seeded random workspaces through both writers and both decoders: the writers give the
/// same bytes, both decoders give back the workspace, and a file re-spelt at random (key
/// order, white space, `\u` escapes, surrogate pairs, unknown keys) decodes exactly to the
/// same workspace, by the fast path whenever it has nothing to give up on.
///
/// Deterministic: case `n` comes from a generator seeded by `seed` and `n`, and a failure
/// names both. `MIZZEN_FUZZ_SEED=<hex>` runs another series.
@Suite struct FormatDifferentialTests {
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["MIZZEN_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) }
    ?? 0x5EED_F0A7
  /// 10,000 cases in all, in ten slices of 1,000: slices run side by side, and each one's
  /// time limit (a guard against a hang) holds on a loaded machine.
  static let slices = 10
  static let casesPerSlice = 1_000

  @Test(.hangGuard, arguments: 0..<slices)
  func bothWritersAndBothDecodersAgreeOnRandomWorkspaces(slice: Int) throws {
    var fastAccepted = 0
    var unknownTotal = 0
    for index in slice * Self.casesPerSlice..<(slice + 1) * Self.casesPerSlice {
      var random = SeededGenerator(seed: Self.seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
      let workspace = WorkspaceGenerator.workspace(&random)
      // Made only when a check fails: comments are autoclosures.
      var place: String { "seed \(String(Self.seed, radix: 16)), case \(index)" }
      let written = WorkspaceWriter.write(workspace)
      let document = WorkspaceCodec.document(for: workspace)
      guard written == JSONWriter.write(document) else {
        Issue.record("the writers write different bytes; \(place)")
        continue
      }
      #expect(WorkspaceFastDecoder.decode(written) == workspace, "fast path, plain file; \(place)")
      let plain = try WorkspaceCodec.decodeDocument(written)
      #expect(plain.workspace == workspace && plain.unknownKeys.isEmpty, "exact path; \(place)")

      var speller = Speller(random: random)
      let respelt = speller.spell(document)
      let exact = try WorkspaceCodec.decodeDocument(respelt)
      #expect(exact.workspace == workspace, "exact path, re-spelt file; \(place)")
      #expect(exact.unknownKeys.count == speller.unknownKeys, "unknown keys listed; \(place)")
      let fast = WorkspaceFastDecoder.decode(respelt)
      if speller.unknownKeys == 0 && !speller.usedSurrogates {
        #expect(fast == workspace, "fast path, re-spelt file; \(place)")
        fastAccepted += 1
      } else {
        #expect(fast == nil, "the fast path decoded what it must leave to the exact one; \(place)")
      }
      unknownTotal += speller.unknownKeys
    }
    // Both branches are exercised, or the generator stopped covering them.
    #expect(fastAccepted > Self.casesPerSlice / 10 && fastAccepted < Self.casesPerSlice * 9 / 10)
    #expect(unknownTotal > Self.casesPerSlice / 10)
  }
}

extension FormatDifferentialTests {
  /// The cases are drawn with `SeededGenerator`'s own spelling of the standard draws: they
  /// must take the same values, or a recorded seed would no longer replay its case.
  @Test func theDrawsAreTheStandardLibrarysOwn() {
    var ours = SeededGenerator(seed: Self.seed)
    var standard = SeededGenerator(seed: Self.seed)
    for round in 0..<5_000 {
      let bound = [1, 2, 3, 6, 7, 8, 30, 400, 1000, Int.max][round % 10]
      #expect(ours.below(bound) == Int.random(in: 0..<bound, using: &standard))
      #expect(ours.int(in: 50...200) == Int.random(in: 50...200, using: &standard))
      #expect(ours.bool() == Bool.random(using: &standard))
      let pieces = WorkspaceGenerator.pieces
      #expect(ours.element(of: pieces) == pieces.randomElement(using: &standard))
      var (left, right) = (Array(0..<(round % 9)), Array(0..<(round % 9)))
      ours.shuffle(&left)
      right.shuffle(using: &standard)
      #expect(left == right)
    }
  }
}

/// Random workspaces: mostly small, a few large; text with escapes, controls and every
/// script; the optional channel flags set at random. Draws with `SeededGenerator`'s own
/// spelling of the standard draws (the same values, at a fraction of a debug build's cost).
enum WorkspaceGenerator {
  static let pieces: [String] = [
    "a", "Z", "news", "_", "0", "9", " ", "\"", "\\", "/", "\n", "\t", "\r\n", "\u{0}", "\u{1}",
    "\u{1B}", "\u{1F}", "\u{7F}", "é", "e\u{301}", "ß", "日本", "Ω", "\u{2028}", "🎉",
    "👩‍👩‍👧", "🇫🇷", "\u{FEFF}", "\u{FFFD}", "𝄞",
  ]

  static func text(_ random: inout SeededGenerator) -> String {
    let count = random.below(400) == 0 ? random.int(in: 50...200) : random.int(in: 0...3)
    var text = ""
    for _ in 0..<count { text += random.element(of: pieces) }
    return text
  }

  static func count(_ random: inout SeededGenerator, large: Bool) -> Int {
    large ? random.int(in: 20...60) : random.int(in: 0...1) + random.int(in: 0...1)
  }

  static func workspace(_ random: inout SeededGenerator) -> Workspace {
    let large = random.below(1000) == 0
    func list<T>(_ make: (inout SeededGenerator) -> T) -> [T] {
      var made: [T] = []
      for _ in 0..<count(&random, large: large) { made.append(make(&random)) }
      return made
    }
    return Workspace(
      name: text(&random),
      connections: list { random in
        Connection(
          code: text(&random), name: text(&random), endpoint: text(&random),
          apiKey: random.bool() ? .environment(text(&random)) : .inline(text(&random)),
          identityMapping: (0..<random.int(in: 0...2)).map { _ in
            IdentityMapping(identitySpace: text(&random), brazeField: text(&random))
          })
      },
      identitySpaces: list { random in
        IdentitySpace(
          code: text(&random), name: text(&random), valueType: text(&random),
          marketingPreference: random.bool())
      },
      properties: list { random in
        Property(
          code: text(&random), name: text(&random), platform: text(&random),
          identities: (0..<random.int(in: 0...2)).map { _ in
            IdentityCapture(
              identitySpace: text(&random), type: text(&random), variable: text(&random),
              format: text(&random), key: text(&random), encoding: text(&random))
          })
      },
      topics: list { random in
        Topic(
          code: text(&random), name: text(&random), description: text(&random),
          legalBasis: text(&random),
          channels: (0..<random.int(in: 0...3)).map { _ in
            TopicChannel(
              channel: text(&random), connection: text(&random),
              subscriptionGroupId: text(&random), doubleOptIn: random.bool(),
              updateExistingOnly: random.bool())
          })
      })
  }
}

/// Writes a JSON tree the way a person or another tool might: members in any order, any
/// white space, characters escaped at random, and now and then a key the format lacks.
struct Speller {
  var random: SeededGenerator
  private(set) var unknownKeys = 0
  private(set) var usedSurrogates = false
  private var out: [UInt8] = []
  /// Chosen per file, so that many files keep to what the fast path takes.
  private let addsUnknownKeys: Bool
  private let mayUseSurrogates: Bool
  private var inUnknownValue = false

  private static let spaces: [[UInt8]] = ["", "", "", " ", "\n  ", "\t", "\r\n"].map {
    Array($0.utf8)
  }
  private static let hexDigits = Array("0123456789abcdef".utf8)
  private static let upperHexDigits = Array("0123456789ABCDEF".utf8)

  init(random: SeededGenerator) {
    self.random = random
    addsUnknownKeys = self.random.below(3) == 0
    mayUseSurrogates = self.random.below(3) == 0
  }

  mutating func spell(_ value: JSONValue) -> [UInt8] {
    out = []
    space()
    write(value)
    space()
    return out
  }

  private mutating func write(_ value: JSONValue) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let number): out.append(contentsOf: String(number).utf8)
    case .double(let number): out.append(contentsOf: String(number).utf8)
    case .string(let text): string(text)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for index in elements.indices {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        space()
        write(elements[index])
        space()
      }
      out.append(UInt8(ascii: "]"))
    case .object(var members):
      var unknownAt: Int?
      if addsUnknownKeys, !inUnknownValue, random.below(8) == 0 {
        unknownKeys += 1
        let extra: [JSONValue] = [
          .string("x"), .integer(-3), .double(2.5), .null, .bool(false), .array([.integer(1)]),
          .object([JSONMember("name", .string("nested"))]),
        ]
        members.append(
          JSONMember("x-" + WorkspaceGenerator.text(&random), random.element(of: extra)))
        unknownAt = members.count - 1
      }
      var order: [Int] = []
      order.reserveCapacity(members.count)
      for index in members.indices { order.append(index) }
      random.shuffle(&order)
      out.append(UInt8(ascii: "{"))
      for position in order.indices {
        let index = order[position]
        if position > 0 { out.append(UInt8(ascii: ",")) }
        space()
        string(members[index].key)
        space()
        out.append(UInt8(ascii: ":"))
        space()
        // What an unknown key holds is not the format's: no unknown keys inside it.
        inUnknownValue = index == unknownAt
        write(members[index].value)
        inUnknownValue = false
        space()
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private mutating func space() {
    let choice = Self.spaces[random.below(Self.spaces.count)]
    for index in choice.indices { out.append(choice[index]) }
  }

  /// Byte by byte: a debug build's `+=` of an array costs more than the bytes.
  private mutating func put(_ first: UInt8, _ second: UInt8) {
    out.append(first)
    out.append(second)
  }

  private mutating func string(_ text: String) {
    out.append(UInt8(ascii: "\""))
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let mustEscape = value < 0x20 || value == 0x22 || value == 0x5C
      if !mustEscape && random.below(6) != 0 {
        utf8(value)
        continue
      }
      let plain = random.below(2) == 0
      switch value {
      case 0x22 where plain: put(0x5C, 0x22)  // \"
      case 0x5C where plain: put(0x5C, 0x5C)  // \\
      case 0x2F where plain: put(0x5C, 0x2F)  // \/
      case 0x0A where plain: put(0x5C, UInt8(ascii: "n"))
      case 0x09 where plain: put(0x5C, UInt8(ascii: "t"))
      default:
        if value > 0xFFFF && !mayUseSurrogates {
          utf8(value)
        } else if value > 0xFFFF {
          usedSurrogates = true
          let offset = value - 0x10000
          hex(0xD800 + (offset >> 10))
          hex(0xDC00 + (offset & 0x3FF))
        } else {
          hex(value)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// The UTF-8 bytes of a scalar's value.
  private mutating func utf8(_ value: UInt32) {
    switch value {
    case ..<0x80:
      out.append(UInt8(value))
    case ..<0x800:
      put(UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      put(UInt8(0xE0 | value >> 12), UInt8(0x80 | (value >> 6) & 0x3F))
      out.append(UInt8(0x80 | value & 0x3F))
    default:
      put(UInt8(0xF0 | value >> 18), UInt8(0x80 | (value >> 12) & 0x3F))
      put(UInt8(0x80 | (value >> 6) & 0x3F), UInt8(0x80 | value & 0x3F))
    }
  }

  /// `\u` and four hex digits, lower or upper case at random.
  private mutating func hex(_ value: UInt32) {
    let digits = random.bool() ? Self.hexDigits : Self.upperHexDigits
    put(0x5C, UInt8(ascii: "u"))
    put(digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)])
    put(digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)])
  }
}
