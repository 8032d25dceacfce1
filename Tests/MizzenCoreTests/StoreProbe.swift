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

  /// Starts the probe with `arguments`; its standard output goes to the returned pipe.
  static func start(_ arguments: [String]) throws -> (Process, Pipe) {
    guard let path else {
      throw ProbeMissing()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    return (process, output)
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
