import Foundation
import Testing

@testable import MizzenCore

/// Two processes edit one workspace at once, each reloading and retrying on conflict.
@Suite(.serialized) struct StoreConcurrencyTests {
  @Test(.timeLimit(.minutes(2)))
  func twoProcessesNeverLoseAnUpdate() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("w.json")
    let start = Workspace(
      name: "Shared",
      topics: [
        Topic(code: "a", name: "A", description: "0"),
        Topic(code: "b", name: "B", description: "0"),
      ])
    try WorkspaceStore(path: path).save(start, expecting: nil)
    let edits = 120
    let first = try StoreProbe.start(["edit", path, "a", String(edits)])
    let second = try StoreProbe.start(["edit", path, "b", String(edits)])
    // Wait without holding a thread of the shared pool for the probes' many seconds, so
    // that the timing tests running beside this one are not starved. Each probe prints one
    // line at its end, which its pipe holds until it is read.
    while first.0.isRunning || second.0.isRunning {
      try await Task.sleep(for: .milliseconds(50))
    }
    var conflicts = 0
    for (process, pipe) in [first, second] {
      let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let count = output.split(separator: "\n").first.flatMap { Int($0.dropFirst(10)) }
      conflicts += try #require(count, "unexpected probe output: \(output)")
    }
    let final = try WorkspaceStore(path: path).load().workspace
    #expect(final.topic("a")?.description == String(edits))
    #expect(final.topic("b")?.description == String(edits))
    #expect(conflicts > 0, "the processes should have raced")
  }
}
