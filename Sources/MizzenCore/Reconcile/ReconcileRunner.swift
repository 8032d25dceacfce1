import Foundation

/// Runs a reconcile (SPEC §9): loads and plans the input, reads Braze's states with
/// concurrent paced GETs, diffs, and with `--apply` sends the v2 corrections one batch at
/// a time, each acknowledged in the checkpoint before the next goes out.
public struct ReconcileRunner: Sendable {
  public let workspace: Workspace
  public let workspacePath: String
  public let inputPath: String
  public let options: ReconcileOptions
  public let environment: [String: String]
  public let client: BrazeClient
  /// Called after every call; the receiver decides how often to show it.
  public let progress: @Sendable (ReconcileProgress) -> Void
  /// Polled between calls: true once Ctrl-C asked to stop after the batch in flight.
  public let stopRequested: @Sendable () -> Bool
  /// Marks every line this run journals, so that History shows the run as one entry.
  public let runID = UUID().uuidString.lowercased()

  public init(
    workspace: Workspace, workspacePath: String, inputPath: String, options: ReconcileOptions,
    environment: [String: String], client: BrazeClient,
    progress: @escaping @Sendable (ReconcileProgress) -> Void = { _ in },
    stopRequested: @escaping @Sendable () -> Bool = { false }
  ) {
    self.workspace = workspace
    self.workspacePath = workspacePath
    self.inputPath = inputPath
    self.options = options
    self.environment = environment
    self.client = client
    self.progress = progress
    self.stopRequested = stopRequested
  }

  var journal: ReconcileJournal { ReconcileJournal(workspacePath: workspacePath) }

  /// Runs to the end, to Ctrl-C, or to a failure that stops it (`fatal`). Throws only
  /// when nothing could be done at all.
  public func run(reject: (ReconcileReject) -> Void) async throws(ReconcileError)
    -> ReconcileOutcome
  {
    let table = try ReconcileTable.load(path: inputPath, workspace: workspace, reject: reject)
    let keys = try resolveKeys(table)
    let checkpoint = ReconcileCheckpoint(inputPath: inputPath)
    let applying = (options.apply || options.resume) && !options.dryRun
    if applying, let saved = try checkpoint.load() {
      guard options.resume else {
        throw ReconcileError(
          "An earlier --apply on this input stopped after \(saved.acknowledged.count) of "
            + "\(saved.batchCount) batches (\(checkpoint.path)). Run again with --resume to "
            + "continue it, or delete that file to start over.")
      }
      guard saved.fingerprint == table.fingerprint else {
        throw ReconcileError(
          "The input or the workspace mapping changed since the stopped --apply "
            + "(\(checkpoint.path)); --resume would not send the same batches. Delete the "
            + "checkpoint to start over.")
      }
      var outcome = ReconcileOutcome(table: consume table, drift: saved.drift, writes: [])
      outcome.readSkipped = true
      for index in saved.drift {
        outcome.table.records[Int(index)].braze =
          outcome.table.records[Int(index)].granted ? .unsubscribed : .subscribed
      }
      outcome.writes = ReconcileBatches.writes(saved.drift, in: outcome.table)
      guard outcome.writes.count == saved.batchCount else {
        throw ReconcileError(
          "The checkpoint \(checkpoint.path) plans \(saved.batchCount) batches but its drift "
            + "cuts into \(outcome.writes.count); delete it to start over.")
      }
      return await apply(outcome, keys: keys, checkpoint: checkpoint, saved: saved)
    }
    let fingerprint = table.fingerprint
    // Consumed, so that recording Braze's answers does not copy every record.
    var outcome = ReconcileOutcome(table: consume table, drift: [], writes: [])
    await read(&outcome, keys: keys)
    guard outcome.fatal == nil, !outcome.stopped else { return outcome }
    outcome.drift = outcome.table.drift
    outcome.writes = ReconcileBatches.writes(outcome.drift, in: outcome.table)
    guard applying, !outcome.writes.isEmpty else { return outcome }
    try checkpoint.begin(
      fingerprint: fingerprint, drift: outcome.drift, batchCount: outcome.writes.count)
    return await apply(outcome, keys: keys, checkpoint: checkpoint, saved: nil)
  }

  /// The key of every connection the rows reach.
  private func resolveKeys(_ table: ReconcileTable) throws(ReconcileError) -> [String: String] {
    var keys: [String: String] = [:]
    for target in table.targets where !target.groupID.isEmpty && keys[target.connection] == nil {
      do throws(SignalPlanError) {
        keys[target.connection] = try APIKeyResolver.resolve(
          target.keySource, connection: target.connection, environment: environment)
      } catch {
        throw ReconcileError(error.message)
      }
    }
    return keys
  }

