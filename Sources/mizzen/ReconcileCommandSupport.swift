import Dispatch
import Foundation
import MizzenCore
import MizzenTerminal

/// Shows reconcile's progress on stderr: a bar redrawn in place on a terminal, otherwise
/// a line every few seconds (SPEC §9).
final class ReconcileProgressDisplay: @unchecked Sendable {
  private let lock = NSLock()
  private let terminal = isatty(2) == 1
  private let every: Duration
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant?
  private var drawn = false

  init() {
    let seconds = ProcessInfo.processInfo.environment["MIZZEN_PROGRESS_SECONDS"].flatMap(
      Double.init)
    every = terminal ? .milliseconds(100) : .milliseconds(Int64((seconds ?? 5) * 1000))
  }

  func show(_ progress: ReconcileProgress) {
    lock.withLock {
      let now = clock.now
      let finalUpdate = progress.done >= progress.total
      if let last, now - last < every, !finalUpdate { return }
      last = now
      if terminal {
        write("\r\u{1B}[K" + ReconcileProgressLine.bar(progress))
        drawn = true
      } else {
        write(ReconcileProgressLine.line(progress) + "\n")
      }
    }
  }

  /// Ends the bar's line so that the summary starts on a fresh one.
  func finish() {
    lock.withLock {
      if drawn { write("\n") }
      drawn = false
    }
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Set by Ctrl-C, SIGTERM or SIGHUP (the console's `SignalTrap`): the run stops after the
/// call in flight instead of dying mid-batch. `cancel` gives the signals back, so that once
/// the run is over a Ctrl-C ends the process as usual.
final class StopFlag: @unchecked Sendable {
  private let trap = SignalTrap()
  private let lock = NSLock()
  private var announced = false

  var isSet: Bool {
    guard trap.caught != nil else { return false }
    let first = lock.withLock { () -> Bool in
      defer { announced = true }
      return !announced
    }
    if first {
      FileHandle.standardError.write(
        Data("\nmizzen reconcile: stopping after the call in flight…\n".utf8))
    }
    return true
  }

  /// The signal that stopped the run, if one did.
  var signal: Int32? { trap.caught }

  func cancel() { trap.cancel() }
}

/// `<INPUT>.rejects`: one line per refused row, `line N: reason`. Written only when a row
/// is refused; an older file is removed otherwise, so that it never describes another run.
final class RejectsFile {
  let path: String
  private var handle: FileHandle?
  private var buffer: [UInt8] = []
  private var count = 0

  init(path: String) {
    self.path = path
    try? FileManager.default.removeItem(atPath: path)
  }

  func add(_ reject: ReconcileReject) {
    count += 1
    buffer += Array("line \(reject.line): \(reject.reason)\n".utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes what is left and returns how many rows were refused.
  @discardableResult
  func close() -> Int {
    flush()
    try? handle?.close()
    handle = nil
    return count
  }

  private func flush() {
    guard !buffer.isEmpty else { return }
    if handle == nil {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
      handle = FileHandle(forWritingAtPath: path)
    }
    handle?.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}

/// The `--format json` document: stable keys for scripts.
struct ReconcileDocument: Encodable {
  struct Requests: Encodable {
    var read: Int
    var write: Int
    var rateLimited: Int
  }

  struct Batch: Encodable {
    var method: String
    var url: String
    var body: String
  }

  /// A drifting row whose correction Braze refused, on its own (a per-item error of an
  /// accepted batch, or a refused batch).
  struct Failure: Encodable {
    var line: Int
    var topic: String
    var channel: String
    var identifier: String
    var error: String
  }

  var input: String
  var rows: Int
  var records: Int
  var refusedRows: Int
  var topics: [ReconcileCounts]
  var drift: Int
  var corrected: Int
  var failed: Int
  var failures: [Failure]
  var requests: Requests
  var readSkipped: Bool
  var stopped: Bool
  var fatal: String?
  var notes: [String]
  var wouldSend: [Batch]?

  init(
    _ outcome: ReconcileOutcome, input: String, counts: [ReconcileCounts], rejected: Int,
    wouldSend: [PlannedRequest]
  ) {
    self.input = input
    rows = outcome.table.rowCount
    records = outcome.table.recordCount
    refusedRows = rejected
    topics = counts
    drift = outcome.drift.count
    corrected = outcome.corrected.count
    failed = outcome.failed.count
    failures = outcome.failed.sorted { $0.key < $1.key }.map { record, message in
      let row = outcome.table.driftRow(record)
      return Failure(
        line: row.line, topic: row.topic, channel: row.channel, identifier: row.identifier,
        error: message)
    }
    requests = Requests(
      read: outcome.readRequests, write: outcome.writeRequests, rateLimited: outcome.rateLimited)
    readSkipped = outcome.readSkipped
    stopped = outcome.stopped
    fatal = outcome.fatal
    notes = outcome.batchNotes
    self.wouldSend =
      wouldSend.isEmpty
      ? nil
      : wouldSend.map { Batch(method: $0.method, url: $0.url, body: $0.bodyText ?? "") }
  }
}
