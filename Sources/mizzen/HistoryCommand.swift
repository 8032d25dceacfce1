import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen history`: the signal journal and the reconcile runs, newest first (SPEC §3, §5,
/// §9).
struct HistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the signal journal and the reconcile runs, newest first.",
    discussion: """
      Lists the sends recorded in <workspace>.journal.jsonl: time, topic/channel, \
      identity, choice, outcome with HTTP status, latency and attempts. A read-back made \
      on its own (v in the console) shows verify in place of the choice. With --format \
      json, prints a JSON array of the journal entries as they are stored (requests, \
      every attempt with status, body and rate-limit headers). A line that cannot be \
      read (for example one torn by a crash) is skipped with a warning on stderr; the \
      journal is read from its end, so with a limit only the newest lines are read and \
      a warning counts its line from the end.

      A reconcile run (<workspace>.reconcile.jsonl) is one line among the sends, by its \
      start time: read-only, dry-run, apply or resume, the input file, its rows, drift, \
      batches sent and rows refused, and whether it finished, was cancelled, failed or \
      was interrupted (killed, or still running). In JSON it is an object with "kind": \
      "reconcile.run".

      Exit status: 0 listed (also when nothing was sent yet); 2 there is no workspace \
      file, or the journal could not be read; 64 invalid options.
      """
  )

  @OptionGroup var options: WorkspaceOptions

  @Option(help: ArgumentHelp("Show at most this many sends; 0 shows all.", valueName: "n"))
  var limit: Int = 20

  @Option(help: ArgumentHelp("text or json.", valueName: "format"))
  var format: OutputFormat = .text

  func validate() throws {
    guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more.") }
  }

  func run() async throws {
    let path = options.resolvedPath
    let journal = SignalJournal(workspacePath: path)
    let files = FileManager.default
    guard
      files.fileExists(atPath: path) || files.fileExists(atPath: journal.path)
        || files.fileExists(atPath: ReconcileJournal(workspacePath: path).path)
    else {
      printError(
        command: "history",
        "no workspace at \(path), so no journal: nothing was sent from it. Give --workspace "
          + "PATH or set MIZZEN_WORKSPACE, or run mizzen init.")
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    let contents: JournalContents
    do {
      // Only the lines shown are read, from the end, so a long journal costs nothing more.
      contents = try limit == 0 ? journal.read() : journal.readNewest(limit)
    } catch {
      printError(command: "history", error.message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    for warning in contents.warnings {
      printError(command: "history", "warning: " + warning)
    }
    let entries = contents.newestFirst(limit: limit == 0 ? nil : limit)
    let reconcile = ReconcileJournal(workspacePath: path)
    let runs: [ReconcileRun]
    do throws(ReconcileError) {
      // Runs are read from the end too, so only the ones that can be shown.
      let read = try reconcile.readNewestRuns(limit == 0 ? nil : limit)
      runs = read.runs
      if read.unreadable > 0 {
        printError(
          command: "history",
          "warning: \(read.unreadable) line(s) of \(reconcile.path) are not journal entries; "
            + "they were skipped.")
      }
    } catch {
      printError(command: "history", error.message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    let items = HistoryItem.merged(entries, runs, limit: limit == 0 ? nil : limit)
    switch format {
    case .json:
      print(stableJSON(items))
    case .text:
      if items.isEmpty {
        printText("No sends recorded yet in \(journal.path).")
      }
      printText(items.map(\.line))
    }
  }
}

/// A line of `mizzen history`: a send, or a reconcile run.
enum HistoryItem: Encodable {
  case send(JournalEntry)
  case run(ReconcileRun)

  var time: String {
    switch self {
    case .send(let entry): return entry.time
    case .run(let run): return run.time
    }
  }

  /// Both lists newest first, merged by time (`HistoryPick.merged`).
  static func merged(_ sends: [JournalEntry], _ runs: [ReconcileRun], limit: Int?)
    -> [HistoryItem]
  {
    HistoryPick.merged(sends: sends.count, sendTime: { sends[$0].time }, runs: runs, limit: limit)
      .map { pick in
        switch pick {
        case .send(let index): return .send(sends[index])
        case .run(let index): return .run(runs[index])
        }
      }
  }

  var line: String {
    switch self {
    case .send(let entry): return SignalTextRenderer.historyLine(entry)
    case .run(let run): return Self.runLine(run)
    }
  }

  /// `<time>  reconcile apply  export.csv  100,000 rows, 4,000 drift, 80 batches sent,
  /// 0 errors  finished`.
  static func runLine(_ run: ReconcileRun) -> String {
    let grouped = ReconcileProgressLine.grouped
    var counts: [String] = []
    if let rows = run.rows { counts.append("\(grouped(rows)) rows") }
    if let drift = run.drift { counts.append("\(grouped(drift)) drift") }
    if run.rows == nil { counts.append("resumed without reading Braze") }
    if run.applies {
      counts.append("\(grouped(run.batches)) batch\(run.batches == 1 ? "" : "es") sent")
      counts.append("\(grouped(run.errors)) error\(run.errors == 1 ? "" : "s")")
    }
    var end = run.end.rawValue
    if let fatal = run.fatal { end += ": " + fatal }
    return [
      run.time, "reconcile " + (run.mode ?? (run.applies ? "apply" : "read-only")),
      run.inputName, counts.joined(separator: ", "), end,
    ].joined(separator: "  ")
  }

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .send(let entry): try entry.encode(to: encoder)
    case .run(let run): try RunDocument(run).encode(to: encoder)
    }
  }

  /// A run in `--format json`.
  private struct RunDocument: Encodable {
    var kind = "reconcile.run"
    var id: String
    var time: String
    var input: String
    var mode: String?
    var rows: Int?
    var drift: Int?
    var batches: Int
    var errors: Int
    var end: String
    var fatal: String?

    init(_ run: ReconcileRun) {
      id = run.id
      time = run.time
      input = run.input
      mode = run.mode
      rows = run.rows
      drift = run.drift
      batches = run.batches
      errors = run.errors
      end = run.end.rawValue
      fatal = run.fatal
    }
  }
}
