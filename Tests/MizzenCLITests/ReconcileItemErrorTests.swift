import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen reconcile --apply reports Braze's per-item errors per row")
struct ReconcileItemErrorTests {
  /// 40 drifting rows in one accepted batch; Braze refuses 25 of its items in `errors[]`
  /// (more than the 20 a message keeps), among them `c-10`, whose error also holds `c-1`.
  @Test("a row whose item errored is reported with its error and counted as failed")
  func itemErrorsPerRow() async throws {
    let refused = Set(["c-10", "c-21"] + (15..<38).filter { $0 != 21 }.map { "c-\($0)" })
    #expect(refused.count == 24)
    let errored = refused.union(["c-39"])
    let fixture = try SignalCLIFixture { $0.itemErrors = errored }
    let export = ReconcileExports.drifting(40)
    try fixture.seed(export.seed)
    let input = try fixture.write("export.csv", export.input)
    let report = fixture.folder.appendingPathComponent("drift.csv").path

    let run = try await fixture.mizzen(
      "reconcile", [input, "--apply", "--format", "json", "--report", report])
    // The errored rows still drift: exit 1, not 0.
    #expect(run.status == 1, "\(run.output)")
    #expect(fixture.v2Calls == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["drift"] as? Int == 40)
    #expect(document["failed"] as? Int == 25)
    #expect(document["corrected"] as? Int == 15)
    let failures = try #require(document["failures"] as? [[String: Any]])
    #expect(Set(failures.compactMap { $0["identifier"] as? String }) == errored)
    let c10 = try #require(failures.first { $0["identifier"] as? String == "c-10" })
    #expect(c10["line"] as? Int == 12)
    #expect((c10["error"] as? String)?.contains("'c-10'") == true)

    // The report gives each row its own result: the error, or corrected.
    let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 41)
    for index in 0..<40 {
      let identifier = "c-\(index)"
      let line = try #require(lines.first { $0.split(separator: ",")[4] == identifier })
      if errored.contains(identifier) {
        #expect(
          line.hasSuffix("'\(identifier)': provided external_id is blacklisted and disallowed"),
          "\(line)")
      } else {
        #expect(line.hasSuffix(",corrected"), "\(line)")
      }
    }
    // Braze kept the errored rows as they were and changed the others.
    #expect(ReconcileExports.mismatches(40, in: fixture.server) == 25)
  }
}
