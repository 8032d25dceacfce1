import Foundation
import MizzenCore
import Testing

/// The checkpoint beside a reconcile input: synced lines that a kill mid-write cannot
/// corrupt for the lines after it.
@Suite struct ReconcileCheckpointTests {
  @Test func anAcknowledgementAfterATornLineIsKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-checkpoint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let checkpoint = ReconcileCheckpoint(inputPath: folder.appendingPathComponent("in.csv").path)
    try checkpoint.begin(fingerprint: "f", drift: [1, 2, 3], batchCount: 3)
    try checkpoint.acknowledge(0, applied: 1, errors: [])
    // A kill in the middle of the next acknowledgement: half a line, no newline.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: checkpoint.path))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"batch\":1,\"app".utf8))
    try handle.close()
    try checkpoint.acknowledge(2, applied: 1, errors: [])
    let state = try #require(try checkpoint.load())
    #expect(state.acknowledged.keys.sorted() == [0, 2])
    let mode = try FileManager.default.attributesOfItem(atPath: checkpoint.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
  }
}
