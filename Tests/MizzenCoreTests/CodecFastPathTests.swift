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
