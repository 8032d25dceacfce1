import Foundation
import MizzenCore
import Testing

/// Reading the journal gives exactly what `JSONDecoder` would, line by line, whether the
/// line is in the shape the journal writes or written by someone else.
@Suite("Signal journal: reading matches JSONDecoder")
struct JournalReadTests {
  /// Entries covering every optional field both present and absent.
  static let entries: [JournalEntry] = {
    var full = JournalTests.entry("full")
    full.verification = VerificationResult(
      expected: "Subscribed", observed: "Subscribed", matches: true, message: "As sent.")
    full.requests[0].attempts.append(
      BrazeAttempt(
        number: 2, status: nil, body: nil, rateLimit: RateLimitHeaders(limit: "5"),
        latencyMs: 0.000123, error: "connection reset \"by\" peer\n", waitMs: 250.75))
    var bare = JournalTests.entry("bare", status: 503)
    bare.subscriptionGroupId = nil
    bare.requests[0].body = nil
    bare.requests[0].attempts = []
    bare.outcome.brazeErrors = ["bad \\ thing", "🙂 €"]
    bare.outcome.brazeMessage = "fail"
    bare.verification = VerificationResult(
      expected: "opted_in", observed: nil, matches: false, message: "Nothing read.")
    var empty = JournalTests.entry("山田太郎_0042")
    empty.requests = []
    empty.latencyMs = 1e-7
    return [full, bare, empty]
  }()

  static func decoded(_ line: Substring) -> JournalEntry? {
    try? JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8))
  }

  @Test("what the journal writes reads back as written, as JSONDecoder reads it")
  func roundTrip() throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    for entry in Self.entries { try journal.append(entry) }
    let contents = try journal.read()
    #expect(contents.warnings.isEmpty)
    #expect(contents.entries == Self.entries)
    let lines = try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n")
    #expect(lines.map(Self.decoded) == Self.entries)
  }

  static let written = #"""
    {"attempts":1,"brazeField":"email","channel":"email","connection":"c","identitySpace":"email","identityValue":"a@example.com","latencyMs":3,"outcome":{"brazeErrors":[],"kind":"success","message":"m","status":201},"requests":[],"state":"granted","time":"t","topic":"plain"}
    """#

  static let variants: [(String, String)] = [
    ("an unknown key", #","extra":{"nested":[1,2]}}"#),
    ("an explicit null", #","subscriptionGroupId":null,"verification":null}"#),
    ("a whole number with a fraction", #","attempts":1.0}"#),
    ("a duplicate key", #","topic":"again"}"#),
    ("an unknown outcome kind", #","outcome":{"brazeErrors":[],"kind":"nope","message":"m"}}"#),
    ("a wrong type", #","latencyMs":"3"}"#),
    ("a Unicode escape", #","identityValue":"\u5c71\u7530 \ud83d\ude42"}"#),
  ]

  @Test("a line written by someone else reads as JSONDecoder reads it", arguments: variants)
  func foreignLines(name: String, ending: String) throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    let line = String(Self.written.dropLast()) + ending
    try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: journal.path))
    let contents = try journal.read()
    if let expected = Self.decoded(Substring(line)) {
      #expect(contents.entries == [expected], "\(name)")
      #expect(contents.warnings.isEmpty)
    } else {
      #expect(contents.entries.isEmpty, "\(name)")
      #expect(contents.warnings.count == 1)
    }
  }
}
