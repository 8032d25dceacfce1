import MizzenTestSupport
import Testing

@testable import MizzenCore

@Suite("The validation index's slot table")
struct SlotTableTests {
  /// Inserts and removals in a random order, with many tag collisions, against a plain
  /// dictionary: every key stays findable after the entries around it move back.
  @Test func agreesWithADictionaryThroughInsertsAndRemovals() {
    var generator = SeededGenerator(seed: 15)
    var table = SlotTable(expected: 8)
    var model: [UInt64: UInt32] = [:]
    // Few distinct tags, so that runs are long and removals shift entries.
    let tag = { (value: UInt64) -> UInt32 in 0x8000_0000 | UInt32(value % 37) }
    for step in 0..<5_000 {
      let value = generator.next() % 400
      if model[value] != nil, generator.next() % 2 == 0 {
        guard table.remove(tag(value), where: { $0 == value }) else {
          Issue.record("\(value) not removed at step \(step)")
          return
        }
        model[value] = nil
      } else if model[value] == nil {
        // Half the inserts through `firstOrInsert`, which must find nothing and add it.
        if generator.next() % 2 == 0 {
          table.insert(value, tag: tag(value))
        } else if let found = table.firstOrInsert(value, tag: tag(value), where: { $0 == value }) {
          Issue.record("\(found) found before \(value) was added, at step \(step)")
        }
        model[value] = tag(value)
      } else {
        // Present: `firstOrInsert` finds it and adds nothing.
        #expect(table.firstOrInsert(value, tag: tag(value), where: { $0 == value }) == value)
      }
      guard step % 500 == 0 else { continue }
      let found = (UInt64(0)..<400).filter { value in table.first(tag(value)) { $0 == value } != nil
      }
      #expect(found == model.keys.sorted(), "step \(step)")
    }
    #expect(table.count == model.count)
  }

  /// Strings Swift calls equal share a tag, canonical equivalence included, as they shared
  /// a dictionary key before.
  @Test(arguments: [
    ("topic_1", "topic_1"), ("caf\u{E9}", "cafe\u{301}"), ("\u{212A}", "K"),
    ("a\u{37E}b\u{1FEF}", "a;b`"), ("ニュース", "ニュース"),
  ])
  func equalStringsShareATag(_ left: String, _ right: String) {
    #expect(left == right)
    #expect(SlotHash.tag(left) == SlotHash.tag(right))
  }

  /// Group ids are indexed lower-cased, as `GroupIDs.normalised` folds them.
  @Test(arguments: [
    ("00000001-AAAA-4BBB-8CCC-000000000000", "00000001-aaaa-4bbb-8ccc-000000000000"),
    ("ABCDEF01-aBcD-4EfF-8ccc-0123456789Ab", "abcdef01-abcd-4eff-8ccc-0123456789ab"),
    ("AB\u{212A}", "abk"), ("É", "É"),
  ])
  func groupIDsShareATagOnceLowerCased(_ left: String, _ right: String) {
    let (left, right) = (GroupIDText(left), GroupIDText(right))
    #expect(GroupIDs.sameKey(left, right))
    #expect(SlotHash.foldedTag(left) == SlotHash.foldedTag(right))
  }
}
