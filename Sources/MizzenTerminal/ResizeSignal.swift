#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGWINCH as a readable descriptor: the handler writes a byte to a pipe that the input
/// wait watches beside standard input, so a resize wakes it at once.
enum ResizeSignal {
  /// The read end, or -1 before `install()` (which the input wait then ignores).
  static var descriptor: Int32 { resizeReadEnd }

  /// Installs the handler, once per process.
  static func install() {
    guard resizeReadEnd < 0 else { return }
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    resizeWriteEnd = ends[1]
    resizeReadEnd = ends[0]
    var action = sigaction()
    action.__sigaction_handler.sa_handler = resizeHandler
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGWINCH, &action, nil)
  }

  /// Empties the pipe after a wake-up.
  static func drain() {
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(resizeReadEnd, &bytes, bytes.count) > 0 {}
  }
}

nonisolated(unsafe) private var resizeReadEnd: Int32 = -1
nonisolated(unsafe) private var resizeWriteEnd: Int32 = -1

/// Async-signal-safe: one write(2) of a byte; a full pipe already holds a wake-up.
private let resizeHandler: @convention(c) (Int32) -> Void = { _ in
  var byte: UInt8 = 1
  let saved = errno
  _ = write(resizeWriteEnd, &byte, 1)
  errno = saved
}
