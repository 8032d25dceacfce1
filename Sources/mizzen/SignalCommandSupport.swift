import ArgumentParser
import Dispatch
import Foundation
import MizzenCore
import MizzenRuntime

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

  /// Warns on stderr when the workspace holds an inline API key and its file can be read
  /// by the group or by others, as the file's mode (stat) says now: Mizzen saves such a
  /// file 0600, but a file written or copied by another tool keeps whatever mode it got.
  static func warnIfKeyIsExposed(_ workspace: Workspace, path: String, command: String) {
    let inline = workspace.connections.filter {
      if case .inline = $0.apiKey { return true }
      return false
    }
    guard let first = inline.first else { return }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return }
    let mode = String(info.st_mode & 0o777, radix: 8)
    let names = inline.count == 1 ? "connection '\(first.code)'" : "\(inline.count) connections"
    printError(
      command: command,
      "warning: \(path) holds the inline API key of \(names) and is readable by "
        + (info.st_mode & 0o007 != 0 ? "every user" : "its group") + " (mode \(mode)). "
        + "Run chmod 600 on it, or better, move the key to an environment variable.")
  }

  /// Runs `work` so that Ctrl-C cancels it (the call in flight stops and is journaled as
  /// cancelled) instead of killing the process before anything is recorded.
  static func cancellingOnInterrupt<T: Sendable>(
    preferring executor: (any TaskExecutor)? = nil, _ work: @escaping @Sendable () async -> T
  ) async -> T {
    let task = Task(executorPreference: executor) { await work() }
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
  /// shorten the per-attempt timeout with `MIZZEN_TIMEOUT_SECONDS` — as the console's.
  static func client() -> BrazeClient {
    RuntimeEnvironment.process.client()
  }
}

/// `space=value` pairs of `--identity`; a value may itself contain `=`.
enum IdentityArguments {
  static func parse(_ pairs: [String]) throws -> [String: String] {
    var values: [String: String] = [:]
    for pair in pairs {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError(
          "--identity takes SPACE=VALUE, e.g. email=ana@example.com; got '\(pair)'.")
      }
      guard values.updateValue(String(parts[1]), forKey: String(parts[0])) == nil else {
        throw ValidationError("--identity gives '\(parts[0])' twice; give each space once.")
      }
    }
    return values
  }
}
