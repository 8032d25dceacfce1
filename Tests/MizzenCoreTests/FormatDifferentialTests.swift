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

  @Test(.timeLimit(.minutes(1)), arguments: 0..<slices)
  func bothWritersAndBothDecodersAgreeOnRandomWorkspaces(slice: Int) throws {
    var fastAccepted = 0
    var unknownTotal = 0
    for index in slice * Self.casesPerSlice..<(slice + 1) * Self.casesPerSlice {
      var random = SeededGenerator(seed: Self.seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
      let workspace = WorkspaceGenerator.workspace(&random)
      let place = "seed \(String(Self.seed, radix: 16)), case \(index)"
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

/// Random workspaces: mostly small, a few large; text with escapes, controls and every
/// script; the optional channel flags set at random.
enum WorkspaceGenerator {
  static let pieces: [String] = [
    "a", "Z", "news", "_", "0", "9", " ", "\"", "\\", "/", "\n", "\t", "\r\n", "\u{0}", "\u{1}",
    "\u{1B}", "\u{1F}", "\u{7F}", "é", "e\u{301}", "ß", "日本", "Ω", "\u{2028}", "🎉",
    "👩‍👩‍👧", "🇫🇷", "\u{FEFF}", "\u{FFFD}", "𝄞",
  ]

  static func text(_ random: inout SeededGenerator) -> String {
    let count =
      Int.random(in: 0..<400, using: &random) == 0
      ? Int.random(in: 50...200, using: &random) : Int.random(in: 0...3, using: &random)
    return (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
  }

  static func count(_ random: inout SeededGenerator, large: Bool) -> Int {
    large
      ? Int.random(in: 20...60, using: &random)
      : Int.random(in: 0...1, using: &random) + Int.random(in: 0...1, using: &random)
  }

  static func workspace(_ random: inout SeededGenerator) -> Workspace {
    let large = Int.random(in: 0..<1000, using: &random) == 0
    func list<T>(_ make: (inout SeededGenerator) -> T) -> [T] {
      (0..<count(&random, large: large)).map { _ in make(&random) }
    }
    return Workspace(
      name: text(&random),
      connections: list { random in
        Connection(
          code: text(&random), name: text(&random), endpoint: text(&random),
          apiKey: Bool.random(using: &random)
            ? .environment(text(&random)) : .inline(text(&random)),
          identityMapping: (0..<Int.random(in: 0...2, using: &random)).map { _ in
            IdentityMapping(identitySpace: text(&random), brazeField: text(&random))
          })
      },
      identitySpaces: list { random in
        IdentitySpace(
          code: text(&random), name: text(&random), valueType: text(&random),
          marketingPreference: Bool.random(using: &random))
      },
      properties: list { random in
        Property(
          code: text(&random), name: text(&random), platform: text(&random),
          identities: (0..<Int.random(in: 0...2, using: &random)).map { _ in
            IdentityCapture(
              identitySpace: text(&random), type: text(&random), variable: text(&random),
              format: text(&random), key: text(&random), encoding: text(&random))
          })
      },
      topics: list { random in
        Topic(
          code: text(&random), name: text(&random), description: text(&random),
          legalBasis: text(&random),
          channels: (0..<Int.random(in: 0...3, using: &random)).map { _ in
            TopicChannel(
              channel: text(&random), connection: text(&random),
              subscriptionGroupId: text(&random), doubleOptIn: Bool.random(using: &random),
              updateExistingOnly: Bool.random(using: &random))
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

  init(random: SeededGenerator) {
    self.random = random
    addsUnknownKeys = Int.random(in: 0..<3, using: &self.random) == 0
    mayUseSurrogates = Int.random(in: 0..<3, using: &self.random) == 0
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
      for (index, element) in elements.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        space()
        write(element)
        space()
      }
      out.append(UInt8(ascii: "]"))
    case .object(var members):
      var unknownAt: Int?
      if addsUnknownKeys, !inUnknownValue, Int.random(in: 0..<8, using: &random) == 0 {
        unknownKeys += 1
        let extra: [JSONValue] = [
          .string("x"), .integer(-3), .double(2.5), .null, .bool(false), .array([.integer(1)]),
          .object([JSONMember("name", .string("nested"))]),
        ]
        members.append(
          JSONMember("x-" + WorkspaceGenerator.text(&random), extra.randomElement(using: &random)!))
        unknownAt = members.count - 1
      }
      var order = Array(members.indices)
      order.shuffle(using: &random)
      out.append(UInt8(ascii: "{"))
      for (position, index) in order.enumerated() {
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
    let choices = ["", "", "", " ", "\n  ", "\t", "\r\n"]
    out.append(contentsOf: choices.randomElement(using: &random)!.utf8)
  }

  private mutating func string(_ text: String) {
    out.append(UInt8(ascii: "\""))
    for scalar in text.unicodeScalars {
      let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
      if !mustEscape && Int.random(in: 0..<6, using: &random) != 0 {
        out.append(contentsOf: String(scalar).utf8)
        continue
      }
      switch (scalar, Int.random(in: 0..<2, using: &random)) {
      case ("\"", 0): out.append(contentsOf: #"\""#.utf8)
      case ("\\", 0): out.append(contentsOf: #"\\"#.utf8)
      case ("/", 0): out.append(contentsOf: #"\/"#.utf8)
      case ("\n", 0): out.append(contentsOf: #"\n"#.utf8)
      case ("\t", 0): out.append(contentsOf: #"\t"#.utf8)
      default:
        if scalar.value > 0xFFFF && !mayUseSurrogates {
          out.append(contentsOf: String(scalar).utf8)
        } else if scalar.value > 0xFFFF {
          usedSurrogates = true
          let offset = scalar.value - 0x10000
          hex(0xD800 + (offset >> 10))
          hex(0xDC00 + (offset & 0x3FF))
        } else {
          hex(scalar.value)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private mutating func hex(_ value: UInt32) {
    let digits = String(value, radix: 16)
    let padded = String(repeating: "0", count: 4 - digits.count) + digits
    out.append(
      contentsOf: ("\\u" + (Bool.random(using: &random) ? padded : padded.uppercased())).utf8)
  }
}