  private func read(_ outcome: inout ReconcileOutcome, keys: [String: String]) async {
    let reads = ReconcileBatches.reads(outcome.table)
    let recordCount = outcome.table.recordCount
    let pacer = RatePacer(perMinute: nil)
    let clock = ContinuousClock()
    let started = clock.now
    var done = 0
    var drift = 0
    var refusedReads: [String] = []
    var refusedRecords = 0
    await withTaskGroup(of: (Int, BrazeExchange).self) { group in
      var nextRead = 0
      func launch() {
        let number = nextRead
        nextRead += 1
        let target = outcome.table.targets[Int(reads[number].target)]
        let request = ReconcileBatches.request(reads[number], in: outcome.table)
        let key = keys[target.connection] ?? ""
        let client = self.client
        group.addTask {
          await pacer.wait()
          return (number, await client.perform(request, key: key))
        }
      }
      while nextRead < min(reads.count, max(1, options.readConcurrency)) { launch() }
      while let (number, exchange) = await group.next() {
        let read = reads[number]
        outcome.readRequests += 1
        outcome.rateLimited += exchange.attempts.filter { $0.status == 429 }.count
        pacer.observe(exchange.attempts.last?.rateLimit)
        switch exchange.outcome.kind {
        case .success:
          outcome.table.record(read, status: Self.status(exchange.responseBody))
          drift += read.records.filter { outcome.table.isDrift($0) }.count
        case .invalidRequest:
          outcome.table.refuse(read)
          refusedRecords += read.records.count
          if refusedReads.count < 5 { refusedReads.append(exchange.outcome.message) }
        default:
          if outcome.fatal == nil { outcome.fatal = exchange.outcome.message }
        }
        done += read.records.count
        progress(
          ReconcileProgress(
            phase: .read, done: done, total: recordCount, drift: drift,
            errors: refusedRecords, requests: outcome.readRequests,
            rateLimited: outcome.rateLimited, elapsed: clock.now - started))
        if stopRequested() { outcome.stopped = true }
        if nextRead < reads.count && outcome.fatal == nil && !outcome.stopped { launch() }
      }
    }
    outcome.batchNotes = refusedReads
    let counts = outcome.table.counts()
    writeJournal(
      [
        ("agree", "\(counts.reduce(0) { $0 + $1.agree })"),
        ("drift", "\(counts.reduce(0) { $0 + $1.drift })"),
        ("fatal", outcome.fatal.map(JSONText.quoted) ?? "null"),
        ("input", JSONText.quoted(inputPath)),
        ("kind", "\"reconcile.read\""),
        ("latencyMs", "\(BrazeClient.ms(clock.now - started))"),
        ("rateLimited", "\(outcome.rateLimited)"),
        ("records", "\(recordCount)"),
        ("refused", "\(counts.reduce(0) { $0 + $1.refused } + outcome.table.refusedElsewhere)"),
        ("requests", "\(outcome.readRequests)"),
        ("rows", "\(outcome.table.rowCount)"),
        ("stopped", "\(outcome.stopped)"),
        ("time", JSONText.quoted(ReconcileJournal.now())),
        ("unknown", "\(counts.reduce(0) { $0 + $1.unknown })"),
      ], into: &outcome)
  }

  /// `status` of a `/subscription/status/get` answer.
  static func status(_ body: [UInt8]?) -> [String: String] {
    guard let body, let value = try? JSONReader.parse(body),
      case .object(let members)? = value["status"]
    else { return [:] }
    var status: [String: String] = [:]
    status.reserveCapacity(members.count)
    for member in members {
      if case .string(let text) = member.value { status[member.key] = text }
    }
    return status
  }

  /// What the run may do, as its journal lines say: `read-only`, `dry-run`, `apply` or
  /// `resume`.
  var mode: String {
    if options.dryRun { return "dry-run" }
    if options.resume { return "resume" }
    return options.apply ? "apply" : "read-only"
  }

  func writeJournal(_ members: [(key: String, json: String)], into outcome: inout ReconcileOutcome)
  {
    var members = members
    members += [("mode", JSONText.quoted(mode)), ("run", JSONText.quoted(runID))]
    members.sort { $0.key < $1.key }
    do throws(ReconcileError) {
      try journal.append(members)
    } catch {
      if outcome.fatal == nil { outcome.fatal = error.message }
    }
  }
}
