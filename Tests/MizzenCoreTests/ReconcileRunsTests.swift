import Foundation
import MizzenCore
import Testing

/// History's reconcile runs: the reconcile journal's lines grouped into runs, read from the
/// end, and one run's batches read from its part of the file.
@Suite struct ReconcileRunsTests {
  static func batch(_ run: String, _ time: String, _ number: Int, errors: Int = 0) -> String {
    "{\"attempts\":1,\"batch\":\(number),\"endpoint\":\"http://127.0.0.1:9/v2/subscription/"
      + "status/set\",\"errors\":\(errors),\"groups\":[\"g-1\",\"g-2\"],\"identifiers\":50,"
      + "\"input\":\"/data/export.csv\",\"kind\":\"reconcile.batch\",\"latencyMs\":31.5,"
      + "\"mode\":\"apply\",\"objects\":2,\"outcome\":\"success\",\"rateLimited\":0,"
      + "\"run\":\"\(run)\",\"status\":201,\"time\":\"\(time)\"}"
  }

  static func read(
    _ run: String, _ time: String, mode: String, drift: Int, stopped: Bool = false,
    input: String = "/data/export.csv"
  ) -> String {
    "{\"agree\":10,\"drift\":\(drift),\"fatal\":null,\"input\":\"\(input)\",\"kind\":"
      + "\"reconcile.read\",\"mode\":\"\(mode)\",\"records\":20,\"rows\":20,\"run\":\"\(run)\","
      + "\"stopped\":\(stopped),\"time\":\"\(time)\"}"
  }

