import Foundation
import MizzenConsole
import MizzenCore

/// The console's reconcile runs (`:reconcile FILE`): each a read-only `ReconcileRunner`
/// in a task of its own, its progress posted at most every `progressInterval`, stopped by
/// esc after the call in flight (the runner then journals what it read, as after Ctrl-C).
final class ReconcileJobs: Sendable {
  /// How often progress reaches the console: a frame per 100 ms is enough for a bar.
  static let progressInterval: Duration = .milliseconds(100)

  private let flags = StopFlags()

  /// The stop flags of the runs still out, by effect id.
  private final class StopFlags: @unchecked Sendable {
    private let lock = NSLock()
    private var stops: [Int: Bool] = [:]
    func begin(_ id: Int) { lock.withLock { stops[id] = false } }
    func end(_ id: Int) { _ = lock.withLock { stops.removeValue(forKey: id) } }
    /// True when `id` is a run still out (now asked to stop).
    func stop(_ id: Int) -> Bool {
      lock.withLock {
        guard stops[id] != nil else { return false }
        stops[id] = true
        return true
      }
    }
    func stopped(_ id: Int) -> Bool { lock.withLock { stops[id] ?? false } }
  }

  /// The last progress seen and when it was last posted.
  private final class Throttle: @unchecked Sendable {
    private let lock = NSLock()
    private var last: ReconcileProgress?
    private var posted: ContinuousClock.Instant?
    /// Keeps `progress`; true when it is time to post it.
    func due(_ progress: ReconcileProgress) -> Bool {
      lock.withLock {
        last = progress
        let now = ContinuousClock.now
        if let posted, now - posted < ReconcileJobs.progressInterval { return false }
        posted = now
        return true
      }
    }
    var latest: ReconcileProgress? { lock.withLock { last } }
  }

  /// Asks run `id` to stop after the call in flight; false when no such run is out.
  func stop(_ id: Int) -> Bool { flags.stop(id) }

  /// Starts run `id` as a task of `tasks` (so that quitting waits for its journal line).
  func start(
    _ job: ReconcileJob, id: Int, workspacePath: String, environment: RuntimeEnvironment,
    client: BrazeClient, tasks: SignalTasks,
    progress: @escaping @Sendable (SignalEffectResult) -> Void,
    report: @escaping @Sendable (SignalEffectResult) -> Void
  ) {
    let flags = flags
    let throttle = Throttle()
    flags.begin(id)
    let runner = ReconcileRunner(
      workspace: job.workspace, workspacePath: workspacePath, inputPath: job.inputPath,
      options: ReconcileOptions(), environment: environment.variables, client: client,
      progress: { now in
        if throttle.due(now) { progress(.reconcileProgress(id: id, now)) }
      },
      stopRequested: { flags.stopped(id) || Task.isCancelled })
    tasks.run(id) {
      var rejected: [ReconcileFinding] = []
      var rejectedCount = 0
      var result: ReconcileJobResult
      do throws(ReconcileError) {
        let outcome = try await runner.run { reject in
          rejectedCount += 1
          if rejected.count < ReconcileState.limit { rejected.append(ReconcileFinding(reject)) }
        }
        result = Self.result(outcome, rejected: rejected, rejectedCount: rejectedCount)
      } catch {
        result = ReconcileJobResult(failure: error.message)
      }
      result.progress = throttle.latest
      flags.end(id)
      report(.reconcileFinished(id: id, result))
    }
  }

  /// What the console shows of an outcome.
  static func result(
    _ outcome: ReconcileOutcome, rejected: [ReconcileFinding], rejectedCount: Int
  ) -> ReconcileJobResult {
    var result = ReconcileJobResult(failure: outcome.fatal)
    result.stopped = outcome.stopped
    result.counts = outcome.counts()
    let found = outcome.table.findings(limit: max(0, ReconcileState.limit - rejected.count))
    result.findings = rejected + found.rows
    result.findingsTotal = rejectedCount + found.total
    result.rows = outcome.table.rowCount
    result.records = outcome.table.recordCount
    result.requests = outcome.readRequests
    result.rateLimited = outcome.rateLimited
    return result
  }
}
