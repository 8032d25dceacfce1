/// Reads requests from one accepted socket and writes the answers back, keeping the
/// connection open between requests (HTTP/1.1 keep-alive), within time limits: a
/// connection idle between requests is closed, and a request whose head and body do not
/// all arrive in time is answered 408 and closed (a slow client cannot hold a thread).
final class HTTPConnection {
  /// What the next read produced.
  enum Next {
    case request(HTTPRequest)
    /// The stream cannot continue (bad framing, too slow): answer with this, then close.
    case reject(HTTPResponse)
    /// The peer closed, stayed idle too long, or the server is stopping.
    case closed
  }

  let fd: Int32
  private let idleTimeout: Duration
  private let requestTimeout: Duration
  private var reader = HTTPRequestReader()
  private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

  init(fd: Int32, idleTimeout: Duration, requestTimeout: Duration) {
    self.fd = fd
    self.idleTimeout = idleTimeout
    self.requestTimeout = requestTimeout
  }

  /// Reads one complete request (head and Content-Length body).
  func next() -> Next {
    let clock = ContinuousClock()
    let waiting = clock.now
    var started: ContinuousClock.Instant? = reader.isEmpty ? nil : waiting
    while true {
      switch reader.next() {
      case .request(let request): return .request(request)
      case .reject(let response): return .reject(response)
      case .needMore: break
      }
      if reader.takeContinue() {
        _ = Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
      }
      let deadline = started.map { $0 + requestTimeout } ?? waiting + idleTimeout
      switch Socket.receive(fd, scratch: &scratch, until: deadline) {
      case .data(let count):
        if started == nil { started = clock.now }
        reader.append(scratch[0..<count])
      case .closed:
        return .closed
      case .timedOut:
        guard started != nil else { return .closed }
        return .reject(
          .error(408, "Request Timeout: the request did not arrive in \(requestTimeout)."))
      }
    }
  }

  /// Writes a response; false when the peer has gone.
  func send(_ response: HTTPResponse, keepAlive: Bool) -> Bool {
    Socket.sendAll(fd, response.serialized(keepAlive: keepAlive))
  }
}