  static func apply(_ run: String, _ time: String, fatal: String? = nil) -> String {
    "{\"batches\":3,\"fatal\":\(fatal.map { "\"\($0)\"" } ?? "null"),\"input\":"
      + "\"/data/export.csv\",\"kind\":\"reconcile.apply\",\"mode\":\"apply\",\"run\":"
      + "\"\(run)\",\"stopped\":false,\"time\":\"\(time)\"}"
  }

  /// Four runs, oldest first: read-only; apply killed after two batches; its resume, which
  /// finished; an apply whose second batch had a refused row, then a torn line.
  static let lines = [
    read("r1", "2026-03-01T10:00:00.000Z", mode: "read-only", drift: 10),
    read("r2", "2026-03-01T10:01:00.000Z", mode: "apply", drift: 10),
    batch("r2", "2026-03-01T10:01:01.000Z", 0),
    batch("r2", "2026-03-01T10:01:02.000Z", 1),
    batch("r3", "2026-03-01T10:02:00.000Z", 2).replacingOccurrences(
      of: "\"mode\":\"apply\"", with: "\"mode\":\"resume\""),
    apply("r3", "2026-03-01T10:02:01.000Z").replacingOccurrences(
      of: "\"mode\":\"apply\"", with: "\"mode\":\"resume\""),
    read(
      "r4", "2026-03-01T10:03:00.000Z", mode: "apply", drift: 3, input: "/data/ex\\u001b[2J.csv"),
    batch("r4", "2026-03-01T10:03:01.000Z", 0),
    batch("r4", "2026-03-01T10:03:02.000Z", 1, errors: 1),
    apply("r4", "2026-03-01T10:03:03.000Z").replacingOccurrences(
      of: "/data/export.csv", with: "/data/ex\\u001b[2J.csv"),
  ]

  static func journal(_ text: String) throws -> ReconcileJournal {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-runs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let journal = ReconcileJournal(workspacePath: folder.appendingPathComponent("w.json").path)
    try Data(text.utf8).write(to: URL(fileURLWithPath: journal.path))
    return journal
  }

  /// History's one order, for the console and `mizzen history`: newest first, a send
  /// before a run of the same time, cut at the limit.
  @Test func sendsAndRunsMergeByTime() throws {
    let runs = try Self.journal(Self.lines.joined(separator: "\n") + "\n").readNewestRuns().runs
    let sends = ["2026-03-01T10:02:00.000Z", "2026-03-01T09:00:00.000Z"]
    let all = HistoryPick.merged(sends: sends.count, sendTime: { sends[$0] }, runs: runs)
    #expect(all == [.run(0), .send(0), .run(1), .run(2), .run(3), .send(1)])
    let three = HistoryPick.merged(
      sends: sends.count, sendTime: { sends[$0] }, runs: runs, limit: 3)
    #expect(three == Array(all.prefix(3)))
  }

  /// A run still being written, or cut by a torn write: its last batch has no newline.
  @Test func aLastLineWithoutItsNewlineReadsToTheFilesEnd() throws {
    let journal = try Self.journal(
      [
        Self.read("r1", "2026-03-01T10:00:00.000Z", mode: "apply", drift: 10),
        Self.batch("r1", "2026-03-01T10:00:01.000Z", 0),
        Self.batch("r1", "2026-03-01T10:00:02.000Z", 1),
      ].joined(separator: "\n"))
    let runs = try journal.readNewestRuns().runs
    #expect(runs.map(\.id) == ["r1"])
    #expect(try journal.batches(of: runs[0]).map(\.number) == [0, 1])
  }

  @Test(arguments: [7, 64 * 1024])
  func runsAreGroupedNewestFirstWithHowEachEnded(blockSize: Int) throws {
    let journal = try Self.journal(Self.lines.joined(separator: "\n") + "\n{\"kind\":\"reco")
    let all = try journal.readNewestRuns(blockSize: blockSize)
    #expect(all.unreadable == 1)
    #expect(all.runs.map(\.id) == ["r4", "r3", "r2", "r1"])
    #expect(all.runs.map(\.end) == [.finished, .finished, .interrupted, .finished])
    #expect(all.runs.map(\.batches) == [2, 1, 2, 0])
    #expect(all.runs.map(\.errors) == [1, 0, 0, 0])
    #expect(all.runs.map(\.rows) == [20, nil, 20, 20])
    #expect(all.runs.map(\.mode) == ["apply", "resume", "apply", "read-only"])
    #expect(all.runs.map(\.time)[1] == "2026-03-01T10:02:00.000Z")
    #expect(all.runs[0].input == "/data/ex\u{1b}[2J.csv")
    #expect(all.runs[3].applies == false)

    let newest = try journal.readNewestRuns(2, blockSize: blockSize)
    #expect(newest.runs == Array(all.runs.prefix(2)))

    let batches = try journal.batches(of: all.runs[0])
    #expect(batches.map(\.number) == [0, 1])
    #expect(batches.map(\.errors) == [0, 1])
    #expect(batches[0].endpoint == "http://127.0.0.1:9/v2/subscription/status/set")
    #expect(batches[0].groups == ["g-1", "g-2"])
    #expect(batches[0].identifiers == 50)
    #expect(batches[0].status == 201)
    #expect(batches.map(\.time) == ["2026-03-01T10:03:01.000Z", "2026-03-01T10:03:02.000Z"])
    #expect(try journal.batches(of: all.runs[2]).map(\.number) == [0, 1])
  }

  /// With a limit, the lines before the runs shown are never read: garbage there changes
  /// nothing, and is not even counted.
  @Test func onlyTheRunsShownAreRead() throws {
    let garbage = String(repeating: "not json\n", count: 1000)
    let journal = try Self.journal(garbage + Self.lines.joined(separator: "\n") + "\n")
    let newest = try journal.readNewestRuns(2, blockSize: 256)
    #expect(newest.runs.map(\.id) == ["r4", "r3"])
    #expect(newest.unreadable == 0)
  }

  /// Lines journaled before runs had ids: a read starts a run, an apply ends one.
  @Test func linesWithoutARunIdAreGroupedByOrder() throws {
    let legacy = Self.lines.map {
      $0.replacingOccurrences(of: #","run":"r\d""#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #","mode":"[a-z-]+""#, with: "", options: .regularExpression)
    }
    // The read-only run, and the apply with its two batches and its end.
    let text = [legacy[0], legacy[1], legacy[2], legacy[3], legacy[5], legacy[0]]
    let journal = try Self.journal(text.joined(separator: "\n") + "\n")
    let runs = try journal.readNewestRuns().runs
    #expect(runs.map(\.batches) == [0, 2, 0])
    #expect(runs.map(\.end) == [.finished, .finished, .finished])
    #expect(runs[1].id.hasPrefix("@"))
    #expect(try journal.batches(of: runs[1]).count == 2)
  }

  @Test func aMissingJournalHasNoRuns() throws {
    let journal = ReconcileJournal(workspacePath: "/nonexistent/mizzen/w.json")
    #expect(try journal.readNewestRuns().runs.isEmpty)
  }
}
