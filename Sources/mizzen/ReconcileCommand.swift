import ArgumentParser
import Dispatch
import Foundation
import MizzenCore
import MizzenTerminal

/// `mizzen reconcile`: compares a preference export with Braze and, with `--apply`,
/// corrects the drift (SPEC §9).
struct ReconcileCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reconcile",
    abstract: "Compare a preference export with Braze, and correct the drift.",
    discussion: """
      INPUT is CSV with a header, or JSON Lines when its name ends in .jsonl: one row per \
      person × topic (× channel), with identity columns named by identity-space code, \
      topic, optional channel (absent: every channel of the topic that has a subscription \
      group), state (granted or denied) and optional at (RFC 3339; the latest row for a \
      person × topic × channel wins, the later line on a tie). Each row is planned as \
      `mizzen send` would plan it. Bad rows go to INPUT.rejects with their line and \
      reason and never stop the run.

      Read-only by default: reads Braze's states with GET /subscription/status/get, 50 \
      identifiers a call per group, paced by the X-RateLimit-* headers, and prints per \
      topic × channel the rows that agree, drift (drift +: granted but unsubscribed in \
      Braze; drift -: denied but subscribed), are unknown to Braze, or were refused.

      --apply corrects the drift with POST /v2/subscription/status/set: 50 identifiers an \
      object, up to 25 objects a call, one call at a time, at most --max-rate calls a \
      minute (Braze's limit, 5,000, by default) and slower when the rate-limit headers say \
      so. Each acknowledged batch is recorded in INPUT.mizzen-progress (synced to disk) \
      before the next is sent; after Ctrl-C, a crash or kill -9, --resume continues and \
      re-sends at most the batch that was in flight. --dry-run prints the batches instead \
      of sending them. Every read phase, batch and run is journaled with counts in \
      <workspace>.reconcile.jsonl.

      Progress goes to stderr: a bar on a terminal, otherwise a line every 5 seconds. \
      Ctrl-C stops after the batch in flight.

      Exit status: 0 no drift (or all of it corrected), 1 drift remains, 2 the run could \
      not be done (unreadable input or workspace, no key, Braze unreachable or refusing \
      the key; with --apply the checkpoint is kept for --resume), 64 invalid options, 130 \
      stopped with Ctrl-C (143 SIGTERM, 129 SIGHUP), after the call in flight.
      """
  )

  /// How the summary is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
  }

  @OptionGroup var options: WorkspaceOptions

  @Argument(help: ArgumentHelp("The export: .csv (with a header) or .jsonl.", valueName: "input"))
  var input: String

  @Flag(help: "Correct the drift in Braze (v2 batches).")
  var apply = false

  @Flag(help: "Print the correction batches and send nothing.")
  var dryRun = false

  @Flag(help: "Continue a stopped --apply from INPUT.mizzen-progress.")
  var resume = false

  @Option(
    name: .customLong("max-rate"),
    help: ArgumentHelp("Write calls per minute, at most 5000.", valueName: "n"))
  var maxRate: Int = 5000

  @Option(help: ArgumentHelp("Write every drifting row to this CSV file.", valueName: "file"))
  var report: String?

  @Option(help: ArgumentHelp("text, json or csv.", valueName: "format"))
  var format: Format = .text

  func validate() throws {
    guard (1...5000).contains(maxRate) else {
      throw ValidationError("--max-rate must be between 1 and 5000 calls a minute.")
    }
    if dryRun && resume {
      throw ValidationError("--dry-run sends nothing, so there is nothing to --resume.")
    }
  }

  func run() async throws {
    let workspacePath = options.resolvedPath
    let workspace = try SignalCommandSupport.loadWorkspace(workspacePath, command: "reconcile")
    let inputPath = URL(fileURLWithPath: input).standardizedFileURL.path
    var settings = ReconcileOptions()
    settings.apply = apply || resume
    settings.dryRun = dryRun
    settings.resume = resume
    settings.maxWritesPerMinute = maxRate
    let display = ReconcileProgressDisplay()
    let stop = StopFlag()
    let runner = ReconcileRunner(
      workspace: workspace, workspacePath: workspacePath, inputPath: inputPath,
      options: settings, environment: ProcessInfo.processInfo.environment,
      client: SignalCommandSupport.client(), progress: { display.show($0) },
      stopRequested: { stop.isSet })
    let rejects = RejectsFile(path: inputPath + ".rejects")
    let outcome: ReconcileOutcome
    do throws(ReconcileError) {
      outcome = try await runner.run { rejects.add($0) }
    } catch {
      stop.cancel()
      display.finish()
      rejects.close()
      printError(command: "reconcile", TerminalText.escaped(error.message))
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    stop.cancel()
    display.finish()
    let rejected = rejects.close()
    if let report { try writeReport(outcome, to: report) }
    print(render(outcome, rejected: rejected, rejectsPath: rejects.path))
    try exit(outcome, signal: stop.signal)
  }

  private func exit(_ outcome: ReconcileOutcome, signal: Int32?) throws {
    if let fatal = outcome.fatal {
      printError(command: "reconcile", TerminalText.escaped(fatal))
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    if outcome.stopped {
      let how = signal == nil || signal == SIGINT ? "with Ctrl-C" : "by signal \(signal ?? 0)"
      printError(
        command: "reconcile",
        settingsApply
          ? "stopped \(how); run again with --resume to continue."
          : "stopped \(how) before every state was read.")
      throw ExitCode(SignalTrap.exitStatus(for: signal ?? SIGINT))
    }
    if outcome.remainingDrift > 0 { throw ExitCode(1) }
  }

  private var settingsApply: Bool { (apply || resume) && !dryRun }

  private func writeReport(_ outcome: ReconcileOutcome, to path: String) throws {
    var text = ReconcileReport.driftHeader + "\n"
    for record in outcome.drift {
      let result =
        outcome.failed[record] ?? (outcome.corrected.contains(record) ? "corrected" : "")
      text += ReconcileReport.driftLine(outcome.table.driftRow(record, result: result)) + "\n"
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      printError(
        command: "reconcile", "cannot write the report \(path): \(error.localizedDescription)")
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
  }

  private func render(_ outcome: ReconcileOutcome, rejected: Int, rejectsPath: String) -> String {
    let counts = outcome.counts()
    let requests =
      dryRun ? outcome.writes.map { ReconcileBatches.request($0, in: outcome.table) } : []
    switch format {
    case .json:
      return stableJSON(
        ReconcileDocument(
          outcome, input: input, counts: counts, rejected: rejected, wouldSend: requests))
    case .csv:
      let batches = requests.enumerated().map {
        "# batch \($0.offset + 1): POST \($0.element.url) \($0.element.bodyText ?? "")"
      }
      return TerminalText.escaped(
        (batches + [ReconcileReport.csv(counts)]).joined(separator: "\n"), keepingNewlines: true)
    case .text:
      var lines: [String] = []
      for (number, request) in requests.enumerated() {
        lines.append("batch \(number + 1) of \(requests.count): POST \(request.url)")
        lines.append(TerminalText.escaped(request.bodyText ?? ""))
      }
      if !requests.isEmpty { lines.append("") }
      lines.append(summary(outcome, rejected: rejected, rejectsPath: rejectsPath))
      lines.append(ReconcileReport.table(counts, applied: settingsApply))
      lines += notes(outcome)
      return lines.joined(separator: "\n")
    }
  }

  private func summary(_ outcome: ReconcileOutcome, rejected: Int, rejectsPath: String) -> String {
    let table = outcome.table
    let grouped = ReconcileProgressLine.grouped
    var text =
      "\(TerminalText.escaped(input)): \(grouped(table.rowCount)) rows, "
      + "\(grouped(table.recordCount)) person × topic × channel records"
    if rejected > 0 {
      text += ", \(grouped(rejected)) refused (see \(TerminalText.escaped(rejectsPath)))"
    }
    text +=
      ". Calls: \(grouped(outcome.readRequests)) reads, \(grouped(outcome.writeRequests)) writes"
    if outcome.rateLimited > 0 { text += ", \(grouped(outcome.rateLimited)) answered 429" }
    return text + "."
  }

  private func notes(_ outcome: ReconcileOutcome) -> [String] {
    var lines: [String] = []
    let grouped = ReconcileProgressLine.grouped
    if outcome.readSkipped {
      lines.append(
        "Resumed: \(grouped(outcome.resumedBatches)) of \(grouped(outcome.writes.count)) batches were "
          + "already acknowledged; Braze was not read again, so agree and unknown are not counted.")
    }
    if settingsApply {
      lines.append(
        "Corrected \(grouped(outcome.corrected.count)) of \(grouped(outcome.drift.count)) drifting "
          + "rows; \(grouped(outcome.failed.count)) failed.")
      for (record, message) in outcome.failed.sorted(by: { $0.key < $1.key }).prefix(10) {
        lines.append(
          "  line \(outcome.table.line(of: record)): \(TerminalText.escaped(message))")
      }
    } else if !outcome.drift.isEmpty && !dryRun {
      lines.append(
        "\(grouped(outcome.drift.count)) rows drift. Run with --apply to correct them"
          + (report == nil ? "; --report FILE lists them." : "."))
    }
    for note in outcome.batchNotes.prefix(5) {
      lines.append("Braze: \(TerminalText.escaped(note))")
    }
    return lines
  }
}
