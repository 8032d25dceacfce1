import Foundation
import MizzenCore
import Testing

/// `readNewest` reads the journal from its end: the same entries as the newest of
/// `read()`, whatever the block size, and nothing before the oldest entry it returns.
@Suite("Signal journal: reading the newest entries backwards")
struct JournalBackwardReadTests {
  static func write(_ text: String, in folder: TemporaryFolder) throws -> SignalJournal {
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    try Data(text.utf8).write(to: URL(fileURLWithPath: journal.path))
    return journal
  }

  static func line(_ topic: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(JournalTests.entry(topic)), as: UTF8.self)
  }

  @Test(
    "the newest entries are those read() ends with, lines longer than a block included",
    arguments: [7, 64, 333, 64 * 1024])
  func sameAsRead(blockSize: Int) throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    for index in 0..<30 { try journal.append(JournalTests.entry("topic_\(index)")) }
    let all = try journal.read()
    for limit in [1, 2, 20, 30, 31, 100] {
      let newest = try journal.readNewest(limit, blockSize: blockSize)
      #expect(newest.entries == Array(all.entries.suffix(limit)), "limit \(limit)")
      #expect(newest.warnings.isEmpty)
    }
  }

  @Test("a partial last line is skipped with the torn-line warning")
  func partialLastLine() throws {
    let folder = try TemporaryFolder()
    let text = try Self.line("a") + "\n" + Self.line("b") + "\n" + #"{"attempts":1,"bra"#
    let journal = try Self.write(text, in: folder)
    for blockSize in [5, 64 * 1024] {
      let newest = try journal.readNewest(1, blockSize: blockSize)
      #expect(newest.entries.map(\.topic) == ["b"])
      #expect(newest.warnings == [try journal.read().warnings[0]])
      #expect(newest.warnings[0].contains("last line is incomplete"))
    }
  }

  @Test("lines ended with CRLF read as with LF")
  func crlf() throws {
    let folder = try TemporaryFolder()
    let text = try ["a", "b", "c"].map { try Self.line($0) + "\r\n" }.joined() + "\r\n"
    let journal = try Self.write(text, in: folder)
    for blockSize in [3, 64 * 1024] {
      let newest = try journal.readNewest(2, blockSize: blockSize)
      #expect(newest.entries.map(\.topic) == ["b", "c"])
      #expect(newest.warnings.isEmpty)
    }
  }

  @Test("an empty or missing journal has no entries")
  func emptyFile() throws {
    let folder = try TemporaryFolder()
    #expect(try SignalJournal(path: folder.file("none.jsonl")).readNewest(20) == JournalContents())
    let empty = try Self.write("", in: folder)
    #expect(try empty.readNewest(20) == JournalContents())
    let blank = try Self.write("\n \r\n\n", in: folder)
    #expect(try blank.readNewest(20) == JournalContents())
  }

  @Test("an unreadable line among those read is numbered from the end; older ones are not read")
  func onlyTheNewestLinesAreRead() throws {
    let folder = try TemporaryFolder()
    let text =
      "not json at all\n" + (try Self.line("a")) + "\n" + "{\"broken\":\n" + (try Self.line("b"))
      + "\n\n" + (try Self.line("c")) + "\n"
    let journal = try Self.write(text, in: folder)
    let newest = try journal.readNewest(2)
    #expect(newest.entries.map(\.topic) == ["b", "c"])
    #expect(newest.warnings.isEmpty)
    let three = try journal.readNewest(3, blockSize: 16)
    #expect(three.entries.map(\.topic) == ["a", "b", "c"])
    #expect(
      three.warnings == [
        "Line 4 from the end of the journal is not a journal entry; it was skipped."
      ])
    #expect(try journal.readNewest(4).warnings.count == 2)
  }
}
