import Foundation
import Testing

/// Runs the `mizzen-store-probe` executable that the build puts next to the test bundle.
enum StoreProbe {
  /// The probe's path, or nil when it was not built (then the tests that need it fail).
  static let path: String? = {
    var folders: [URL] = []
    if let executable = Bundle.main.executableURL {
      folders.append(executable.deletingLastPathComponent())
    }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/debug"))
    for folder in folders {
      let candidate = folder.appendingPathComponent("mizzen-store-probe").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// Starts the probe with `arguments`; its standard output goes to the returned pipe, and
  /// its standard input comes from `input` when given.
  static func start(_ arguments: [String], input: Pipe? = nil) throws -> (Process, Pipe) {
    guard let path else {
      throw ProbeMissing()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    if let input { process.standardInput = input }
    try process.run()
    return (process, output)
  }

  /// Waits for the probe to end and returns its status and whole output. The blocking read
  /// runs off the shared task pool, so that a probe running for seconds starves no test.
  static func finish(_ process: Process, _ pipe: Pipe) async -> (status: Int32, output: String) {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        continuation.resume(
          returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
      }
    }
  }

  /// The probe's next line of output (without its newline), waited for off the task pool;
  /// empty when the output ends first.
  static func nextLine(_ pipe: Pipe) async -> String {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        var line: [UInt8] = []
        while true {
          let byte = pipe.fileHandleForReading.readData(ofLength: 1)
          guard let first = byte.first, first != 0x0A else { break }
          line.append(first)
        }
        continuation.resume(returning: String(decoding: line, as: UTF8.self))
      }
    }
  }

  /// Runs the probe to completion and returns its standard output.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
    let (process, pipe) = try start(arguments)
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, [UInt8](data))
  }

  struct ProbeMissing: Error, CustomStringConvertible {
    var description: String {
      "mizzen-store-probe was not found next to the test bundle; run `swift build --build-tests`"
    }
  }
}
