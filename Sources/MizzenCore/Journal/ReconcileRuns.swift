import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One `mizzen reconcile` run as History shows it: the lines it journaled, summed up. A
/// run is known by the `run` id its lines carry; lines journaled before runs had ids are
/// grouped by their order (a read starts a run, an apply ends it).
public struct ReconcileRun: Equatable, Sendable, Identifiable {
  /// How a run ended.
  public enum End: String, Equatable, Sendable {
    /// Ran to its end.
    case finished
    /// Stopped with Ctrl-C (`--resume` continues it).
    case cancelled
    /// Stopped by a failure (a refused key, an unreachable Braze, a full disk).
    case failed
    /// Its end was never journaled: killed, or still running.
    case interrupted
  }

  /// The run's id, or `@` and its first line's offset for lines journaled without one.
  public var id: String
  /// Byte offset of its first line in the journal, and just past its last.
  public var offset: Int
  public var endOffset: Int
  /// When its first line was journaled (ISO 8601, UTC, milliseconds).
  public var time: String
  /// The input file, as given.
  public var input: String
  /// `read-only`, `dry-run`, `apply` or `resume`; nil in lines written without it.
  public var mode: String?
  /// From its read phase; nil for a `--resume`, which does not read Braze again.
  public var rows: Int?
  public var drift: Int?
  /// Batches this run sent, and the rows of them Braze refused (per-item errors included).
  public var batches: Int
  public var errors: Int
  public var end: End
  /// The failure that stopped it, when one did.
  public var fatal: String?

  /// True when the run could change Braze (`--apply` or `--resume`).
  public var applies: Bool {
    mode == "apply" || mode == "resume" || (mode == nil && batches > 0)
  }

  /// The input's file name, without its folders.
  public var inputName: String {
    input.split(separator: "/").last.map(String.init) ?? input
  }
}

/// One write batch of a run, as journaled.
public struct ReconcileBatchEntry: Equatable, Sendable, Identifiable {
  /// Its line's byte offset in the journal.
  public var id: Int { offset }
  public var offset: Int
  public var time: String
  /// The batch's number in the run's plan, from 0.
  public var number: Int
  /// The URL called; nil in lines written without it.
  public var endpoint: String?
  /// The subscription groups it set; empty in lines written without them.
  public var groups: [String]
  /// Its objects (one group × state each) and identifiers.
  public var objects: Int
  public var identifiers: Int
  /// The last attempt's HTTP status; nil when no answer came.
  public var status: Int?
  public var outcome: String
  /// Rows of the batch Braze refused.
  public var errors: Int
  public var attempts: Int
  public var latencyMs: Double
}

extension ReconcileJournal {
  /// The newest `limit` runs, newest first (all of them when `limit` is nil), found by
  /// reading the journal backwards from its end in blocks of `blockSize` bytes: the cost
  /// follows the runs shown, not the journal's length. Unreadable lines (a torn last one
  /// after a crash) are skipped and counted. A missing journal has no runs.
  public func readNewestRuns(_ limit: Int? = nil, blockSize: Int = 64 * 1024)
    throws(ReconcileError) -> (runs: [ReconcileRun], unreadable: Int)
  {
    var runs: [ReconcileRun] = []
    var unreadable = 0
    var current: RunBuilder?
    let wanted = limit ?? Int.max
    guard wanted > 0 else { return ([], 0) }
    try readBackwards(blockSize: blockSize) { line, offset in
      guard !line.allSatisfy({ $0 == 32 || $0 == 13 }) else { return true }
      // A run's batches are most of its lines: one more of the run being read is counted
      // without parsing it, so that a run of a thousand batches costs little more than one.
      if let builder = current, builder.hasID,
        let errors = Self.batchErrors(line, run: builder.idBytes)
      {
        current?.prependBatch(line, errors: errors, offset: offset)
        return true
      }
      guard let entry = try? JSONReader.parse(Array(line)), case .object = entry else {
        unreadable += 1
        return true
      }
      let end = offset + line.count + 1
      if current?.accepts(entry) == true {
        current?.prepend(entry, offset: offset)
        return true
      }
      if let done = current {
        runs.append(done.finished)
        if runs.count >= wanted {
          current = nil
          return false
        }
      }
      current = RunBuilder(entry, offset: offset, end: end)
      return true
    }
    if let current, runs.count < wanted { runs.append(current.finished) }
    return (runs, unreadable)
  }

