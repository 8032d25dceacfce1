#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin wrappers over the POSIX calls the store needs, returning `errno` on failure.
///
/// The store uses the system calls directly rather than `FileManager` because crash safety
/// depends on their exact order (`fsync` of the file, `rename`, `fsync` of the folder) and
/// because `flock`, `link` and modes are needed.
enum PosixFile {
  /// The message the system gives for `code`.
  static func describe(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// Opens `path`, retrying on `EINTR`.
  static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Result<Int32, Errno> {
    while true {
      let fd = path.withCString { open($0, flags | O_CLOEXEC, mode) }
      if fd >= 0 { return .success(fd) }
      if errno != EINTR { return .failure(Errno(errno)) }
    }
  }

  /// Reads everything from `fd`, starting with a buffer of `sizeHint` bytes; fails with
  /// `EFBIG` as soon as more than `limit` bytes have come (a file that grows while read).
  static func readAll(_ fd: Int32, sizeHint: Int, limit: Int) -> Result<[UInt8], Errno> {
    var bytes: [UInt8] = []
    while true {
      if bytes.count > limit { return .failure(Errno(EFBIG)) }
      let room =
        bytes.isEmpty ? min(max(sizeHint, 0), limit) + 1 : min(bytes.count, limit + 1 - bytes.count)
      var failure: Int32 = 0
      var ended = false
      // Filled by `read` as it comes, not zeroed first: a large file costs one pass less.
      let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
        count = 0
        while count < room {
          let got = read(fd, buffer.baseAddress! + count, room - count)
          if got > 0 {
            count += got
          } else if got == 0 {
            ended = true
            return
          } else if errno != EINTR {
            failure = errno
            return
          }
        }
      }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if failure != 0 { return .failure(Errno(failure)) }
      if ended { return .success(bytes) }
    }
  }

  /// Reads exactly `count` bytes at `offset` into the start of `block`, as the readers
  /// that walk a journal backwards do; the error's code, or nil. A file that ends first
  /// is an I/O error.
  static func readFully(_ fd: Int32, into block: inout [UInt8], count: Int, at offset: Int)
    -> Int32?
  {
    precondition(block.count >= count, "the block is smaller than the bytes asked for")
    var done = 0
    while done < count {
      let read = block.withUnsafeMutableBytes { buffer in
        pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
      }
      if read < 0 && errno == EINTR { continue }
      guard read > 0 else { return read < 0 ? errno : EIO }
      done += read
    }
    return nil
  }

  /// Why a synced append failed: what was being done ("open", "write"…) and `errno`.
  struct AppendFailure: Error {
    var action: String
    var code: Int32
  }

  /// Appends `line` (ending in a newline) to the file at `path`, made owner-only if new,
  /// and syncs it: the journals' and the checkpoint's one way to write. A torn last line
  /// (a kill mid-write) gets its newline first, so it never swallows this one; a new
  /// file's folder entry is synced too. With `replacing`, the file holds only `line`.
  static func appendSynced(_ line: [UInt8], to path: String, replacing: Bool = false)
    -> AppendFailure?
  {
    let existed = access(path, F_OK) == 0
    let fd = open(
      path, O_RDWR | O_CREAT | O_CLOEXEC | (replacing ? O_TRUNC : O_APPEND), 0o600)
    guard fd >= 0 else { return AppendFailure(action: "open", code: errno) }
    defer { close(fd) }
    var bytes = line
    var info = stat()
    guard fstat(fd, &info) == 0 else { return AppendFailure(action: "inspect", code: errno) }
    if info.st_size > 0 {
      var last: UInt8 = 0
      guard pread(fd, &last, 1, off_t(info.st_size - 1)) == 1 else {
        return AppendFailure(action: "read", code: errno)
      }
      if last != 10 { bytes.insert(10, at: 0) }
    }
    if let error = writeAll(fd, bytes) { return AppendFailure(action: "write", code: error.code) }
    guard fsync(fd) == 0 else { return AppendFailure(action: "flush", code: errno) }
    if !existed { syncFolder(of: path) }
    return nil
  }

  /// Makes a newly created file's folder entry durable.
  static func syncFolder(of path: String) {
    var folder = path
    if let slash = folder.lastIndex(of: "/") {
      folder = String(folder[..<slash])
      if folder.isEmpty { folder = "/" }
    } else {
      folder = "."
    }
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Writes all of `bytes` to `fd`.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Errno? {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(fd, buffer.baseAddress! + written, buffer.count - written)
      }
      if count > 0 {
        written += count
      } else if count < 0 && errno != EINTR {
        return Errno(errno)
      }
    }
    return nil
  }

  /// The `stat` of an open file.
  static func status(_ fd: Int32) -> Result<stat, Errno> {
    var info = stat()
    return fstat(fd, &info) == 0 ? .success(info) : .failure(Errno(errno))
  }

  static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
  static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

  /// True when something (of any kind) exists at `path`.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// True when `path` itself (not a link's target) is a regular file.
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && isRegular(info)
  }

  /// The folder part of `path` (`.` when there is none).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }

  /// The last component of `path`.
  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// `path` with symbolic links at its end followed (even to a file that does not exist
  /// yet), so that saving replaces the file a link points to rather than the link itself.
  static func resolvingLink(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &buffer, buffer.count - 1)
      guard length > 0 else { return current }
      let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
    }
    return current
  }
}

/// An `errno` value, kept as the error of a failed system call.
struct Errno: Error, Equatable {
  var code: Int32
  init(_ code: Int32) { self.code = code }
  var text: String { PosixFile.describe(code) }
}
