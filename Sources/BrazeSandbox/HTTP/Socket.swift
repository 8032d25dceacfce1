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

  /// Small responses go out at once, and an idle keep-alive connection does not hold a
  /// thread forever.
  private static func configure(_ fd: Int32) {
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    #if canImport(Darwin)
      setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var timeout = timeval(tv_sec: 120, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Reads what is available into `scratch` and appends it to `buffer`; the byte count,
  /// 0 at end of stream or on error.
  static func receive(_ fd: Int32, scratch: inout [UInt8], into buffer: inout [UInt8]) -> Int {
    while true {
      let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        buffer.append(contentsOf: scratch[0..<count])
        return count
      }
      if count < 0 && errno == EINTR { continue }
      return 0
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
