import Dispatch
import Foundation

/// The send and verify calls running in the background, by id: esc cancels one, and
/// quitting cancels them all and then waits for each to finish journaling, so that a call
/// that went out is never missing from the journal. File writes started with `track` are
/// waited for the same way.
public final class SignalTasks: @unchecked Sendable {
  private let lock = NSLock()
  private var running: [Int: Task<Void, Never>] = [:]
  /// Entered when a task starts and left when it has finished, journal line included.
  private let busy = DispatchGroup()

  public init() {}

  /// Runs `work` as a task of its own under `id`.
  public func run(_ id: Int, _ work: @escaping @Sendable () async -> Void) {
    let busy = busy
    lock.withLock {
      busy.enter()
      running[id] = Task.detached { [self] in
        await work()
        finished(id)
        busy.leave()
      }
    }
  }

  /// Runs `work` on `queue` as part of what `waitUntilFinished` waits for, without an id:
  /// a file write that esc cannot cancel and quitting must not cut off.
  public func track(on queue: DispatchQueue, _ work: @escaping @Sendable () -> Void) {
    let busy = busy
    busy.enter()
    queue.async {
      work()
      busy.leave()
    }
  }

  private func finished(_ id: Int) { _ = lock.withLock { running.removeValue(forKey: id) } }

  /// Cancels the task `id`; it still finishes (and journals) as cancelled.
  public func cancel(_ id: Int) { lock.withLock { running[id]?.cancel() } }

  public func cancelAll() { lock.withLock { running.values.forEach { $0.cancel() } } }

  /// How many tasks have not finished yet.
  public var count: Int { lock.withLock { running.count } }

  /// Blocks until every task has finished, or `timeout` has passed; true when all did.
  public func waitUntilFinished(timeout: Duration) -> Bool {
    let (seconds, attoseconds) = timeout.components
    let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    return busy.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success
  }
}
