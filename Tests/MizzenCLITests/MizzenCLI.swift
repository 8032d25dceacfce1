import Foundation
import MizzenTestSupport

/// Runs the real `mizzen` executable as a child process, as scripts run it.
enum MizzenCLI {
  /// What one run printed and how it ended.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var output: String { stdout + stderr }
  }

  struct ExecutableMissing: Error, CustomStringConvertible {
    var description: String {
      "the mizzen executable was not found beside the test bundle; run swift build --build-tests"
    }
  }

  /// `mizzen`, found beside the test bundle or in `.build/debug`, or the one
  /// `MIZZEN_CLI_BIN` names (a release build, for a test run at scale).
  static let executable: String? = {
    if let path = ProcessInfo.processInfo.environment["MIZZEN_CLI_BIN"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    var folders: [URL] = []
    if let bundle = Bundle.main.executableURL { folders.append(bundle.deletingLastPathComponent()) }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/debug"))
    return folders.map { $0.appendingPathComponent("mizzen").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs `executable arguments…` in a clean environment plus `environment`; `whileRunning`
  /// gets the process once it has started (to send it a signal).
  ///
  /// The child is waited for on a thread of its own (`onOwnThread`), not on the shared pool
  /// that runs the tests: a test that runs many commands would otherwise hold a pool thread
  /// for seconds and starve the timing tests that run beside it.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], executable: String? = nil,
    directory: String? = nil, whileRunning: (@Sendable (Process) -> Void)? = nil
  ) async throws -> Run {
    let path = executable ?? Self.executable
    return try await onOwnThread {
      try blockingRun(
        arguments, environment: environment, path: path, directory: directory,
        whileRunning: whileRunning)
    }
  }

  private static func blockingRun(
    _ arguments: [String], environment: [String: String], path: String?, directory: String?,
    whileRunning: (@Sendable (Process) -> Void)?
  ) throws -> Run {
    guard let path else { throw ExecutableMissing() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
    env.merge(environment) { _, new in new }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    if let whileRunning { DispatchQueue.global().async { whileRunning(process) } }
    let errors = ReadInBackground(err.fileHandleForReading)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.wait()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// Reads a pipe to its end on another thread, so a chatty child never blocks.
  private final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      DispatchQueue.global().async {
        self.data = handle.readDataToEndOfFile()
        self.done.signal()
      }
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}

/// A fresh temporary folder, removed when the value is no longer used.
final class TemporaryFolder {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  func file(_ name: String) -> String { path + "/" + name }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
