import Foundation
import MizzenCore
import MizzenTestSupport

/// A wall clock that moves only when a test or an injected sleep moves it, and remembers
/// every wait the client asked for: waits become exact figures, not measurements.
final class ClientClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date
  private var recorded: [Duration] = []

  init(_ start: Date) {
    current = start
  }

  var now: Date { lock.withLock { current } }

  /// Every wait asked of `sleep`, in order.
  var waits: [Duration] { lock.withLock { recorded } }

  /// Records the wait and moves the clock past it at once; throws when the task is cancelled.
  func sleep(_ duration: Duration) throws {
    try Task.checkCancellation()
    let parts = duration.components
    let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    lock.withLock {
      recorded.append(duration)
      current = current.addingTimeInterval(seconds)
    }
  }

  /// Records the wait, then waits until the task is cancelled (or `hangGuard` passes): for
  /// tests that must act while the client is waiting, and know it is, because `waits` is no
  /// longer empty. Taking the wait for real let a loaded machine end it before the test ran
  /// again (a 5-10 s backoff did, once in 3 runs at a load of 13).
  func recordAndHold(_ duration: Duration) async throws {
    lock.withLock { recorded.append(duration) }
    try await Task.sleep(for: hangGuard)
  }
}

extension BrazeClientConfiguration {
  /// This configuration, reading the time from `clock` and waiting by moving it.
  func driven(by clock: ClientClock) -> BrazeClientConfiguration {
    var configuration = self
    configuration.now = { clock.now }
    configuration.sleep = { try clock.sleep($0) }
    return configuration
  }
}
