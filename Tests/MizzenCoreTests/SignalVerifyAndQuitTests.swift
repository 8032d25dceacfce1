import BrazeSandbox
import Dispatch
import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

/// A verify on its own is journaled, and quitting with calls out cancels them and waits
/// for their journal lines; all over real HTTP against the sandbox.
@Suite("Verify journaling and waiting for cancelled calls, over real HTTP")
struct SignalVerifyAndQuitTests {
  static func plan(
    _ sandbox: ClientSandbox, _ state: SignalState = .granted, verify: Bool = false
  ) throws -> SignalPlan {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: state)
    return try SignalPlanner.plan(signal, in: sandbox.workspace, verify: verify)
  }

  /// `tasks.waitUntilFinished` blocks its thread, so it runs off the task pool; with how
  /// long it blocked, measured there (a loaded machine may be slow to resume the test).
  static func wait(_ tasks: SignalTasks, _ timeout: Duration) async -> (Bool, Duration) {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let started = ContinuousClock.now
        let finished = tasks.waitUntilFinished(timeout: timeout)
        continuation.resume(returning: (finished, ContinuousClock.now - started))
      }
    }
  }

  @Test("v after a send appends an entry whose one request is the verify call")
  func verifyIsJournaled() async throws {
    let sandbox = try ClientSandbox()
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    let sent = await sender.send(try Self.plan(sandbox, .denied), key: ClientTestKeys.all)
    #expect(sent.entry.outcome.kind == .success)
    let result = await sender.verify(
      try Self.plan(sandbox, .denied, verify: true), key: ClientTestKeys.all)
    #expect(result.journalError == nil)
    let entries = try journal.read().entries
    #expect(entries.count == 2)
    let entry = try #require(entries.last)
    #expect(entry == result.entry)
    #expect(entry.isVerify && !entries[0].isVerify)
    #expect(entry.requests.map(\.purpose) == [.verify])
    #expect(entry.requests[0].method == "GET")
    #expect(entry.requests[0].url.contains("/subscription/status/get"))
    #expect(entry.requests[0].attempts.map(\.status) == [200])
    #expect(entry.outcome.kind == .success && entry.outcome.status == 200)
    #expect(entry.attempts == 1)
    #expect(entry.state == "denied" && entry.identityValue == "ana@example.com")
    let verification = try #require(entry.verification)
    #expect(verification.expected == "Unsubscribed")
    #expect(verification.observed == "Unsubscribed")
    #expect(verification.matches)
    let text = try String(contentsOfFile: journal.path, encoding: .utf8)
    #expect(!text.contains(ClientTestKeys.all))
  }

  @Test("a verify that Braze refuses is journaled with its outcome")
  func refusedVerifyIsJournaled() async throws {
    let sandbox = try ClientSandbox()
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    // The track-only key lacks subscription.status.get: Braze answers 403.
    let result = await sender.verify(
      try Self.plan(sandbox, verify: true), key: ClientTestKeys.trackOnly)
    let entry = try #require(try journal.read().entries.last)
    #expect(entry == result.entry)
    #expect(entry.isVerify)
    #expect(entry.outcome.kind == .forbidden)
    #expect(entry.verification?.matches == false)
  }

  @Test("a journal that cannot be written is reported, not thrown")
  func verifyReportsAJournalFailure() async throws {
    let sandbox = try ClientSandbox()
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("missing/folder/w.json"))
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    let result = await sender.verify(
      try Self.plan(sandbox, verify: true), key: ClientTestKeys.all)
    #expect(result.entry.outcome.kind == .success)
    #expect(result.journalError != nil)
  }

  // The sandbox would answer after 10 minutes and no attempt times out before then, so only
  // the cancel can end the calls; quitting cancels and waits, and the entries are there.
  @Test("cancelling every call and waiting leaves each one in the journal as cancelled")
  func quitWaitsForTheJournal() async throws {
    let sandbox = try ClientSandbox { $0.latency = .seconds(600) }
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    // No attempt times out before the cancel, however long a loaded machine delays it.
    var configuration = BrazeClientConfiguration.fast
    configuration.attemptTimeout = .seconds(600)
    let sender = SignalSender(
      client: BrazeClient(configuration: configuration), journal: journal, verifyDelay: .zero)
    let tasks = SignalTasks()
    let send = try Self.plan(sandbox)
    let verify = try Self.plan(sandbox, verify: true)
    tasks.run(1) { _ = await sender.send(send, key: ClientTestKeys.all) }
    tasks.run(2) { _ = await sender.verify(verify, key: ClientTestKeys.all) }
    // Both calls out: the sandbox has read them and holds each for 10 minutes.
    try await waitUntil("the sandbox never saw both calls") { sandbox.server.requestCount >= 2 }
    #expect(tasks.count == 2)
    #expect(try journal.read().entries.isEmpty)
    tasks.cancelAll()
    // A bound far below the sandbox's 10 minutes, and generous: under load the whole suite
    // shares two cores with this run (20 s was once outrun with two busy loops beside it).
    let (finished, waited) = await Self.wait(tasks, .seconds(120))
    #expect(finished)
    #expect(waited < .seconds(120))
    #expect(tasks.count == 0)
    let entries = try journal.read().entries
    #expect(entries.count == 2)
    #expect(entries.allSatisfy { $0.outcome.kind == .cancelled })
    #expect(Set(entries.map(\.isVerify)) == [true, false])
  }

  @Test("waiting gives up after its bound when a call does not finish")
  func theWaitIsBounded() async throws {
    let tasks = SignalTasks()
    // A task that ignores cancellation until the test opens its gate stands in for a hung
    // disk (the gate opens by itself after 60 s only so that a broken wait cannot hang).
    let gate = DispatchSemaphore(value: 0)
    tasks.run(1) {
      await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          _ = gate.wait(timeout: .now() + 60)
          continuation.resume()
        }
      }
    }
    tasks.cancelAll()
    let (finished, waited) = await Self.wait(tasks, .milliseconds(300))
    #expect(!finished)
    #expect(waited >= .milliseconds(300) && waited < .seconds(60))
    gate.signal()
    #expect(await Self.wait(tasks, hangGuard).0)
  }
}
