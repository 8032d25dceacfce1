import Foundation
import MizzenConsole
import Testing

/// Compares a rendered frame with its text snapshot in `Snapshots/`, beside this file.
///
/// Snapshots are rewritten only when the environment has `MIZZEN_UPDATE_SNAPSHOTS=1`; a
/// missing or different snapshot otherwise fails the test with the rows that differ.
func expectSnapshot(
  _ frame: Frame, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name + ".txt")
  let actual = frame.text + "\n"
  if ProcessInfo.processInfo.environment["MIZZEN_UPDATE_SNAPSHOTS"] == "1" {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "No snapshot \(name).txt; run with MIZZEN_UPDATE_SNAPSHOTS=1 to record it.",
      sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report: [String] = []
    for row in 0..<max(want.count, got.count) {
      let left = row < want.count ? String(want[row]) : "<none>"
      let right = row < got.count ? String(got[row]) : "<none>"
      if left != right { report.append("row \(row)\n  want |\(left)|\n  got  |\(right)|") }
    }
    let details = report.joined(separator: "\n")
    Issue.record("Snapshot \(name).txt differs:\n\(details)", sourceLocation: sourceLocation)
  }
}
