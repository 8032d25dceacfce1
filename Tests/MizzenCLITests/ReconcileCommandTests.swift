import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen reconcile against the sandbox over HTTP")
struct ReconcileCommandTests {
  @Test("seeded drift is reported per topic × channel, corrected with --apply, then agrees")
  func reportApplyAgree() async throws {
    let fixture = try SignalCLIFixture()
    try fixture.seed(
      """
      email,customer_id,topic,channel,state
      ana@example.com,,news,email,granted
      bob@example.com,,news,email,denied
      ,c-1,news,sms,granted

      """)
    let input = try fixture.write(
      "export.csv",
      """
      email,customer_id,topic,channel,state
      ana@example.com,,news,email,denied
      bob@example.com,,news,email,denied
      ,c-1,news,sms,denied
      cy@example.com,,news,email,granted
      dee@example.com,,news,email,sometimes
      eve@example.com,,orphan,email,granted

      """)
    let report = fixture.folder.appendingPathComponent("drift.csv").path
    let first = try await fixture.mizzen(
      "reconcile", [input, "--format", "json", "--report", report])
    #expect(first.status == 1, "\(first.output)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    let topics = try #require(document["topics"] as? [[String: Any]])
    let email = try #require(topics.first { $0["channel"] as? String == "email" })
    #expect(email["agree"] as? Int == 1)
    #expect(email["driftToUnsubscribed"] as? Int == 1)
    #expect(email["unknown"] as? Int == 1)
    #expect(email["refused"] as? Int == 1)
    // orphan's group is unknown to the sandbox: its read is refused, the run goes on.
    let orphan = try #require(topics.first { $0["topic"] as? String == "orphan" })
    #expect(orphan["refused"] as? Int == 1)
    let sms = try #require(topics.first { $0["channel"] as? String == "sms" })
    #expect(sms["driftToUnsubscribed"] as? Int == 1)
    #expect(document["refusedRows"] as? Int == 1)
    let rejects = try String(contentsOfFile: input + ".rejects", encoding: .utf8)
    #expect(rejects == "line 6: has the state 'sometimes'; it must be granted or denied\n")
    let drift = try String(contentsOfFile: report, encoding: .utf8)
    #expect(drift.contains("2,news,email,email,ana@example.com,denied,Subscribed,"))
    #expect(drift.contains("4,news,sms,external_id,c-1,denied,Subscribed,"))
    #expect(fixture.v2Calls == 0)

    let dry = try await fixture.mizzen("reconcile", [input, "--dry-run"])
    #expect(dry.status == 1)
    #expect(
      dry.stdout.contains("batch 1 of 2: POST \(fixture.server.baseURL)/v2/subscription/status/set")
    )
    #expect(dry.stdout.contains("\"emails\":[\"ana@example.com\"]"))
    #expect(fixture.v2Calls == 0)

    let applied = try await fixture.mizzen("reconcile", [input, "--apply"])
    #expect(applied.status == 0, "\(applied.output)")
    #expect(applied.stdout.contains("Corrected 2 of 2 drifting rows; 0 failed."))
    #expect(fixture.v2Calls == 2)
    #expect(
      fixture.server.groupState(
        SignalCLIFixture.emailGroup, field: .email, value: "ana@example.com") == false)
    #expect(
      fixture.server.groupState(SignalCLIFixture.smsGroup, field: .externalID, value: "c-1")
        == false)
    #expect(!FileManager.default.fileExists(atPath: input + ".mizzen-progress"))

    let again = try await fixture.mizzen("reconcile", [input, "--format", "csv"])
    #expect(again.status == 0, "\(again.output)")
    #expect(again.stdout.contains("news,email,2,0,0,1,1,0,0"))
    let journal = ReconcileJournal(workspacePath: fixture.workspacePath).read()
    #expect(journal.unreadable == 0)
    let kinds = journal.entries.compactMap { entry -> String? in
      if case .string(let kind)? = entry["kind"] { return kind }
      return nil
    }
    #expect(
      kinds == [
        "reconcile.read", "reconcile.read", "reconcile.read", "reconcile.batch", "reconcile.batch",
        "reconcile.apply", "reconcile.read",
      ])
  }

  @Test("a refused key stops the run with exit 2; an unreadable input too")
  func couldNotRun() async throws {
    let fixture = try SignalCLIFixture()
    let input = try fixture.write("export.csv", "email,topic,state\nana@example.com,news,granted\n")
    let badKey = try await fixture.mizzen("reconcile", [input], key: "not-a-sandbox-key")
    #expect(badKey.status == 2, "\(badKey.output)")
    #expect(badKey.stderr.contains("401"))
    let missing = try await fixture.mizzen("reconcile", [fixture.folder.path + "/nope.csv"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("Cannot open the input"))
  }

  @Test(
    "Ctrl-C, or SIGTERM, stops after the batch in flight; --resume finishes without re-sending",
    arguments: [SIGINT, SIGTERM])
  func interruptAndResume(signal: Int32) async throws {
    let fixture = try SignalCLIFixture()
    let rows = 3_000
    let export = ReconcileExports.drifting(rows)
    try fixture.seed(export.seed)
    let input = try fixture.write("export.csv", export.input)
    let checkpoint = ReconcileCheckpoint(inputPath: input)
    // 60 calls a minute: one batch a second, so Ctrl-C lands between batches.
    let stopped = try await fixture.mizzen(
      "reconcile", [input, "--apply", "--max-rate", "60"],
      whileRunning: { process in
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
          if let state = try? checkpoint.load(), !state.acknowledged.isEmpty { break }
          usleep(5_000)
        }
        kill(process.processIdentifier, signal)
      })
    #expect(stopped.status == 128 + signal, "\(stopped.output)")
    #expect(stopped.stderr.contains("--resume"))
    let saved = try #require(try checkpoint.load())
    let sentBefore = fixture.v2Calls
    #expect(saved.acknowledged.count == sentBefore)
    #expect(sentBefore < saved.batchCount)

    let resumed = try await fixture.mizzen("reconcile", [input, "--resume"])
    #expect(resumed.status == 0, "\(resumed.output)")
    #expect(fixture.v2Calls == saved.batchCount)
    #expect(ReconcileExports.mismatches(rows, in: fixture.server) == 0)
    #expect(try checkpoint.load() == nil)
  }
}
