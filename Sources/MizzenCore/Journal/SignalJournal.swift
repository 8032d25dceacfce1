import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signal journal beside a workspace file: `<workspace file>.journal.jsonl`, one JSON
/// object per line, appended and never rewritten (SPEC §3).
///
/// Each line is written with one `write` on a descriptor opened with `O_APPEND` and synced
/// to disk before `append` returns, so a send is reported done only once it is recorded.
/// A crash mid-write leaves at most a torn last line, which reading skips with a warning
/// and the next append starts after on a fresh line.
public struct SignalJournal: Sendable {
  /// The journal file's path.
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// The journal of the workspace at `workspacePath`.
  public init(workspacePath: String) {
    self.init(path: workspacePath + ".journal.jsonl")
  }

  /// Appends `entry` as one line and syncs it to disk.
  public func append(_ entry: JournalEntry) throws(JournalError) {
    var line = try Self.encode(entry)
    line.append(UInt8(ascii: "\n"))
    if let failed = PosixFile.appendSynced(line, to: path) {
      throw failure(failed.action, failed.code)
    }
  }

  /// Every entry, oldest first, with a warning for each line that could not be read.
  /// A missing journal is an empty one.
  public func read() throws(JournalError) -> JournalContents {
    guard FileManager.default.fileExists(atPath: path) else { return JournalContents() }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw JournalError(
        "Cannot read the journal \(path): \(error.localizedDescription). Check its permissions.")
    }
    return Self.parse([UInt8](data))
  }

  /// Reads journal bytes: blank lines are ignored, unreadable ones reported and skipped.
  static func parse(_ bytes: [UInt8]) -> JournalContents {
    var contents = JournalContents()
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var decoder: JSONDecoder? = nil
    for (index, line) in lines.enumerated() {
      switch classify(line, decoder: &decoder) {
      case .blank: continue
      case .entry(let entry): contents.entries.append(entry)
      case .unreadable where index == lines.count - 1:
        contents.warnings.append(tornLastLine)
      case .unreadable:
        contents.warnings.append(
          "Line \(index + 1) of the journal is not a journal entry; it was skipped.")
      }
    }
    return contents
  }

  /// What one line of the journal holds.
  enum Line {
    case blank
    case entry(JournalEntry)
    case unreadable
  }

  /// Reads one line, without its newline: blank when it holds only spaces and carriage
  /// returns. A line the fast reader declines is decoded with `JSONDecoder`, made on first
  /// need in `decoder`.
  static func classify(_ line: ArraySlice<UInt8>, decoder: inout JSONDecoder?) -> Line {
    if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { return .blank }
    if let entry = JournalLineReader.entry(line) { return .entry(entry) }
    let slow = decoder ?? JSONDecoder()
    decoder = slow
    if let entry = try? slow.decode(JournalEntry.self, from: Data(line)) { return .entry(entry) }
    return .unreadable
  }

  static let tornLastLine =
    "The journal's last line is incomplete (a send was interrupted while it was being "
    + "recorded); it was skipped."

  /// The entry's line, without its newline: written by `JournalLineWriter`, or by
  /// `JSONEncoder` (which gives the same bytes) for an entry it declines.
  static func encode(_ entry: JournalEntry) throws(JournalError) -> [UInt8] {
    if let line = JournalLineWriter.line(entry) { return line }
    return try encodeWithFoundation(entry)
  }

  /// The entry as `JSONEncoder` writes it: the reference `JournalLineWriter` matches.
  static func encodeWithFoundation(_ entry: JournalEntry) throws(JournalError) -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return [UInt8](try encoder.encode(entry))
    } catch {
      throw JournalError("Cannot encode the journal entry: \(error.localizedDescription)")
    }
  }

  private func failure(_ action: String, _ code: Int32) -> JournalError {
    JournalError(
      "Cannot \(action) the journal \(path): \(String(cString: strerror(code))). Check that "
        + "its folder exists and is writable, and that the disk is not full.")
  }
}

/// What reading the journal found.
public struct JournalContents: Equatable, Sendable {
  /// Oldest first, as written.
  public var entries: [JournalEntry] = []
  /// One sentence per skipped line.
  public var warnings: [String] = []

  public init(entries: [JournalEntry] = [], warnings: [String] = []) {
    self.entries = entries
    self.warnings = warnings
  }

  /// The newest `limit` entries (all when nil), newest first.
  public func newestFirst(limit: Int? = nil) -> [JournalEntry] {
    let newest = entries.reversed()
    guard let limit else { return Array(newest) }
    return Array(newest.prefix(max(0, limit)))
  }
}
