import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `<INPUT>.mizzen-progress`: what an `--apply` planned and which of its batches Braze
/// acknowledged (SPEC §9). JSON Lines, appended and synced to disk before the next batch
/// goes out, so that after Ctrl-C, a crash or `kill -9` a resumed run re-sends at most the
/// batch that was in flight. A torn last line is ignored.
public struct ReconcileCheckpoint: Sendable {
  /// What the file says.
  public struct State: Equatable, Sendable {
    public var fingerprint: String
    /// The drifting records the run planned to correct, in batch order.
    public var drift: [UInt32]
    public var batchCount: Int
    /// Acknowledged batch numbers with the rows applied and per-row errors.
    public var acknowledged: [Int: Ack]
  }

  /// One acknowledged batch.
  public struct Ack: Equatable, Sendable {
    public var applied: Int
    public var errors: [(record: UInt32, message: String)]

    public static func == (lhs: Ack, rhs: Ack) -> Bool {
      lhs.applied == rhs.applied && lhs.errors.map(\.record) == rhs.errors.map(\.record)
        && lhs.errors.map(\.message) == rhs.errors.map(\.message)
    }
  }

  public let path: String

  public init(inputPath: String) {
    path = inputPath + ".mizzen-progress"
  }

  /// The planned state, or nil when there is no file or its plan was never completed
  /// (nothing can have been sent then).
  public func load() throws(ReconcileError) -> State? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ReconcileError("Cannot read the checkpoint \(path); check its permissions.")
    }
    var fingerprint: String?
    var drift: [UInt32] = []
    var planned: Int?
    var acknowledged: [Int: Ack] = [:]
    for line in [UInt8](data).split(separator: 10) {
      guard let value = try? JSONReader.parse(Array(line)) else { continue }
      if case .string(let text)? = value["fingerprint"] { fingerprint = text }
      if case .array(let items)? = value["drift"] {
        for case .integer(let number) in items { drift.append(UInt32(clamping: number)) }
      }
      if case .integer(let count)? = value["planned"] { planned = count }
      if case .integer(let batch)? = value["ack"], case .integer(let applied)? = value["applied"] {
        var errors: [(UInt32, String)] = []
        if case .array(let items)? = value["errors"] {
          for case .array(let pair) in items where pair.count == 2 {
            if case .integer(let record) = pair[0], case .string(let message) = pair[1] {
              errors.append((UInt32(clamping: record), message))
            }
          }
        }
        acknowledged[batch] = Ack(applied: applied, errors: errors)
      }
    }
    guard let fingerprint, let planned else { return nil }
    return State(
      fingerprint: fingerprint, drift: drift, batchCount: planned, acknowledged: acknowledged)
  }

  /// Starts a new checkpoint with the plan, synced before anything is sent.
  public func begin(fingerprint: String, drift: [UInt32], batchCount: Int) throws(ReconcileError) {
    var text =
      "{\"checkpoint\":\"mizzen.reconcile\",\"fingerprint\":"
      + JSONText.quoted(fingerprint) + "}\n"
    var start = 0
    while start < drift.count {
      let end = min(start + 5000, drift.count)
      text += "{\"drift\":[" + drift[start..<end].map(String.init).joined(separator: ",") + "]}\n"
      start = end
    }
    text += "{\"planned\":\(batchCount)}\n"
    try append(Array(text.utf8), truncate: true)
  }

  /// Records batch `number` as acknowledged, synced before returning.
  public func acknowledge(_ number: Int, applied: Int, errors: [(record: UInt32, message: String)])
    throws(ReconcileError)
  {
    let items = errors.map { "[\($0.record)," + JSONText.quoted($0.message) + "]" }
    let line =
      "{\"ack\":\(number),\"applied\":\(applied),\"errors\":[" + items.joined(separator: ",")
      + "]}\n"
    try append(Array(line.utf8), truncate: false)
  }

  /// Removes the checkpoint once every batch is acknowledged.
  public func finish() {
    try? FileManager.default.removeItem(atPath: path)
  }

  private func append(_ bytes: [UInt8], truncate: Bool) throws(ReconcileError) {
    if let failed = PosixFile.appendSynced(bytes, to: path, replacing: truncate) {
      throw failure(failed.action, failed.code)
    }
  }

  private func failure(_ action: String, _ code: Int32) -> ReconcileError {
    ReconcileError(
      "Cannot \(action) the checkpoint \(path): \(String(cString: strerror(code))). Check "
        + "that its folder is writable and the disk is not full.")
  }
}
