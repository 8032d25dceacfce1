#if canImport(Glibc)
  import Glibc
#endif

/// Hands the pages of a read buffer that a decoder has already gone past back to the
/// system, a megabyte or more at a time, so that a large file and the model it becomes are
/// not both held in full (on Linux, with `MADV_DONTNEED`; elsewhere it does nothing). The
/// released pages read as zeros afterwards: whoever needs the bytes again reads the file
/// again (`released` says whether that is needed).
final class ConsumedPages {
  static let step = 1 << 20
  /// The smallest buffer whose pages are released: 16 MiB, some 30,000 topics. Below it the
  /// buffer is a small part of the peak, and releasing costs more than it saves: the pages
  /// given back are faulted in again, zeroed, by the next allocations that reuse them (at
  /// 10,000 topics, 3.5 ms of a 26 ms load and validate, measured in `bench-store`).
  static let smallestReleased = 16 << 20
  private let base: UInt
  private let count: Int
  /// The offset up to which pages were released.
  private var done = 0
  private(set) var released = false

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    base = UInt(bitPattern: buffer.baseAddress)
    count = buffer.count
  }

  /// Releases the whole pages before `offset` not released yet.
  func release(upTo offset: Int) {
    #if os(Linux)
      guard base != 0, offset <= count, offset - done >= Self.step else { return }
      let page = Self.pageSize
      let start = (base + UInt(done) + page - 1) & ~(page - 1)
      let end = (base + UInt(offset)) & ~(page - 1)
      guard end > start else { return }
      done = Int(end - base)
      if madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_DONTNEED) == 0 {
        released = true
      }
    #endif
  }

  #if os(Linux)
    private static let pageSize = UInt(max(4096, sysconf(Int32(_SC_PAGESIZE))))
  #endif
}
