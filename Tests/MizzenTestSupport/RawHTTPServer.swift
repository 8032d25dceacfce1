import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A raw-socket HTTP server on a loopback address of the test's choice (127.0.0.2 is a
/// second host on Linux's loopback) that records every request head and body as read and
/// answers each connection with whatever bytes `reply` writes: redirects, replies that are
/// not HTTP, bodies shorter than announced, bodies of hundreds of megabytes streamed in
/// chunks that are never held whole. Shared by the client tests and the command-line tests.
public final class RawHTTPServer: @unchecked Sendable {
  /// Writes bytes to the connection; false once the client has gone.
  public typealias Write = ([UInt8]) -> Bool
  public typealias Reply = @Sendable (_ request: String, _ write: Write) -> Void

  public let address: String
  public let port: UInt16
  private let listener: Int32
  private let reply: Reply
  private let lock = NSLock()
  private var captured: [String] = []
  private let done = DispatchSemaphore(value: 0)

  public init(address: String = "127.0.0.1", reply: @escaping Reply) throws {
    self.address = address
    self.reply = reply
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var socketAddress = sockaddr_in()
    socketAddress.sin_family = sa_family_t(AF_INET)
    socketAddress.sin_port = 0
    socketAddress.sin_addr.s_addr = inet_addr(address)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &socketAddress) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && listen(fd, 8) == 0
          && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else {
      close(fd)
      throw CocoaError(.fileWriteUnknown)
    }
    listener = fd
    port = UInt16(bigEndian: socketAddress.sin_port)
    Thread { [self] in serve() }.start()
  }

  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    done.wait()
    close(listener)
  }

  public var baseURL: String { "http://\(address):\(port)" }

  /// Every request so far, head and body, exactly as read.
  public var requests: [String] { lock.withLock { captured } }

  /// Every `Authorization` header value received, in any request.
  public var authorizations: [String] {
    requests.flatMap { request in
      request.split(separator: "\r\n").filter { $0.lowercased().hasPrefix("authorization:") }
        .map(String.init)
    }
  }

  /// A complete answer with a JSON body.
  public static func answer(
    _ status: Int, headers: [String: String] = [:], body: String = "{}"
  ) -> [UInt8] {
    var head = "HTTP/1.1 \(status) Raw\r\nContent-Type: application/json\r\n"
    head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
      head += "\(name): \(value)\r\n"
    }
    return Array((head + "\r\n" + body).utf8)
  }

  /// A write to a client that has gone must fail, not raise SIGPIPE.
  #if os(Linux)
    private static let noSignal = Int32(MSG_NOSIGNAL)
  #else
    private static let noSignal: Int32 = 0
  #endif

  private func serve() {
    defer { done.signal() }
    while true {
      let fd = accept(listener, nil, nil)
      guard fd >= 0 else { return }
      let request = readRequest(fd)
      lock.withLock { captured.append(request) }
      reply(request) { bytes in
        var sent = 0
        while sent < bytes.count {
          let count = bytes.withUnsafeBytes {
            send(fd, $0.baseAddress! + sent, $0.count - sent, Self.noSignal)
          }
          guard count > 0 else { return false }
          sent += count
        }
        return true
      }
      close(fd)
    }
  }

  private func readRequest(_ fd: Int32) -> String {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let text = String(decoding: buffer, as: UTF8.self)
      if let end = text.range(of: "\r\n\r\n") {
        let head = text[..<end.lowerBound].lowercased()
        let length =
          head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
          .flatMap {
            Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
          }
          ?? 0
        if text.utf8.distance(from: text.startIndex, to: end.upperBound) + length <= buffer.count {
          return text
        }
      }
      let count = recv(fd, &chunk, chunk.count, 0)
      if count <= 0 { return String(decoding: buffer, as: UTF8.self) }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }
}
