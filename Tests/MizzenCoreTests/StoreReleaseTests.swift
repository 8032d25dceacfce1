import Foundation
import Testing

@testable import MizzenCore

/// Loading a large file hands the pages of the topics already decoded back to the system,
/// so that the file and the model it becomes are not both held in full; what is loaded
/// stays the same, also when the fast path gives up late and the file is read again.
@Suite struct StoreReleaseTests {
  /// Acme with `count` topics: several megabytes once written.
  static func large(_ count: Int) -> Workspace {
    var workspace = StoreFixtures.acme
    let template = workspace.topics[0]
    workspace.topics = (0..<count).map { number in
      var topic = template
      topic.code = "topic_\(number)"
      topic.name = "Topic \(number)"
      topic.description = "Generated topic number \(number)"
      return topic
    }
    return workspace
  }

  @Test func theDecodedTopicsArePagedOutAndTheWorkspaceIsTheSame() {
    let workspace = Self.large(20_000)
    var bytes = WorkspaceCodec.encode(workspace)
    #expect(bytes.count > 4 * ConsumedPages.step)
    let decoded = WorkspaceFastDecoder.decode(releasing: &bytes, from: ConsumedPages.step)
    #expect(decoded.workspace == workspace)
    #expect(decoded.released)
    // The first megabyte reads as zeros now: its pages went back to the system.
    let early = bytes[8192..<(ConsumedPages.step - 8192)]
    #expect(early.allSatisfy { $0 == 0 })
  }

  /// A file below `ConsumedPages.smallestReleased` keeps its buffer whole: its pages would
  /// only be faulted in again by the next allocations.
  @Test func aSmallerBufferIsKeptWhole() {
    var bytes = WorkspaceCodec.encode(Self.large(20_000))
    #expect(bytes.count < ConsumedPages.smallestReleased)
    let copy = bytes
    let decoded = WorkspaceFastDecoder.decode(releasing: &bytes)
    #expect(decoded.workspace != nil)
    #expect(!decoded.released)
    #expect(bytes == copy)
  }

  @Test func aSurpriseInTheLastTopicIsReadAgainByTheExactPath() throws {
    let workspace = Self.large(20_000)
    var text = String(decoding: WorkspaceCodec.encode(workspace), as: UTF8.self)
    let last = try #require(text.range(of: #""code": "topic_19999""#))
    text.insert(contentsOf: #""owner": "ops", "#, at: last.lowerBound)
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", Array(text.utf8))

    let store = WorkspaceStore(path: path, saveLimit: WorkspaceStore.maxFileSize, releaseFrom: 0)
    let loaded = try store.load()
    #expect(loaded.workspace == workspace)
    #expect(loaded.unknownKeys.count == 1)
    #expect(loaded.unknownKeys.first?.hasSuffix("owner") == true, "\(loaded.unknownKeys)")
    #expect(loaded.revision == FileRevision(bytes: Array(text.utf8)))
    // A save based on it keeps the unknown key, so the exact path had the whole file.
    try WorkspaceStore(path: path).save(workspace, expecting: loaded.revision)
    let saved = String(decoding: try folder.read("mizzen.json"), as: UTF8.self)
    #expect(saved.contains(#""owner": "ops""#))
  }
}
