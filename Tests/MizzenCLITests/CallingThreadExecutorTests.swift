import Foundation
import MizzenRuntime
import Testing

/// The executor a plain `send` runs its tasks on: every job of a task that prefers it runs
/// on the one thread that calls `run()`, whatever resumed it, and `run()` ends at `stop()`.
@Suite struct CallingThreadExecutorTests {
  /// The threads the task's steps ran on, by step.
  final class Threads: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var runner: pthread_t?
    private var steps: [(String, pthread_t)] = []

    func runnerStarted() { lock.withLock { runner = pthread_self() } }
    func note(_ step: String) { lock.withLock { steps.append((step, pthread_self())) } }

    /// The steps that ran on another thread than the runner's.
    var elsewhere: [String] {
      lock.withLock {
        steps.filter { step in runner.map { pthread_equal($0, step.1) == 0 } ?? true }.map(\.0)
      }
    }

    var names: [String] { lock.withLock { steps.map(\.0) } }
  }

  nonisolated static func hop(_ threads: Threads) async {
    threads.note("in a nonisolated async function")
  }

  @Test func everyJobRunsOnTheThreadThatRuns() async {
    let executor = CallingThreadExecutor()
    let threads = Threads()
    await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
      Thread.detachNewThread {
        threads.runnerStarted()
        Task(executorPreference: executor) {
          threads.note("start")
          await Self.hop(threads)
          threads.note("after a nonisolated async function")
          await withCheckedContinuation { (resumed: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread { resumed.resume() }
          }
          threads.note("after a continuation resumed on another thread")
          try? await Task.sleep(for: .milliseconds(5))
          threads.note("after a sleep")
          await withTaskGroup(of: Void.self) { group in
            group.addTask { threads.note("in a child task") }
          }
          let value = await Task(executorPreference: executor) { 1 }.value
          threads.note("after a task of its own returned \(value)")
          executor.stop()
        }
        executor.run()
        threads.note("after run() returned")
        finished.resume()
      }
    }
    #expect(
      threads.names == [
        "start", "in a nonisolated async function", "after a nonisolated async function",
        "after a continuation resumed on another thread", "after a sleep", "in a child task",
        "after a task of its own returned 1", "after run() returned",
      ])
    #expect(threads.elsewhere == [])
  }
}
