import Foundation
import Testing

@testable import MizzenCore

/// The SPEC §8 channel options (`doubleOptIn`, `updateExistingOnly`) through every path
/// that spells out the format: both decoders, both writers, the shape and the schema.
@Suite struct ChannelOptionsCodecTests {
  static let workspace: Workspace = {
    var workspace = StoreFixtures.acme
    workspace.topics[0].channels = [
      TopicChannel(
        kind: .sms, connection: workspace.connections[0].code,
        subscriptionGroupId: "2a7d9c1e-4b3f-4e8a-9d6c-1f0e2b3a4c5d", doubleOptIn: true),
      TopicChannel(
        kind: .push, connection: workspace.connections[0].code, updateExistingOnly: true),
    ]
    return workspace
  }()

  @Test func bothWritersAndBothDecodersCarryTheOptions() throws {
    let bytes = WorkspaceCodec.encode(Self.workspace)
    #expect(bytes == JSONWriter.write(WorkspaceCodec.document(for: Self.workspace)))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains(#""doubleOptIn": true,"#))
    #expect(text.contains(#""updateExistingOnly": true"#))
    let fast = try #require(WorkspaceFastDecoder.decode(bytes))
    #expect(fast == Self.workspace)
    #expect(try WorkspaceCodec.decodeDocument(bytes).workspace == Self.workspace)
    #expect(try WorkspaceCodec.decodeDocument(bytes).unknownKeys.isEmpty)
  }

  @Test func falseOptionsAreNotWrittenAndReadAsFalse() throws {
    var workspace = Self.workspace
    workspace.topics[0].channels[0].doubleOptIn = false
    workspace.topics[0].channels[1].updateExistingOnly = false
    let text = String(decoding: WorkspaceCodec.encode(workspace), as: UTF8.self)
    #expect(!text.contains("doubleOptIn") && !text.contains("updateExistingOnly"))
    let written = #"""
      {"format":"mizzen.workspace","version":1,"topics":[{"code":"t","name":"T","channels":[
      {"channel":"sms","connection":"c","doubleOptIn":false,"updateExistingOnly":false}]}]}
      """#
    let bytes = Array(written.utf8)
    let fast = try #require(WorkspaceFastDecoder.decode(bytes))
    #expect(try WorkspaceCodec.decodeDocument(bytes).workspace == fast)
    #expect(fast.topics[0].channels[0].doubleOptIn == false)
  }

  @Test func aNonBooleanOptionIsRefusedWithItsPath() {
    let text = #"""
      {"format":"mizzen.workspace","version":1,"topics":[{"channels":[{"doubleOptIn":"yes"}]}]}
      """#
    #expect(WorkspaceFastDecoder.decode(Array(text.utf8)) == nil)
    #expect(throws: WorkspaceCodecError.self) { try WorkspaceCodec.decode(Array(text.utf8)) }
    do {
      _ = try WorkspaceCodec.decode(Array(text.utf8))
    } catch {
      #expect(error.message.contains("topics[0].channels[0].doubleOptIn"))
    }
  }

  @Test func theShapeAndTheSchemaKnowTheOptions() throws {
    #expect(WorkspaceShape.channel.knows("doubleOptIn"))
    #expect(WorkspaceShape.channel.knows("updateExistingOnly"))
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(WorkspaceSchema.text.utf8)) as? [String: Any])
    let defs = schema["$defs"] as? [String: Any]
    let channel = defs?["topicChannel"] as? [String: Any]
    let properties = channel?["properties"] as? [String: Any]
    #expect(properties?["doubleOptIn"] != nil)
    #expect(properties?["updateExistingOnly"] != nil)
  }
}