  /// The write batches of `run`, in the order sent, read from its part of the journal only.
  public func batches(of run: ReconcileRun) throws(ReconcileError) -> [ReconcileBatchEntry] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw unreadable(errno) }
    defer { close(fd) }
    // A last line without its newline (a torn write, or one being appended) ends at the
    // file's end, not one byte past it.
    var info = stat()
    let size = fstat(fd, &info) == 0 ? Int(info.st_size) : run.endOffset
    let count = max(0, min(run.endOffset, size) - run.offset)
    var bytes = [UInt8](repeating: 0, count: count)
    try readFully(fd, into: &bytes, count: count, at: run.offset)
    var batches: [ReconcileBatchEntry] = []
    var start = 0
    for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
      defer { start += line.count + 1 }
      guard let entry = try? JSONReader.parse(Array(line)),
        entry["kind"]?.text == "reconcile.batch"
      else { continue }
      if let id = entry["run"]?.text, id != run.id { continue }
      batches.append(
        ReconcileBatchEntry(
          offset: run.offset + start, time: entry["time"]?.text ?? "",
          number: entry["batch"]?.int ?? 0, endpoint: entry["endpoint"]?.text,
          groups: entry["groups"]?.texts ?? [], objects: entry["objects"]?.int ?? 0,
          identifiers: entry["identifiers"]?.int ?? 0, status: entry["status"]?.int,
          outcome: entry["outcome"]?.text ?? "", errors: entry["errors"]?.int ?? 0,
          attempts: entry["attempts"]?.int ?? 0, latencyMs: entry["latencyMs"]?.number ?? 0))
    }
    return batches
  }

  /// The refused rows of a whole batch line of run `id` (a JSON object whose members are
  /// as the runner writes them, keys sorted), found with `memchr` and `memcmp` in one pass
  /// rather than by parsing it; nil for any other line, or one this cannot read so (which
  /// is then parsed).
  static func batchErrors(_ line: ArraySlice<UInt8>, run id: [UInt8]) -> Int? {
    line.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress, buffer.count > 2 else { return nil }
      var last = buffer.count - 1
      while last > 0 && (buffer[last] == 32 || buffer[last] == 13) { last -= 1 }
      guard buffer[0] == UInt8(ascii: "{"), buffer[last] == UInt8(ascii: "}") else { return nil }
      var from = 0
      // The offset just after `pattern`, searched from the last one found (the keys are
      // sorted): inside a JSON string a quote is always escaped, so `"key":` with bare
      // quotes can only be a member's key.
      func after(_ pattern: UnsafeRawBufferPointer) -> Int? {
        let length = pattern.count
        while from + length <= buffer.count,
          let found = memchr(base + from, Int32(UInt8(ascii: "\"")), buffer.count - from)
        {
          let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
          guard at + length <= buffer.count else { return nil }
          from = at + 1
          if memcmp(found, pattern.baseAddress!, length) == 0 {
            from = at + length
            return from
          }
        }
        return nil
      }
      func after(_ pattern: StaticString) -> Int? {
        after(UnsafeRawBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount))
      }
      guard let errorsStart = after("\"errors\":") else { return nil }
      var errors = 0
      var index = errorsStart
      while index < buffer.count, (48...57).contains(buffer[index]) {
        errors = errors * 10 + Int(buffer[index] - 48)
        index += 1
      }
      guard index > errorsStart, after("\"kind\":\"reconcile.batch\"") != nil else { return nil }
      let quoted = #""run":""#.utf8 + id + [UInt8(ascii: "\"")]
      let found = quoted.withUnsafeBytes { after($0) }
      return found == nil ? nil : errors
    }
  }

  /// The `time` of a batch line that `batchErrors` read.
  static func batchTime(_ line: ArraySlice<UInt8>) -> String? {
    guard let entry = try? JSONReader.parse(Array(line)) else { return nil }
    return entry["time"]?.text
  }

  /// Calls `line` with each line from the last to the first and its byte offset, until it
  /// answers false.
  private func readBackwards(
    blockSize: Int, _ line: (ArraySlice<UInt8>, Int) -> Bool
  ) throws(ReconcileError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 && errno == ENOENT { return }
    guard fd >= 0 else { throw unreadable(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw unreadable(errno) }
    var end = Int(info.st_size)
    var block = [UInt8](repeating: 0, count: max(1, blockSize))
    // The end of the line being read (the bytes after the block), in the file's order.
    var carried: [UInt8] = []
    var going = true
    var first = true
    while end > 0 && going {
      let start = max(0, end - block.count)
      let count = end - start
      try readFully(fd, into: &block, count: count, at: start)
      var lineEnd = count
      var index = count - 1
      while index >= 0 && going {
        if block[index] == 10 {
          let text =
            carried.isEmpty
            ? block[(index + 1)..<lineEnd] : block[(index + 1)..<lineEnd] + carried[...]
          // The text after the last newline is empty unless the last line is torn.
          if !(first && text.isEmpty) { going = line(text, start + index + 1) }
          first = false
          carried.removeAll(keepingCapacity: true)
          lineEnd = index
        }
        index -= 1
      }
      if going { carried.insert(contentsOf: block[0..<lineEnd], at: 0) }
      end = start
    }
    if end == 0 && going && !carried.isEmpty { _ = line(carried[...], 0) }
  }

  private func readFully(_ fd: Int32, into block: inout [UInt8], count: Int, at offset: Int)
    throws(ReconcileError)
  {
    if let code = PosixFile.readFully(fd, into: &block, count: count, at: offset) {
      throw unreadable(code)
    }
  }

  private func unreadable(_ code: Int32) -> ReconcileError {
    ReconcileError(
      "Cannot read the reconcile journal \(path): \(String(cString: strerror(code))).")
  }
}

