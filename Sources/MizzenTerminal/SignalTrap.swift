import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into a value the main loop polls, so that the loop ends
/// and the terminal is given back before the process exits, whichever way it is stopped.
///
/// Installed before curses starts, so that curses does not put in its own handlers for
/// these signals (it only does when they are at their default action).
public final class SignalTrap: @unchecked Sendable {
  /// The signals that end the console.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  /// SIGINT, which `takeInterrupt` hands to the caller.
  public static let interrupt: Int32 = SIGINT

  private let lock = NSLock()
  private var first: Int32?
  private var sources: [DispatchSourceSignal] = []
  private let queue = DispatchQueue(label: "mizzen.signals")

  public init() {
    for number in Self.signals {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { [weak self] in self?.record(number) }
      source.resume()
      sources.append(source)
    }
  }

  /// The first signal received, if any.
  public var caught: Int32? {
    lock.withLock { first }
  }

  /// True, once, when SIGINT was the signal received: the caller handles it (the console
  /// asks before dropping unsaved changes) and watches again.
  public func takeInterrupt() -> Bool {
    lock.withLock {
      guard first == SIGINT else { return false }
      first = nil
      return true
    }
  }

  /// The exit status for a process ended by `signal`: 128 plus its number, as shells do.
  public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

  /// Stops watching and gives the signals their default action back.
  public func cancel() {
    for source in sources { source.cancel() }
    sources.removeAll()
    for number in Self.signals { signal(number, SIG_DFL) }
  }

  private func record(_ number: Int32) {
    lock.withLock {
      if first == nil { first = number }
    }
  }
}
