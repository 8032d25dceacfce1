#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX socket calls the sandbox needs, with Swift-shaped results.
enum Socket {
  /// Opens a TCP listener on `host:port` (IPv4) and returns it with the port it got.
  static func listen(host: String, port: UInt16) throws(SandboxStartError) -> (Int32, UInt16) {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw SandboxStartError(host: host, port: port, errno: errno) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
      close(fd)
      throw SandboxStartError(
        message: "Cannot listen on \(host): not an IPv4 address. Use 127.0.0.1.")
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, posixListen(fd, 128) == 0 else {
      let code = errno
      close(fd)
      throw SandboxStartError(host: host, port: port, errno: code)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }

  /// Waits for the next connection; nil once the listener is shut down.
  static func accept(_ listener: Int32) -> Int32? {
    while true {
      #if canImport(Glibc)
        let fd = Glibc.accept(listener, nil, nil)
      #else
        let fd = Darwin.accept(listener, nil, nil)
      #endif
      if fd >= 0 {
        configure(fd)
        return fd
      }
      // A connection that was reset before we took it is not a reason to stop listening.
      if errno == EINTR || errno == ECONNABORTED { continue }
      return nil
    }
  }

  /// Small responses go out at once, and a client that stops reading cannot hold a
  /// thread on a blocked send forever (reads are bounded by `receive`'s deadline).
  private static func configure(_ fd: Int32) {
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    #if canImport(Darwin)
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  /// What a bounded read produced.
  enum Received {
    case data(Int)
    /// End of stream, an error, or the socket was shut down.
    case closed
    case timedOut
  }

  /// Waits until `deadline` for bytes and reads what is available into `scratch`.
  static func receive(
    _ fd: Int32, scratch: inout [UInt8], until deadline: ContinuousClock.Instant
  ) -> Received {
    let clock = ContinuousClock()
    while true {
      let left = deadline - clock.now
      guard left > .zero else { return .timedOut }
      let parts = left.components
      let milliseconds = Int32(
        clamping: parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999)
          / 1_000_000_000_000_000)
      var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&request, 1, max(1, milliseconds))
      if ready < 0 {
        if errno == EINTR { continue }
        return .closed
      }
      if ready == 0 { continue }
      let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 { return .data(count) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      return .closed
    }
  }

  /// Writes every byte; false when the peer has gone.
  static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    #if canImport(Glibc)
      let flags = Int32(MSG_NOSIGNAL)
    #else
      let flags: Int32 = 0
    #endif
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        send(fd, $0.baseAddress! + offset, $0.count - offset, flags)
      }
      if sent > 0 {
        offset += sent
      } else if sent < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// Ends our side and reads what the peer still sends, for a short while, before the
  /// caller closes: closing with unread input would reset the connection and could
  /// destroy the answer just sent (a refused request's 400, 408, 413 or 431).
  static func drain(_ fd: Int32, for duration: Duration, upTo limit: Int = 1 << 20) {
    #if canImport(Glibc)
      _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    #else
      _ = Darwin.shutdown(fd, SHUT_WR)
    #endif
    let deadline = ContinuousClock().now + duration
    var scratch = [UInt8](repeating: 0, count: 16 * 1024)
    var read = 0
    while read < limit, case .data(let count) = receive(fd, scratch: &scratch, until: deadline) {
      read += count
    }
  }

  /// Wakes any thread blocked on `fd` (accept or recv) without releasing the descriptor,
  /// so that only its owner closes it and a number is never closed twice.
  static func shutdown(_ fd: Int32) {
    #if canImport(Glibc)
      _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    #else
      _ = Darwin.shutdown(fd, SHUT_RDWR)
    #endif
  }

  static func close(_ fd: Int32) {
    #if canImport(Glibc)
      _ = Glibc.close(fd)
    #else
      _ = Darwin.close(fd)
    #endif
  }
}

#if canImport(Glibc)
  private func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Glibc.listen(fd, backlog) }
#else
  private func posixListen(_ fd: Int32, _ backlog: Int32) -> Int32 { Darwin.listen(fd, backlog) }
#endif