/// A run being put together from its lines, met from the last to the first.
private struct RunBuilder {
  var run: ReconcileRun
  /// Whether its read line, its apply line, were met.
  private var read: JSONValue?
  private var apply: JSONValue?
  let hasID: Bool

  init(_ entry: JSONValue, offset: Int, end: Int) {
    let id = entry["run"]?.text
    hasID = id != nil
    idBytes = Array((id ?? "").utf8)
    run = ReconcileRun(
      id: id ?? "@\(offset)", offset: offset, endOffset: end, time: "",
      input: entry["input"]?.text ?? "", mode: entry["mode"]?.text, rows: nil, drift: nil,
      batches: 0, errors: 0, end: .interrupted, fatal: nil)
    prepend(entry, offset: offset)
  }

  /// Whether `entry`, journaled just before this run's first line met so far, is this
  /// run's.
  func accepts(_ entry: JSONValue) -> Bool {
    let id = entry["run"]?.text
    if hasID || id != nil { return id == run.id }
    // Without ids: a read starts a run and an apply ends one.
    guard entry["input"]?.text == run.input, read == nil else { return false }
    return entry["kind"]?.text != "reconcile.apply"
  }

  /// The run's id as bytes, for `ReconcileJournal.batchErrors`.
  let idBytes: [UInt8]
  /// The oldest line met so far when it is a batch counted without parsing it: its time is
  /// the run's, read once the run is complete.
  private var untimed: ArraySlice<UInt8>?

  /// The run, with its time read from its first line if that was not parsed.
  var finished: ReconcileRun {
    var run = run
    if let untimed { run.time = ReconcileJournal.batchTime(untimed) ?? run.time }
    return run
  }

  /// One more batch of this run, counted by `ReconcileJournal.batchErrors`.
  mutating func prependBatch(_ line: ArraySlice<UInt8>, errors: Int, offset: Int) {
    run.offset = offset
    untimed = line
    run.batches += 1
    run.errors += errors
    run.end = end
  }

  mutating func prepend(_ entry: JSONValue, offset: Int) {
    untimed = nil
    if !hasID { run.id = "@\(offset)" }
    run.offset = offset
    run.time = entry["time"]?.text ?? run.time
    switch entry["kind"]?.text {
    case "reconcile.read":
      read = entry
      run.rows = entry["rows"]?.int
      run.drift = entry["drift"]?.int
    case "reconcile.batch":
      run.batches += 1
      run.errors += entry["errors"]?.int ?? 0
    case "reconcile.apply":
      apply = entry
    default:
      break
    }
    run.end = end
    run.fatal = (apply ?? read)?["fatal"]?.text
  }

  private var end: ReconcileRun.End {
    if let last = apply ?? read {
      if last["fatal"]?.text != nil { return .failed }
      if last["stopped"] == .bool(true) { return .cancelled }
      if apply == nil, run.applies, (run.drift ?? 0) > 0 { return .interrupted }
      return .finished
    }
    return .interrupted
  }
}

extension JSONValue {
  fileprivate var text: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  fileprivate var int: Int? {
    switch self {
    case .integer(let value): return value
    case .double(let value): return Int(value)
    default: return nil
    }
  }

  fileprivate var number: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  fileprivate var texts: [String]? {
    guard case .array(let items) = self else { return nil }
    return items.compactMap(\.text)
  }
}
