import BrazeSandbox
import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

@Suite("mizzen reconcile --apply survives kill -9")
struct ReconcileCrashTests {
  /// Acknowledged batches in the checkpoint, counted without parsing it (the poll must be
  /// much quicker than one batch interval).
  static func acknowledgements(_ path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    let marker = Array("{\"ack\":".utf8)
    return data.split(separator: 10).filter { $0.starts(with: marker) }.count
  }

  /// The scale of a run: CI's by default, the issue's with MIZZEN_RECONCILE_CRASH_FULL=1,
  /// or any other with MIZZEN_RECONCILE_CRASH_ROWS, _KILLS and _RATE (writes a minute,
  /// at most 5000; `lifted` sends at 5000 and lifts the sandbox's limits).
  struct Scale {
    var rows: Int
    var kills: Int
    var rate: Int
    var liftedLimits: Bool

    init(_ environment: [String: String]) {
      let full = environment["MIZZEN_RECONCILE_CRASH_FULL"] == "1"
      rows = full ? 100_000 : 15_000
      kills = full ? 20 : 5
      rate = full ? 1200 : 600
      liftedLimits = false
      if let text = environment["MIZZEN_RECONCILE_CRASH_ROWS"], let value = Int(text) {
        rows = value
      }
      if let text = environment["MIZZEN_RECONCILE_CRASH_KILLS"], let value = Int(text) {
        kills = value
      }
      if let text = environment["MIZZEN_RECONCILE_CRASH_RATE"] {
        liftedLimits = text == "lifted"
        rate = liftedLimits ? 5000 : Int(text) ?? rate
      }
    }

    /// Microseconds between two batches at the set rate, at least the sandbox's latency.
    var interval: Int { max(60_000_000 / rate, 30_000) }
  }

  /// CI runs 5 kills on 15,000 rows (12 batches); MIZZEN_RECONCILE_CRASH_FULL=1 runs the
  /// issue's 20 kills on 100,000 rows (80 batches), `scripts/reconcile-crash.sh` the same
  /// with the rate limits lifted. MIZZEN_RECONCILE_CRASH_SEED replays.
  @Test("random kill -9 during --apply, each followed by --resume")
  func killAndResume() async throws {
    let environment = ProcessInfo.processInfo.environment
    let scale = Scale(environment)
    let (rows, kills, rate) = (scale.rows, scale.kills, String(scale.rate))
    let seed = environment["MIZZEN_RECONCILE_CRASH_SEED"].flatMap { UInt64($0) } ?? 17
    var random = SeededGenerator(seed: seed)
    let clock = ContinuousClock()
    let started = clock.now
    // Every answer takes 30 ms, so that some kills land while a batch is in flight.
    let fixture = try SignalCLIFixture {
      $0.latency = .milliseconds(30)
      if scale.liftedLimits { $0.rateLimit = 1_000_000 }
    }
    let export = ReconcileExports.drifting(rows)
    try fixture.seed(export.seed)
    let input = try fixture.write("export.csv", export.input)
    let checkpoint = ReconcileCheckpoint(inputPath: input)
    var killed = 0
    var batches = 0
    var lastAcknowledged = 0
    for round in 0..<kills {
      // Kill once at least one more batch than before is acknowledged, after a random
      // part of the batch interval (100 ms at the CI rate, 50 ms for the full run).
      let delay = useconds_t(Int.random(in: 0..<scale.interval, using: &random))
      let floor = lastAcknowledged
      let run = try await fixture.mizzen(
        "reconcile", [input, round == 0 ? "--apply" : "--resume", "--max-rate", rate],
        whileRunning: { process in
          let deadline = Date().addingTimeInterval(120)
          while Date() < deadline && process.isRunning {
            if Self.acknowledgements(checkpoint.path) > floor { break }
            usleep(5_000)
          }
          usleep(delay)
          kill(process.processIdentifier, SIGKILL)
        })
      guard run.status == SIGKILL else {
        // The run finished before the kill landed.
        #expect(run.status == 0, "\(run.output)")
        break
      }
      killed += 1
      // The checkpoint is readable after every kill, and never loses an acknowledgement.
      let state = try #require(try checkpoint.load(), "round \(round)")
      #expect(state.acknowledged.count >= lastAcknowledged)
      lastAcknowledged = state.acknowledged.count
      batches = state.batchCount
    }
    let last = try await fixture.mizzen("reconcile", [input, "--resume"])
    #expect(last.status == 0, "\(last.output)")
    #expect(killed >= kills / 2, "only \(killed) kills landed")
    #expect(ReconcileExports.mismatches(rows, in: fixture.server) == 0)
    let resent = fixture.v2Calls - batches
    #expect(resent >= 0 && resent <= killed, "\(resent) batches re-sent over \(killed) kills")
    #expect(try checkpoint.load() == nil)
    let journal = ReconcileJournal(workspacePath: fixture.workspacePath).read()
    #expect(journal.unreadable <= killed)
    let journaledBatches = journal.entries.filter {
      if case .string("reconcile.batch")? = $0["kind"] { return true }
      return false
    }
    #expect(journaledBatches.count >= batches && journaledBatches.count <= fixture.v2Calls)
    // History sees every killed run as interrupted, and the last as finished.
    let runs = try ReconcileJournal(workspacePath: fixture.workspacePath).readNewestRuns().runs
    #expect(runs.filter { $0.end == .interrupted }.count == killed)
    #expect(runs.first?.end == .finished)
    #expect(runs.reduce(0) { $0 + $1.batches } == journaledBatches.count)
    let seconds = Double((clock.now - started).components.seconds)
    print(
      "reconcile crash test: \(rows) rows, \(batches) batches, \(killed) kills, \(resent) "
        + "re-sent, rate \(scale.liftedLimits ? "lifted" : rate), seed \(seed), "
        + "\(Int(seconds)) s")
  }
}
