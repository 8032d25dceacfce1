import Testing

@testable import MizzenConsole

@Suite("Search keys in one buffer")
struct SearchKeyListTests {
  static let keys = ["weekly news", "", "ニュース 99", "news", "café news", "a"]

  /// The buffer finds exactly the keys a search of each string finds, with and without a
  /// narrowing set, and keeps each key's text.
  @Test(arguments: ["news", "ニュース", "a", "99", "weekly news", "x", "s"])
  func findsWhatEachKeyHolds(_ needle: String) {
    let list = SearchKeyList(Self.keys)
    let expected = Self.keys.indices.filter { Self.keys[$0].contains(needle) }
    #expect(list.indices(containing: Array(needle.utf8), within: nil) == expected)
    #expect(
      list.indices(containing: Array(needle.utf8), within: [0, 3, 4])
        == expected.filter { [0, 3, 4].contains($0) })
    #expect(Self.keys.indices.map(list.key) == Self.keys)
  }

  /// Keys taken one by one from another list (History puts the sends' keys between the
  /// runs' this way) keep their text, in the order taken.
  @Test func keysTakenFromAnotherListKeepTheirText() {
    let all = SearchKeyList(Self.keys)
    var picked = SearchKeyList()
    for index in [4, 1, 0, 3] { picked.append(index, of: all) }
    #expect(picked == SearchKeyList([Self.keys[4], Self.keys[1], Self.keys[0], Self.keys[3]]))
    #expect(picked.indices(containing: Array("news".utf8), within: nil) == [0, 2, 3])
  }

  /// A topic's key is its parts folded and joined by spaces, as the filter has always
  /// searched them.
  @Test func aTopicsKeyIsItsPartsFoldedAndJoined() {
    let workspace = Fixtures.workspace
    let list = SectionLists.searchKeys(.topics, workspace)
    for (index, topic) in workspace.topics.enumerated() {
      let parts =
        [topic.code, topic.name, topic.legalBasis]
        + topic.channels.flatMap { [$0.channel, $0.connection, $0.subscriptionGroupId] }
      #expect(list.key(index) == SearchKey.folded(parts.joined(separator: " ")))
    }
  }
}
