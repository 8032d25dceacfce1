/// Reads requests from one accepted socket and writes the answers back, keeping the
/// connection open between requests (HTTP/1.1 keep-alive).
final class HTTPConnection {
  /// What the next read produced.
  enum Next {
    case request(HTTPRequest)
    /// The stream cannot continue (bad framing): answer with this, then close.
    case reject(HTTPResponse)
    /// The peer closed, or the server is stopping.
    case closed
  }

  static let maximumHeadBytes = 64 * 1024
  /// Braze refuses payloads over 4 MB with 413 (braze-api.md §0).
  static let maximumBodyBytes = 4 * 1024 * 1024

  let fd: Int32
  private var buffer: [UInt8] = []
  private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

  init(fd: Int32) {
    self.fd = fd
    buffer.reserveCapacity(8 * 1024)
  }

  /// Reads one complete request (head and Content-Length body).
  func next() -> Next {
    var scanned = 0
    var headEnd: Int?
    while headEnd == nil {
      headEnd = Self.blankLine(in: buffer, from: scanned)
      if headEnd != nil { break }
      if buffer.count > Self.maximumHeadBytes {
        return .reject(.error(431, "The request head is larger than 64 KB."))
      }
      scanned = max(0, buffer.count - 3)
      if Socket.receive(fd, scratch: &scratch, into: &buffer) == 0 { return .closed }
    }
    guard let headEnd else { return .closed }
    guard let head = HTTPRequestHead(buffer[0..<headEnd]) else {
      return .reject(
        .error(400, "The request is not valid HTTP/1.1.", errors: ["malformed request head"]))
    }
    if head.headers["transfer-encoding"] != nil {
      return .reject(
        .error(
          411, "Chunked request bodies are not supported; send the body with a Content-Length.",
          errors: ["Transfer-Encoding is not supported"]))
    }
    var length = 0
    if let field = head.headers["content-length"] {
      guard let parsed = Int(field), parsed >= 0 else {
        return .reject(.error(400, "Invalid Content-Length: \(field).", errors: [field]))
      }
      length = parsed
    }
    if length > Self.maximumBodyBytes {
      return .reject(.error(413, "Request Entity Too Large: the limit is 4 MB."))
    }
    if length > 0, head.headers["expect"]?.lowercased() == "100-continue" {
      _ = Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }
    let bodyStart = headEnd + 4
    while buffer.count < bodyStart + length {
      if Socket.receive(fd, scratch: &scratch, into: &buffer) == 0 { return .closed }
    }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    buffer.removeSubrange(0..<(bodyStart + length))
    let (path, query) = QueryString.split(head.target)
    return .request(
      HTTPRequest(
        method: head.method, path: path, query: query, headers: head.headers, body: body,
        keepAlive: head.keepAlive))
  }

  /// Writes a response; false when the peer has gone.
  func send(_ response: HTTPResponse, keepAlive: Bool) -> Bool {
    Socket.sendAll(fd, response.serialized(keepAlive: keepAlive))
  }

  /// The index of the `\r\n\r\n` that ends the head, searching from `start`.
  private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count >= 4 else { return nil }
    return bytes.withUnsafeBufferPointer { pointer in
      var index = start
      while index + 3 < pointer.count {
        if pointer[index] == 13, pointer[index + 1] == 10, pointer[index + 2] == 13,
          pointer[index + 3] == 10
        {
          return index
        }
        index += 1
      }
      return nil
    }
  }
}
