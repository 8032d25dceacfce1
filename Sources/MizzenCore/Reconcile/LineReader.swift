#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file line by line in large chunks, so that a million-row export never sits in
/// memory whole. Also hashes every byte (FNV-1a), so that a checkpoint can tell whether
/// the input changed between runs.
struct LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var finished = false
  /// The number of the line `next()` returned last (1-based).
  private(set) var lineNumber = 0
  /// FNV-1a over the bytes read so far.
  private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  private(set) var byteCount = 0

  init(path: String) throws(ReconcileError) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ReconcileError(
        "Cannot open the input \(path): \(String(cString: strerror(errno))). Check the path "
          + "and its permissions.")
    }
  }

  /// Closes the file.
  func finish() { closeDescriptor(fd) }

  /// The next line without its `\n` (and a `\r` before it), or nil at the end.
  mutating func next() throws(ReconcileError) -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 10) {
        var end = newline
        if end > start && buffer[end - 1] == 13 { end -= 1 }
        let line = buffer[start..<end]
        start = newline + 1
        lineNumber += 1
        return line
      }
      if finished {
        guard start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == 13 { end -= 1 }
        let line = buffer[start..<end]
        start = buffer.count
        lineNumber += 1
        return line
      }
      try fill()
    }
  }

  private mutating func fill() throws(ReconcileError) {
    if start > 0 {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    let chunk = 1 << 20
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    var count = 0
    while true {
      count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
      if count >= 0 || errno != EINTR { break }
    }
    guard count >= 0 else {
      throw ReconcileError("Cannot read the input: \(String(cString: strerror(errno))).")
    }
    buffer.removeLast(chunk - count)
    var h = hash
    for byte in buffer[old...] {
      h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    hash = h
    byteCount += count
    if count == 0 { finished = true }
  }
}

private func closeDescriptor(_ fd: Int32) {
  _ = close(fd)
}
