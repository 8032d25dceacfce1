import Foundation

/// Runs the jobs of the tasks that prefer it on the one thread that calls `run()`: a plain
/// `send` runs on the main thread, without starting the threads of Swift's global executor
/// and Dispatch that a command which waits on one exchange at a time has no use for.
public final class CallingThreadExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var stopped = false

  public init() {}

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// Ends `run()` once the jobs enqueued by then have run.
  public func stop() {
    condition.lock()
    stopped = true
    condition.signal()
    condition.unlock()
  }

  /// Runs jobs as they come, until `stop()`.
  public func run() {
    while true {
      condition.lock()
      while jobs.isEmpty && !stopped { condition.wait() }
      let batch = jobs
      jobs.removeAll(keepingCapacity: true)
      let done = stopped && batch.isEmpty
      condition.unlock()
      if done { return }
      for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
  }
}
