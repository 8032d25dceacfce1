import MizzenCore
import Testing

/// Reference keeping is workspace logic: it runs without the console, and tells any list
/// kept in step with the records what it removed.
@Suite struct ReferencesTests {
  /// A list of names beside the topics and their channels.
  struct Names: ParallelRecords, Equatable {
    var topics: [String]
    var channels: [[String]]

    mutating func removeRecord(at position: RecordPosition) {
      switch position {
      case .topic(let index):
        topics.remove(at: index)
        channels.remove(at: index)
      case .channel(let topic, let index): channels[topic].remove(at: index)
      default: break
      }
    }

    mutating func keepChannels(ofTopic topic: Int, _ kept: [Int]) {
      channels[topic] = kept.map { channels[topic][$0] }
    }

    mutating func keepCaptures(ofProperty property: Int, _ kept: [Int]) {}
  }

  static let workspace = Workspace(
    name: "W",
    connections: [
      Connection(
        code: "us", name: "US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("K"), identityMapping: []),
      Connection(
        code: "eu", name: "EU", endpoint: "https://rest.fra-01.braze.eu",
        apiKey: .environment("K"), identityMapping: []),
    ],
    topics: [
      Topic(
        code: "news", name: "News",
        channels: [
          TopicChannel(channel: "email", connection: "us", subscriptionGroupId: "g1"),
          TopicChannel(channel: "sms", connection: "eu", subscriptionGroupId: "g2"),
        ])
    ])

  @Test func deletingAConnectionRemovesItsChannelsAndTellsTheParallelList() {
    let names = Names(topics: ["news"], channels: [["news/email", "news/sms"]])
    let (result, kept, cascade) = References.deleting(
      .connection(0), from: Self.workspace, names)
    #expect(result.connections.map(\.code) == ["eu"])
    #expect(result.topics[0].channels.map(\.channel) == ["sms"])
    #expect(kept.channels == [["news/sms"]])
    #expect(cascade == References.Cascade(count: 1, note: "its 1 channel removed with it"))
  }

  @Test func renamingAConnectionRenamesItsChannels() {
    var after = Self.workspace
    after.connections[0].code = "us2"
    let cascade = References.renameConnection(0, to: "us2", before: Self.workspace, in: &after)
    #expect(after.topics[0].channels.map(\.connection) == ["us2", "eu"])
    #expect(cascade.count == 1)
    #expect(References.users(of: .connection(1), in: Self.workspace) == ["topic news, channel sms"])
  }
}
