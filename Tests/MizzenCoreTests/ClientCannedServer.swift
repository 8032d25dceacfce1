import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP server on 127.0.0.1 that records each request as it arrived on the wire and
/// answers with canned responses in turn (the last one repeats). It lets tests see the
/// exact headers and body the client sends, and answers the sandbox never gives.
final class ClientCannedServer: @unchecked Sendable {
  struct Canned {
    var status: Int
    var headers: [String: String] = [:]
    var body: String
  }

  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  private var responses: [Canned]
  private var captured: [String] = []
  private let done = DispatchSemaphore(value: 0)

  init(_ responses: [Canned]) throws {
    self.responses = responses
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
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
    port = UInt16(bigEndian: address.sin_port)
    Thread { [self] in serve() }.start()
  }

  deinit {
    shutdown(listener, Int32(SHUT_RDWR))
    done.wait()
    close(listener)
  }

  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Every request so far, head and body, exactly as read.
  var requests: [String] { lock.withLock { captured } }

  private func serve() {
    defer { done.signal() }
    while true {
      let fd = accept(listener, nil, nil)
      guard fd >= 0 else { return }
      let request = readRequest(fd)
      let canned = lock.withLock { () -> Canned in
        captured.append(request)
        return responses.count > 1 ? responses.removeFirst() : responses[0]
      }
      var head = "HTTP/1.1 \(canned.status) Canned\r\nContent-Type: application/json\r\n"
      head += "Content-Length: \(canned.body.utf8.count)\r\nConnection: close\r\n"
      for (name, value) in canned.headers { head += "\(name): \(value)\r\n" }
      let bytes = Array((head + "\r\n" + canned.body).utf8)
      _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
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
