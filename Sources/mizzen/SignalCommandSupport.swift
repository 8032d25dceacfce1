import ArgumentParser
import Dispatch
import Foundation
import MizzenCore

/// What `send`, `check-connection` and `history` share: exit statuses, loading the
/// workspace, writing to stderr, and Ctrl-C during a call.
enum SignalCommandSupport {
  /// Exit statuses, documented in each command's `--help`.
  enum Status {
    /// Braze refused or failed the call, or the read-back did not match.
    static let refused: Int32 = 1
    /// The workspace is unreadable, or the arguments name nothing usable in it.
    static let unusable: Int32 = 2
    /// Braze could not be reached, or did not answer in time.
    static let network: Int32 = 3
    /// Interrupted with Ctrl-C while a call was in flight.
    static let interrupted: Int32 = 130
  }

  /// The status for a call that ended with `outcome`.
  static func status(for outcome: BrazeOutcome) -> Int32 {
    switch outcome.kind {
    case .success: return 0
    case .networkError, .timeout: return Status.network
    case .cancelled: return Status.interrupted
    default: return Status.refused
    }
  }

  /// The workspace at `path`, or exit 2 with the store's explanation on stderr.
  static func loadWorkspace(_ path: String, command: String) throws -> Workspace {
    do {
      return try WorkspaceStore(path: path).load().workspace
    } catch {
      printError(command: command, error.message)
      throw ExitCode(Status.unusable)
    }
  }

  /// Runs `work` so that Ctrl-C cancels it (the call in flight stops and is journaled as
  /// cancelled) instead of killing the process before anything is recorded.
  static func cancellingOnInterrupt<T: Sendable>(
    _ work: @escaping @Sendable () async -> T
  ) async -> T {
    let task = Task { await work() }
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler { task.cancel() }
    source.resume()
    let result = await task.value
    source.cancel()
    signal(SIGINT, SIG_DFL)
    return result
  }

  /// A client with the product's defaults, except that tests and impatient admins may
  /// shorten the per-attempt timeout with `MIZZEN_TIMEOUT_SECONDS`.
  static func client() -> BrazeClient {
    var configuration = BrazeClientConfiguration()
    if let text = ProcessInfo.processInfo.environment["MIZZEN_TIMEOUT_SECONDS"],
      let seconds = Double(text), seconds > 0
    {
      configuration.attemptTimeout = .milliseconds(Int64(seconds * 1000))
    }
    return BrazeClient(configuration: configuration)
  }
}
