import Testing

@testable import MizzenCore

/// The direct writer and the fast decoder must agree with the tree-based exact paths.
@Suite struct CodecFastPathTests {
  static let workspaces: [Workspace] = {
    var variants = [StoreFixtures.acme, StoreFixtures.international, Workspace(name: "")]
    var mixed = StoreFixtures.international
    mixed.connections.append(StoreFixtures.acme.connections[0])
    mixed.identitySpaces += StoreFixtures.acme.identitySpaces
    mixed.properties += StoreFixtures.acme.properties
    mixed.topics += StoreFixtures.acme.topics
    mixed.identitySpaces[0].marketingPreference = false
    variants.append(mixed)
    return variants
  }()

  @Test(arguments: workspaces)
  func directWriterGivesTheTreeWritersBytes(workspace: Workspace) {
    #expect(
      WorkspaceCodec.encode(workspace) == JSONWriter.write(WorkspaceCodec.document(for: workspace)))
  }

  @Test(arguments: workspaces)
  func fastDecoderAgreesWithTheExactDecoder(workspace: Workspace) throws {
    let bytes = WorkspaceCodec.encode(workspace)
    let fast = try #require(WorkspaceFastDecoder.decode(bytes))
    #expect(fast == workspace)
    #expect(try WorkspaceCodec.decodeDocument(bytes).workspace == fast)
  }

  @Test(arguments: [
    #"{"format":"mizzen.workspace","version":1,"name":"A\nB\t\"q\"\\/\u00e9\u00E9"}"#,
    #"{"version":1,"format":"mizzen.workspace","topics":[{"channels":[{}]}],"identitySpaces":[{"marketingPreference":false}]}"#,
    #"  {"format":"mizzen.workspace","version":1,"connections":[{"apiKey":{"value":"fake"}}]}  "#,
  ])
  func handWrittenFilesDecodeTheSameBothWays(text: String) throws {
    let bytes = Array(text.utf8)
    let fast = try #require(WorkspaceFastDecoder.decode(bytes))
    #expect(try WorkspaceCodec.decodeDocument(bytes).workspace == fast)
  }

  /// Bytes that are not UTF-8, in every kind of string the fast path makes and between
  /// tokens: it gives up (the exact path then names the line and column), since no pass
  /// over the whole file checks the encoding first.
  @Test(arguments: [
    [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
  ])
  func badUTF8IsLeftToTheExactPath(bad: [UInt8]) {
    let id = Array("fbc3506c-26a5-4f35-b8f0-ed382da4f2d".utf8)
    let places: [(String, String)] = [
      (#"{"format":"mizzen.workspace","version":1,"name":"a"#, #"b"}"#),
      (#"{"format":"mizzen.workspace","version":1,"name":"a\n"#, #"\t"}"#),
      (#"{"format":"mizzen.workspace","version":1,"topics":[{"code":""#, #""}]}"#),
      (
        #"{"format":"mizzen.workspace","version":1,"topics":[{"channels":[{"subscriptionGroupId":""#
          + String(decoding: id, as: UTF8.self), #""}]}]}"#
      ),
      (
        #"{"format":"mizzen.workspace","version":1,"topics":[{"channels":[{"subscriptionGroupId":"g"#,
        #""}]}]}"#
      ),
      (#"{"format":"mizzen.workspace","version":1,"name":"a"}"#, ""),
      (#"{"format":"mizzen.workspace","version":1,"#, #""name":"a"}"#),
    ]
    for (before, after) in places {
      let bytes = Array(before.utf8) + bad + Array(after.utf8)
      #expect(WorkspaceFastDecoder.decode(bytes) == nil, "\(before) \(bad) \(after)")
      do {
        _ = try WorkspaceCodec.decodeDocument(bytes)
        Issue.record("the exact path read bad UTF-8: \(bad)")
      } catch {
        #expect("\(error)".contains("is not valid UTF-8"), "\(error)")
      }
    }
  }

  /// Keys near a known one — one byte longer or shorter, a byte changed in the first eight
  /// or after them — are unknown keys: the fast path, which matches keys where they stand,
  /// gives up on each of them, and reads each known key.
  @Test func keysAreMatchedExactly() throws {
    for key in WorkspaceShape.channel.known {
      let value = key == "doubleOptIn" || key == "updateExistingOnly" ? "true" : #""x""#
      func file(_ key: String) -> [UInt8] {
        Array(
          (#"{"format":"mizzen.workspace","version":1,"topics":[{"channels":[{""# + key + #"":"#
            + value + "}]}]}").utf8)
      }
      let decoded = try #require(WorkspaceFastDecoder.decode(file(key)), "\(key)")
      #expect(try WorkspaceCodec.decodeDocument(file(key)).workspace == decoded)
      var near = [key + "x", String(key.dropLast()), "x" + key, key.uppercased()]
      for offset in [0, 7, 8, key.utf8.count - 1] where offset < key.utf8.count {
        var bytes = Array(key.utf8)
        bytes[offset] ^= 0x01
        near.append(String(decoding: bytes, as: UTF8.self))
      }
      for other in near where !WorkspaceShape.channel.known.contains(other) {
        #expect(WorkspaceFastDecoder.decode(file(other)) == nil, "\(other)")
      }
    }
  }

  /// Runs of every kind of JSON white space, of every length up to 20, between every pair
  /// of tokens: read eight bytes at a time, they decode as the exact path decodes them. A
  /// byte that only looks like white space (vertical tab, form feed, NBSP) makes it give up.
  @Test func whiteSpaceRunsOfEveryLength() throws {
    let kinds: [[UInt8]] = [[0x20], [0x0A], [0x09], [0x0D], [0x0D, 0x0A, 0x20, 0x09]]
    for kind in kinds {
      for length in 0...20 {
        let gap = String(decoding: (0..<length).map { kind[$0 % kind.count] }, as: UTF8.self)
        let text = [
          "{", #""format""#, ":", #""mizzen.workspace""#, ",", #""version""#, ":", "1",
          ",", #""topics""#, ":", "[", "{", #""code""#, ":", #""a""#, "}", "]", "}",
        ]
        .joined(separator: gap)
        let bytes = Array((gap + text + gap).utf8)
        let fast = try #require(WorkspaceFastDecoder.decode(bytes), "\(kind) × \(length)")
        #expect(try WorkspaceCodec.decodeDocument(bytes).workspace == fast)
        #expect(fast.topics.first?.code == "a")
      }
    }
    for odd: UInt8 in [0x0B, 0x0C, 0x1F, 0x00, 0x85, 0xA0] {
      for length in [0, 3, 7, 8, 9, 15] {
        let gap = String(repeating: " ", count: length)
        var bytes = Array((#"{"format":"mizzen.workspace","#).utf8) + Array(gap.utf8)
        bytes += [odd] + Array(#""version":1}"#.utf8)
        #expect(WorkspaceFastDecoder.decode(bytes) == nil, "\(odd) after \(length) spaces")
      }
    }
  }

  /// Text outside ASCII at every position of a string (the scan checks UTF-8 only there):
  /// valid text decodes as the exact path decodes it, bad bytes make the fast path give up.
  @Test func nonASCIIAtEveryPositionOfAString() throws {
    for before in 0...20 {
      for (inserted, valid) in [("é", true), ("ニ", true), ("👩‍💻", true), ("\u{FFFD}", true)] {
        let name = String(repeating: "a", count: before) + inserted + "b"
        let bytes =
          Array(#"{"format":"mizzen.workspace","version":1,"name":""#.utf8)
          + Array(name.utf8) + Array(#""}"#.utf8)
        let fast = try #require(WorkspaceFastDecoder.decode(bytes))
        #expect(valid && fast.name == name)
      }
      for bad: [UInt8] in [[0xFF], [0xC3], [0xED, 0xA0, 0x80]] {
        let bytes =
          Array(#"{"format":"mizzen.workspace","version":1,"name":""#.utf8)
          + [UInt8](repeating: 0x61, count: before) + bad + Array(#"b"}"#.utf8)
        #expect(WorkspaceFastDecoder.decode(bytes) == nil, "\(bad) after \(before)")
      }
    }
  }

  @Test(arguments: [
    #"{"format":"mizzen.workspace","version":1,"owner":"ops"}"#,
    #"{"format":"mizzen.workspace","version":1,"name":"a","name":"b"}"#,
    #"{"format":"mizzen.workspace","version":1,"name":"\ud83c\udf89"}"#,
    #"{"format":"mizzen.workspace","version":2}"#,
    #"{"format":"mizzen.workspace","version":1.0}"#,
    #"{"format":"mizzen.workspace","version":01}"#,
    #"{"format":"mizzen.workspace"}"#,
    #"{"format":"mizzen.workspace","version":1,"connections":[{"apiKey":{"env":"A","value":"B"}}]}"#,
    #"{"format":"mizzen.workspace","version":1,"connections":[{"code":"c"}]}"#,
    #"{"format":"mizzen.workspace","version":1,"name":null}"#,
    #"{"format":"mizzen.workspace","version":1} x"#,
    #"{"format":"mizzen.workspace","version":1,}"#,
    "\u{FEFF}{\"format\":\"mizzen.workspace\",\"version\":1}",
    "{\"format\":\"mizzen.workspace\",\"version\":1,\"name\":\"\\u00\u{11}9\"}",
  ])
  func anythingUnusualIsLeftToTheExactPath(text: String) {
    #expect(WorkspaceFastDecoder.decode(Array(text.utf8)) == nil)
  }

  @Test(arguments: StoreBadFileTests.corpus)
  func badFilesAreLeftToTheExactPath(bad: StoreBadFileTests.BadFile) {
    #expect(WorkspaceFastDecoder.decode(bad.bytes) == nil)
  }
}
