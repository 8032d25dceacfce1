import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SignalJournal {
  /// The newest `limit` entries, in the file's order like `read()`, found by reading the file
  /// backwards from its end in blocks of `blockSize` bytes: the cost follows the lines
  /// shown, not the journal's length, and memory holds one block and the lines read.
  ///
  /// Lines are read as `read()` reads them (blank ones ignored, unreadable ones skipped with
  /// a warning), but only those up to the oldest entry returned, and since the lines before
  /// are never counted, a warning numbers its line from the end. A missing journal is an
  /// empty one.
  public func readNewest(_ limit: Int, blockSize: Int = 64 * 1024) throws(JournalError)
    -> JournalContents
  {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 && errno == ENOENT { return JournalContents() }
    guard fd >= 0 else { throw unreadable(errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw unreadable(errno) }

    var newestFirst = BackwardLines(limit: limit)
    var end = Int(info.st_size)
    var block = [UInt8](repeating: 0, count: max(1, blockSize))
    // The start of the line being read: the bytes after the block, in the file's order.
    var carried: [UInt8] = []
    while end > 0 && !newestFirst.isComplete {
      let start = max(0, end - block.count)
      let count = end - start
      try readFully(fd, into: &block, count: count, at: start)
      var lineEnd = count
      var index = count - 1
      while index >= 0 && !newestFirst.isComplete {
        if block[index] == UInt8(ascii: "\n") {
          newestFirst.add(
            carried.isEmpty
              ? block[(index + 1)..<lineEnd] : block[(index + 1)..<lineEnd] + carried[...])
          carried.removeAll(keepingCapacity: true)
          lineEnd = index
        }
        index -= 1
      }
      if !newestFirst.isComplete { carried.insert(contentsOf: block[0..<lineEnd], at: 0) }
      end = start
    }
    if end == 0 && !newestFirst.isComplete { newestFirst.add(carried[...]) }
    return JournalContents(
      entries: newestFirst.entries.reversed(), warnings: newestFirst.warnings.reversed())
  }

  private func readFully(_ fd: Int32, into block: inout [UInt8], count: Int, at offset: Int)
    throws(JournalError)
  {
    if let code = PosixFile.readFully(fd, into: &block, count: count, at: offset) {
      throw unreadable(code)
    }
  }

  private func unreadable(_ code: Int32) -> JournalError {
    JournalError(
      "Cannot read the journal \(path): \(String(cString: strerror(code))). Check its "
        + "permissions.")
  }
}

/// The lines of a journal met from its end: the entries and warnings, newest first.
private struct BackwardLines {
  let limit: Int
  var entries: [JournalEntry] = []
  var warnings: [String] = []
  /// How many newline-ended pieces were met: 0 while reading the text after the last one.
  private var met = 0
  private var endsWithNewline = true
  private var decoder: JSONDecoder? = nil

  init(limit: Int) {
    self.limit = limit
  }

  var isComplete: Bool { entries.count >= limit }

  mutating func add(_ line: ArraySlice<UInt8>) {
    defer { met += 1 }
    if met == 0 && !line.isEmpty { endsWithNewline = false }
    switch SignalJournal.classify(line, decoder: &decoder) {
    case .blank: break
    case .entry(let entry): entries.append(entry)
    case .unreadable where met == 0:
      warnings.append(SignalJournal.tornLastLine)
    case .unreadable:
      let fromEnd = endsWithNewline ? met : met + 1
      warnings.append(
        "Line \(fromEnd) from the end of the journal is not a journal entry; it was skipped.")
    }
  }
}
