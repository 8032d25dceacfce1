import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The reconcile journal beside a workspace: `<workspace>.reconcile.jsonl`, one JSON
/// object per line, appended and synced like the signal journal (SPEC §3, §9).
///
/// Compact on purpose: one line per read phase and per run with counts, one per write
/// batch with its sizes and outcome, never the identifiers of a million rows. It is a
/// file of its own so that the signal journal keeps one shape of line.
public struct ReconcileJournal: Sendable {
  public let path: String

  public init(workspacePath: String) {
    path = workspacePath + ".reconcile.jsonl"
  }

  /// Appends one entry (members already JSON text, keys sorted by the caller) and syncs.
  public func append(_ members: [(key: String, json: String)]) throws(ReconcileError) {
    var line = Array(JSONText.object(members).utf8)
    line.append(10)
    if let failed = PosixFile.appendSynced(line, to: path) {
      throw failure(failed.action, failed.code)
    }
  }

  /// Every readable entry, oldest first, and how many lines could not be read (at most
  /// a torn last one after a crash).
  public func read() -> (entries: [JSONValue], unreadable: Int) {
    guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
    var entries: [JSONValue] = []
    var unreadable = 0
    for line in [UInt8](data).split(separator: 10) {
      if let value = try? JSONReader.parse(Array(line)), case .object = value {
        entries.append(value)
      } else {
        unreadable += 1
      }
    }
    return (entries, unreadable)
  }

  /// Now as the journal writes times: ISO 8601 in UTC with milliseconds.
  public static func now() -> String {
    JournalTime.string(Date())
  }

  private func failure(_ action: String, _ code: Int32) -> ReconcileError {
    ReconcileError(
      "Cannot \(action) the reconcile journal \(path): \(String(cString: strerror(code))).")
  }
}
