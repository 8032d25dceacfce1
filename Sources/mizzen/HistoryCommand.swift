import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen history`: the signal journal, newest first (SPEC §3, §5).
struct HistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the signal journal, newest first.",
    discussion: """
      Lists the sends recorded in <workspace>.journal.jsonl: time, topic/channel, \
      identity, choice, outcome with HTTP status, latency and attempts. A read-back made \
      on its own (v in the console) shows verify in place of the choice. With --format \
      json, prints a JSON array of the journal entries as they are stored (requests, \
      every attempt with status, body and rate-limit headers). A line that cannot be \
      read (for example one torn by a crash) is skipped with a warning on stderr; the \
      journal is read from its end, so with a limit only the newest lines are read and \
      a warning counts its line from the end.

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
    guard files.fileExists(atPath: path) || files.fileExists(atPath: journal.path) else {
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
    switch format {
    case .json:
      print(stableJSON(entries))
    case .text:
      if entries.isEmpty {
        printText("No sends recorded yet in \(journal.path).")
      }
      printText(entries.map(SignalTextRenderer.historyLine))
    }
  }
}
