import Foundation
import MizzenConsole
import MizzenCore
import Testing

/// History with reconcile runs: each run one row among the sends by time, held by its id;
/// enter opens it with its batches, esc goes back.
@Suite struct HistoryRunTests {
  static func batch(_ time: String, _ number: Int, errors: Int) -> String {
    "{\"attempts\":1,\"batch\":\(number),\"endpoint\":\"https://rest.iad-01.braze.com/v2/"
      + "subscription/status/set\",\"errors\":\(errors),\"groups\":[\"g-email\"],"
      + "\"identifiers\":\(50 - number),\"input\":\"/data/export.csv\",\"kind\":"
      + "\"reconcile.batch\",\"latencyMs\":31.5,\"mode\":\"apply\",\"objects\":1,\"outcome\":"
      + "\"success\",\"rateLimited\":0,\"run\":\"r2\",\"status\":201,\"time\":\"\(time)\"}"
  }

  /// A read-only run at 10:00:30 of an input whose name holds an escape, and an apply at
  /// 10:01:30 that sent 60 batches, the second with a refused row.
  static let text: String = {
    var lines = [
      "{\"drift\":4,\"fatal\":null,\"input\":\"/data/ex\\u001b[2Jport.csv\",\"kind\":"
        + "\"reconcile.read\",\"mode\":\"read-only\",\"rows\":9,\"run\":\"r1\",\"stopped\":"
        + "false,\"time\":\"2026-03-01T10:00:30.000Z\"}",
      "{\"drift\":2950,\"fatal\":null,\"input\":\"/data/export.csv\",\"kind\":"
        + "\"reconcile.read\",\"mode\":\"apply\",\"rows\":3000,\"run\":\"r2\",\"stopped\":"
        + "false,\"time\":\"2026-03-01T10:01:30.000Z\"}",
    ]
    for number in 0..<60 {
      lines.append(
        batch(
          "2026-03-01T10:01:\(31 + number / 10).\(number % 10)00Z", number,
          errors: number == 1 ? 1 : 0))
    }
    lines.append(
      "{\"fatal\":null,\"input\":\"/data/export.csv\",\"kind\":\"reconcile.apply\",\"mode\":"
        + "\"apply\",\"run\":\"r2\",\"stopped\":false,\"time\":\"2026-03-01T10:01:40.000Z\"}")
    return lines.joined(separator: "\n") + "\n"
  }()

  static func journal() throws -> ReconcileJournal {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-history-runs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let journal = ReconcileJournal(workspacePath: folder.appendingPathComponent("w.json").path)
    try Data(text.utf8).write(to: URL(fileURLWithPath: journal.path))
    return journal
  }

