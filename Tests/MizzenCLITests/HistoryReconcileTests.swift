import Foundation
import MizzenCore
import Testing

@Suite("mizzen history lists reconcile runs among the sends")
struct HistoryReconcileTests {
  @Test("a reconcile run is one line, by time, with its counts and how it ended")
  func runLines() async throws {
    let fixture = try SignalCLIFixture()
    let export = ReconcileExports.drifting(6)
    try fixture.seed(export.seed)
    // The input's name holds an escape, which must reach the terminal escaped.
    let input = try fixture.write("ex\u{1b}[2Jport.csv", export.input)
    let read = try await fixture.mizzen("reconcile", [input])
    #expect(read.status == 1, "\(read.output)")
    let applied = try await fixture.mizzen("reconcile", [input, "--apply"])
    #expect(applied.status == 0, "\(applied.output)")
    let sent = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
        "--state", "granted",
      ])
    #expect(sent.status == 0, "\(sent.stderr)")

    let history = try await fixture.mizzen("history", [])
    #expect(history.status == 0, "\(history.output)")
    let lines = history.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(history.stdout)")
    #expect(lines[0].contains("email=ana@example.com  granted  success 201"))
    #expect(
      lines[1].hasSuffix(
        "  reconcile apply  ex\\e[2Jport.csv  6 rows, 6 drift, 1 batch sent, 0 errors  finished"),
      "\(lines[1])")
    #expect(
      lines[2].hasSuffix("  reconcile read-only  ex\\e[2Jport.csv  6 rows, 6 drift  finished"),
      "\(lines[2])")
    #expect(!history.stdout.contains("\u{1b}"))

    let limited = try await fixture.mizzen("history", ["--limit", "2", "--format", "json"])
    let items = try #require(
      try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [[String: Any]])
    #expect(items.count == 2)
    #expect(items[1]["kind"] as? String == "reconcile.run")
    #expect(items[1]["mode"] as? String == "apply")
    #expect(items[1]["batches"] as? Int == 1)
    #expect(items[1]["end"] as? String == "finished")
  }
}
