import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A response as read off the wire by `RawHTTPClient`.
struct RawResponse {
  var status: Int
  /// Header fields by lower-cased name.
  var headers: [String: String]
  var body: Data

  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
  }

  var message: String? { json["message"] as? String }
}

/// Why `RawHTTPClient` could not get a response.
enum RawHTTPError: Error, Equatable {
  case connectFailed(Int32)
  /// The server closed the connection before a complete response.
  case closedWithoutResponse
}

/// An HTTP/1.1 client on a raw socket, so that tests see exactly what the server does
/// (keep-alive, dropped connections) with no client library retrying behind their back.
final class RawHTTPClient {
  private let fd: Int32
  private var buffer: [UInt8] = []

  init(port: UInt16) throws {
    #if canImport(Glibc)
      fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if result != 0 {
      let code = errno
      close(fd)
      throw RawHTTPError.connectFailed(code)
    }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit {
    close(fd)
  }

  /// Makes the close in `deinit` abort the connection with a TCP reset (SO_LINGER 0), as
  /// a client that crashes or gives up does, instead of an orderly FIN.
  func resetOnClose() {
    var option = linger(l_onoff: 1, l_linger: 0)
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
  }

  /// Sends raw text as it is (for malformed or unusual requests).
  func write(_ text: String) {
    write(bytes: Array(text.utf8))
  }

  /// Sends raw bytes; stops quietly when the server has closed (no SIGPIPE).
  func write(bytes: [UInt8]) {
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
      if sent <= 0 { return }
      offset += sent
    }
  }

  /// Tells the server that nothing more will be sent (a half-close).
  func finishWriting() {
    #if canImport(Glibc)
      _ = shutdown(fd, Int32(SHUT_WR))
    #else
      _ = shutdown(fd, SHUT_WR)
    #endif
  }

  /// True when the server has sent something (or closed) within `milliseconds`.
  func hasInput(within milliseconds: Int32) -> Bool {
    if !buffer.isEmpty { return true }
    var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, milliseconds) > 0
  }

  /// Everything the server sends until it closes the connection (or the read times out).
  func readToEnd() -> [UInt8] {
    while fill() {}
    defer { buffer.removeAll() }
    return buffer
  }

  /// One request with a body serialised from `json`, on this (kept-alive) connection.
  func request(
    _ method: String, _ target: String, key: String?, json: Any? = nil,
    headers: [String: String] = [:]
  ) throws -> RawResponse {
    let body = try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
    return try request(method, target, key: key, body: body, headers: headers)
  }

  func request(
    _ method: String, _ target: String, key: String?, body: Data, headers: [String: String] = [:]
  ) throws -> RawResponse {
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if let key { head += "Authorization: Bearer \(key)\r\n" }
    if !body.isEmpty || method == "POST" {
      head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n"
    }
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    write(head + "\r\n" + String(decoding: body, as: UTF8.self))
    return try readResponse()
  }

  /// Reads one response framed by Content-Length.
  func readResponse() throws -> RawResponse {
    while true {
      if let end = headEnd() {
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
          guard let colon = line.firstIndex(of: ":") else { continue }
          headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
            .trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < end + 4 + length {
          guard fill() else { throw RawHTTPError.closedWithoutResponse }
        }
        let body = Data(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeSubrange(0..<(end + 4 + length))
        return RawResponse(
          status: Int(statusLine.count > 1 ? statusLine[1] : "") ?? 0, headers: headers, body: body)
      }
      guard fill() else { throw RawHTTPError.closedWithoutResponse }
    }
  }

  /// True when the server has closed its side (a read returns end of stream).
  func isClosedByServer() -> Bool {
    !fill()
  }

  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer += chunk[0..<count]
    return true
  }

  private func headEnd() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index
    }
    return nil
  }
}
