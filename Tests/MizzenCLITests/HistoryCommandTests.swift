import Foundation
import MizzenCore
import Testing

@Suite("mizzen history, run as a process")
struct HistoryCommandTests {
  @Test("newest first, with a limit, as text and as JSON")
  func listing() async throws {
    let fixture = try SignalCLIFixture()
    let empty = try await fixture.mizzen("history", [])
    #expect(empty.status == 0)
    #expect(empty.stdout.contains("No sends recorded yet"))
    for (address, state) in [("one@example.com", "granted"), ("two@example.com", "denied")] {
      let sent = try await fixture.mizzen(
        "send",
        [
          "--topic", "news", "--channel", "email", "--identity", "email=\(address)",
          "--state", state,
        ])
      #expect(sent.status == 0, "\(sent.stderr)")
    }
    let text = try await fixture.mizzen("history", [])
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains("email=two@example.com  denied  success 201"))
    #expect(lines[1].contains("email=one@example.com  granted  success 201"))

    let limited = try await fixture.mizzen("history", ["--limit", "1", "--format", "json"])
    let entries = try JSONDecoder().decode([JournalEntry].self, from: Data(limited.stdout.utf8))
    #expect(entries.map(\.identityValue) == ["two@example.com"])
  }

  @Test("a torn last line is skipped with a warning, not a failure")
  func tornLine() async throws {
    let fixture = try SignalCLIFixture()
    let sent = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "email", "--identity", "email=a@example.com",
        "--state", "granted",
      ])
    #expect(sent.status == 0)
    let handle = try #require(FileHandle(forWritingAtPath: fixture.journalPath))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"attempts":1,"bra"#.utf8))
    handle.closeFile()
    let run = try await fixture.mizzen("history", [])
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").count == 1)
    #expect(run.stderr.contains("warning"))
    #expect(run.stderr.contains("last line"))
  }

  @Test("a verify made on its own (the console's v) is listed as verify")
  func verifyLine() async throws {
    let fixture = try SignalCLIFixture()
    let sent = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "email", "--identity", "email=v@example.com",
        "--state", "denied",
      ])
    #expect(sent.status == 0, "\(sent.stderr)")
    let workspace = try WorkspaceStore(path: fixture.workspacePath).load().workspace
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "v@example.com"], state: .denied)
    let plan = try SignalPlanner.plan(signal, in: workspace, verify: true)
    let sender = SignalSender(
      client: BrazeClient(), journal: SignalJournal(path: fixture.journalPath))
    let result = await sender.verify(plan, key: SignalCLIKeys.all)
    #expect(result.journalError == nil)
    let text = try await fixture.mizzen("history", [])
    let lines = text.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains("email=v@example.com  verify  success 200, verified"))
    #expect(lines[1].contains("email=v@example.com  denied  success 201"))
  }

  @Test("with a limit only the newest lines are read; --limit 0 reads them all")
  func readsFromTheEnd() async throws {
    let fixture = try SignalCLIFixture()
    for address in ["one@example.com", "two@example.com"] {
      let sent = try await fixture.mizzen(
        "send",
        [
          "--topic", "news", "--channel", "email", "--identity", "email=\(address)",
          "--state", "granted",
        ])
      #expect(sent.status == 0, "\(sent.stderr)")
    }
    let journaled = try Data(contentsOf: URL(fileURLWithPath: fixture.journalPath))
    try (Data("not a journal line\n".utf8) + journaled)
      .write(to: URL(fileURLWithPath: fixture.journalPath))

    let newest = try await fixture.mizzen("history", ["--limit", "2"])
    #expect(newest.status == 0)
    #expect(newest.stdout.split(separator: "\n").count == 2)
    #expect(newest.stderr.isEmpty)
    let all = try await fixture.mizzen("history", ["--limit", "0"])
    #expect(all.stdout.split(separator: "\n").count == 2)
    #expect(all.stderr.contains("Line 1 of the journal is not a journal entry"))
    let three = try await fixture.mizzen("history", ["--limit", "3"])
    #expect(three.stdout.split(separator: "\n").count == 2)
    #expect(three.stderr.contains("Line 3 from the end of the journal is not a journal entry"))
  }
}
