import Foundation
import MizzenCore
import Testing

@Suite("Signal journal: append-only JSON lines")
struct JournalTests {
  static func entry(_ topic: String, status: Int = 201) -> JournalEntry {
    let outcome = BrazeOutcome(
      kind: status < 300 ? .success : .serverError, status: status, message: "m")
    let request = PlannedRequest(
      purpose: .send, method: "POST", url: "https://rest.iad-01.braze.com/subscription/status/set",
      path: "/subscription/status/set", headers: [],
      body: Array(#"{"email":"ana@example.com"}"#.utf8), permission: .subscriptionStatusSet)
    let exchange = BrazeExchange(
      request: request,
      attempts: [
        BrazeAttempt(
          number: 1, status: status, body: #"{"message":"success"}"#,
          rateLimit: RateLimitHeaders(limit: "10", remaining: "9", reset: "1700000000"),
          latencyMs: 12.5)
      ], outcome: outcome, latencyMs: 12.5)
    return JournalEntry(
      time: "2026-03-01T09:15:02.137Z", topic: topic, channel: "email", connection: "braze",
      identitySpace: "email", identityValue: "ana@example.com", brazeField: "email",
      state: "granted", subscriptionGroupId: BrazeFixtures.emailGroup,
      requests: [JournalRequest(exchange)], latencyMs: 13, attempts: 1, outcome: outcome)
  }

  @Test("entries round-trip, one line each, oldest first; newest-first view with a limit")
  func appendAndRead() throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("mizzen.json"))
    #expect(journal.path == folder.file("mizzen.json.journal.jsonl"))
    #expect(try journal.read() == JournalContents())
    for topic in ["first", "second", "third"] { try journal.append(Self.entry(topic)) }
    let text = try String(contentsOfFile: journal.path, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 3)
    #expect(text.hasSuffix("\n"))
    let contents = try journal.read()
    #expect(contents.warnings.isEmpty)
    #expect(contents.entries.map(\.topic) == ["first", "second", "third"])
    #expect(contents.entries[0] == Self.entry("first"))
    #expect(contents.newestFirst(limit: 2).map(\.topic) == ["third", "second"])
    #expect(contents.newestFirst().count == 3)
    let mode = try FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
  }

  @Test("a line's fields are sorted and carry request, attempts and rate-limit headers")
  func lineShape() throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    try journal.append(Self.entry("news"))
    let line = try Data(contentsOf: URL(fileURLWithPath: journal.path))
    let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
    #expect(
      Set(object.keys).isSuperset(of: [
        "time", "topic", "channel", "identitySpace", "identityValue", "state", "requests",
        "latencyMs", "attempts", "outcome",
      ]))
    let request = try #require((object["requests"] as? [[String: Any]])?.first)
    #expect(request["permission"] as? String == "subscription.status.set")
    #expect(request["body"] as? String == #"{"email":"ana@example.com"}"#)
    let attempt = try #require((request["attempts"] as? [[String: Any]])?.first)
    #expect(attempt["status"] as? Int == 201)
    #expect((attempt["rateLimit"] as? [String: Any])?["remaining"] as? String == "9")
    let text = String(decoding: line, as: UTF8.self)
    #expect(text.hasPrefix(#"{"attempts":1,"brazeField":"email","channel":"email""#))
  }

  @Test("a torn last line is skipped with a warning, and the next append starts a new line")
  func tornLine() throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    try journal.append(Self.entry("whole"))
    let handle = try #require(FileHandle(forWritingAtPath: journal.path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"attempts":1,"brazeField":"em"#.utf8))
    handle.closeFile()
    let torn = try journal.read()
    #expect(torn.entries.map(\.topic) == ["whole"])
    #expect(torn.warnings.count == 1)
    #expect(torn.warnings[0].contains("last line"))

    try journal.append(Self.entry("after"))
    let healed = try journal.read()
    #expect(healed.entries.map(\.topic) == ["whole", "after"])
    #expect(healed.warnings.count == 1)
    #expect(healed.warnings[0].contains("Line 2"))
  }

  @Test("concurrent appends each land as a whole line")
  func concurrentAppends() async throws {
    let folder = try TemporaryFolder()
    let journal = SignalJournal(path: folder.file("j.jsonl"))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<40 {
        group.addTask { try journal.append(Self.entry("t\(index)")) }
      }
      try await group.waitForAll()
    }
    let contents = try journal.read()
    #expect(contents.warnings.isEmpty)
    #expect(Set(contents.entries.map(\.topic)) == Set((0..<40).map { "t\($0)" }))
  }

  @Test("an unwritable journal is an explained error")
  func unwritable() {
    let journal = SignalJournal(path: "/nonexistent-folder-for-mizzen/j.jsonl")
    do {
      try journal.append(Self.entry("x"))
      Issue.record("appended into a missing folder")
    } catch {
      #expect(error.message.contains("/nonexistent-folder-for-mizzen/j.jsonl"))
      #expect(error.message.contains("folder"))
    }
  }
}