  /// History read with the runs of `journal` and HistoryTests' four sends (10:00:00,
  /// 10:00:05, 10:01:00, 10:02:00).
  static func history(_ journal: ReconcileJournal, size: Size = Size(width: 120, height: 30))
    throws -> ConsoleState
  {
    var state = try Fixtures.state(size: size)
    #expect(press(&state, .character("5")) == [.signal(.loadJournal)])
    let runs = try journal.readNewestRuns().runs
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.reconcileRunsLoaded(runs))))
    HistoryTests.loaded(&state, HistoryTests.journal)
    return state
  }

  static func runID(_ row: HistoryRow) -> String? {
    if case .run(let run) = row { return run.id }
    return nil
  }

  @Test func eachRunIsOneRowAmongTheSendsByTime() throws {
    let state = try Self.history(try Self.journal())
    #expect(state.history.count == 6)
    #expect(state.history.map(Self.runID) == [nil, "r2", nil, "r1", nil, nil])
    #expect(state.history[0] == .send(0))
    #expect(state.history[2] == .send(1))
    let rows = TestSendTests.text(state).split(separator: "\n").map(String.init)
    let apply = try #require(rows.first { $0.contains("reconcile export.csv") })
    #expect(apply.contains("03-01 10:01:30"))
    #expect(apply.contains("apply"))
    #expect(apply.contains("3,000 rows, 2,950 drift"))
    #expect(apply.contains("finished, 60 batches, 1 error"))
    // The input's name reaches the screen escaped, never as the escape it holds.
    let read = try #require(rows.first { $0.contains("03-01 10:00:30") })
    #expect(read.contains("ex\\e[2Jport.csv"), "\(read)")
    #expect(read.contains("read "))
    #expect(read.contains("4 drift"))
  }

  @Test func theSelectionStaysOnItsRunWhenHistoryIsReadAgain() throws {
    let journal = try Self.journal()
    var state = try Self.history(journal)
    press(&state, .character("j"))
    #expect(state.currentList.selectedRecord == 1)
    // A newer send arrives: the run moves down a row and stays selected.
    var sends = HistoryTests.journal
    var newer = sends[0]
    newer.time = "2026-03-01T10:05:00.000Z"
    sends.append(newer)
    let runs = try journal.readNewestRuns().runs
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.reconcileRunsLoaded(runs))))
    HistoryTests.loaded(&state, sends)
    #expect(state.currentList.selectedRecord == 2)
    #expect(state.currentList.selectedRecord.map { Self.runID(state.history[$0]) } == "r2")
    // The filter finds a run by its input and how it ended.
    press(&state, .character("/"))
    for character in "export.csv" { press(&state, .character(character)) }
    #expect(state.currentList.visible.map { Self.runID(state.history[$0]) } == ["r2"])
  }

  /// The sends' keys come made with the read, in journal order, and the runs' are put
  /// between them: each row's full time finds that row and no other.
  @Test func eachRowsKeyIsItsOwnAmongTheRuns() throws {
    let journal = try Self.journal()
    let start = try Self.history(journal)
    #expect(start.history.count == 6)
    for (row, record) in start.history.enumerated() {
      let time: String
      switch record {
      case .send(let index): time = start.journal[index].time
      case .run(let run): time = run.time
      }
      var state = start
      press(&state, .character("/"))
      for character in time { press(&state, .character(character)) }
      #expect(state.currentList.visible == [row], "\(time) finds row \(row)")
    }
  }

  @Test func enterOpensTheRunWithItsBatchesAndEscGoesBack() throws {
    let journal = try Self.journal()
    var state = try Self.history(journal, size: Size(width: 120, height: 24))
    press(&state, .character("j"))
    let run = try #require(journal.readNewestRuns().runs.first)
    #expect(press(&state, .enter) == [.signal(.loadReconcileBatches(run))])
    #expect(TestSendTests.text(state).contains("Reading its batches…"))
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.reconcileBatchesLoaded(runID: run.id, .success(try journal.batches(of: run))))))
    var screen = TestSendTests.text(state)
    #expect(screen.contains("Reconcile (apply) at 2026-03-01T10:01:30.000Z"))
    #expect(screen.contains("Sent           60 batches, 1 rows refused"))
    let second = try #require(screen.split(separator: "\n").first { $0.contains("  2     ") })
    #expect(second.contains("03-01 10:01:31"))
    #expect(second.contains("201"))
    #expect(second.contains("49"))
    #expect(second.contains("https://rest.iad-01.braze.com/v2/subscription/status/set"))
    #expect(!screen.contains("  60    "), "60 batches do not fit on one page")
    press(&state, .character("G"))
    screen = TestSendTests.text(state)
    #expect(screen.contains("  60    "))
    press(&state, .escape)
    #expect(state.screens.isEmpty)
    #expect(state.currentList.selectedRecord == 1)
  }

  /// An answer for a run whose screen was left changes nothing.
  @Test func batchesOfARunNoLongerOpenAreDropped() throws {
    let journal = try Self.journal()
    var state = try Self.history(journal)
    press(&state, .character("j"), .enter, .escape)
    let before = state
    let run = try #require(journal.readNewestRuns().runs.first)
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.reconcileBatchesLoaded(runID: run.id, .success([])))))
    #expect(state.screens == before.screens)
  }

  @Test func helpOnARunSaysWhatItShows() throws {
    var state = try Self.history(try Self.journal(), size: Size(width: 120, height: 40))
    press(&state, .character("j"), .enter, .character("?"))
    #expect(TestSendTests.text(state).contains("One reconcile run: what it read and sent"))
  }
}
