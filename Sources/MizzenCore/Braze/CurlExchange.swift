import CCurlShim
import Foundation

/// The state of one exchange on libcurl, shared by the thread that runs it (header and body
/// callbacks), the cancellation handler and the result: the head as it arrives, the body up
/// to the limit, and why the exchange was stopped, if it was.
final class CurlExchange: @unchecked Sendable {
  private let lock = NSLock()
  private let bodyLimit: Int
  private var reason: HTTPTransfer.Failure?
  private var slot: OpaquePointer?
  private var status: Int?
  private var headers: [String: String] = [:]
  private var body: [UInt8] = []
  private var received = 0
  private var cutAtLimit = false

  init(bodyLimit: Int) {
    self.bodyLimit = max(0, bodyLimit)
  }

  /// Stops the exchange (at once if it is running) and makes `why` its result.
  func stop(_ why: HTTPTransfer.Failure) {
    lock.withLock {
      if reason == nil { reason = why }
      if let slot { mizzen_curl_slot_wake(slot) }
    }
  }

  func perform(
    _ request: HTTPTransfer.Request, on slot: OpaquePointer, session: HTTPSession,
    deadline: Duration
  ) -> HTTPTransfer.Result {
    let started = lock.withLock { () -> Bool in
      guard reason == nil else { return false }
      self.slot = slot
      return true
    }
    guard started else { return .failure(stopReason ?? .cancelled) }
    let total = max(1, HTTPSession.milliseconds(deadline))
    var outcome = mizzen_curl_result()
    let lines = request.headers.map { strdup($0.0 + ": " + $0.1) }
    defer { lines.forEach { free($0) } }
    let context = Unmanaged.passUnretained(self).toOpaque()
    request.url.withCString { url in
      request.method.withCString { method in
        lines.map { UnsafePointer($0) }.withUnsafeBufferPointer { headerLines in
          Self.withBody(request.body) { body, length in
            var wire = mizzen_curl_request(
              method: method, url: url, headers: headerLines.baseAddress,
              header_count: Int32(headerLines.count), body: body, body_length: length,
              connect_timeout_ms: min(session.connectTimeoutMs, total), total_timeout_ms: total)
            mizzen_curl_perform(
              slot, &wire, Self.onHeader, Self.onBody, Self.isStopped, context, &outcome)
          }
        }
      }
    }
    lock.withLock { self.slot = nil }
    let message = withUnsafeBytes(of: outcome.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    return result(code: Int(outcome.code), message: message)
  }

  private var stopReason: HTTPTransfer.Failure? { lock.withLock { reason } }

  private static func withBody<T>(
    _ body: [UInt8]?, _ use: (UnsafePointer<UInt8>?, Int) -> T
  ) -> T {
    guard let body else { return use(nil, 0) }
    // A body of zero bytes still needs a pointer: nil means "no body" to the shim.
    if body.isEmpty { return [UInt8(0)].withUnsafeBufferPointer { use($0.baseAddress, 0) } }
    return body.withUnsafeBufferPointer { use($0.baseAddress, $0.count) }
  }

  private static let onHeader: mizzen_curl_receive = { context, bytes, length in
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
    let line = UnsafeRawBufferPointer(start: bytes, count: length)
    return exchange.head(line) ? length : CurlExchange.refusal(length)
  }

  private static let onBody: mizzen_curl_receive = { context, bytes, length in
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
    let piece = UnsafeRawBufferPointer(start: bytes, count: length)
    return exchange.keep(piece) ? length : CurlExchange.refusal(length)
  }

  private static let isStopped: mizzen_curl_stopped = { context in
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context!).takeUnretainedValue()
    return exchange.stopReason == nil ? 0 : 1
  }

  /// Any count but the one received makes libcurl stop.
  private static func refusal(_ length: Int) -> Int { length == 0 ? 1 : 0 }

  /// Takes one line of the head; false stops the exchange when the answer announces a body
  /// longer than the limit, keeping none of it.
  private func head(_ bytes: UnsafeRawBufferPointer) -> Bool {
    // The line ends in CR LF, which a Swift string holds as one character: cut the bytes.
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x0A { end -= 1 }
    let line = String(decoding: bytes[..<end], as: UTF8.self)
    return lock.withLock {
      if line.hasPrefix("HTTP/") {
        // A new answer (the first, or the one after a 1xx): its head replaces the last.
        let fields = line.split(separator: " ", maxSplits: 2)
        status = fields.count > 1 ? Int(fields[1]) : nil
        headers = [:]
        return true
      }
      if line.isEmpty {
        guard let status, status >= 200,
          let announced = ResponseHeaders.value("Content-Length", in: headers).flatMap({ Int($0) }),
          announced > bodyLimit
        else { return true }
        cutAtLimit = true
        return false
      }
      guard let colon = line.firstIndex(of: ":") else { return true }
      let name = String(line[..<colon])
      var value = line[line.index(after: colon)...]
      while let first = value.first, first == " " || first == "\t" { value.removeFirst() }
      while let last = value.last, last == " " || last == "\t" { value.removeLast() }
      headers[name] = headers[name].map { $0 + ", " + value } ?? String(value)
      return true
    }
  }

  /// Keeps body bytes up to the limit; past it, stops the exchange.
  private func keep(_ bytes: UnsafeRawBufferPointer) -> Bool {
    lock.withLock {
      received += bytes.count
      if cutAtLimit { return false }
      let room = bodyLimit - body.count
      if bytes.count <= room {
        body.append(contentsOf: bytes)
        return true
      }
      body.append(contentsOf: bytes.prefix(room))
      cutAtLimit = true
      return false
    }
  }

  private func result(code: Int, message: String) -> HTTPTransfer.Result {
    lock.lock()
    let (stopped, status, headers, body, cut, received) = (
      reason, status, headers, body, cutAtLimit, received
    )
    lock.unlock()
    // The body limit stops an exchange by refusing bytes; any other stop is the answer.
    if let stopped, !cut { return .failure(stopped) }
    let announced = ResponseHeaders.value("Content-Length", in: headers).flatMap { Int($0) }
    if cut, let status {
      return .response(
        .init(
          status: status, headers: headers, body: body,
          fullLength: announced.map { max($0, received) } ?? 0))
    }
    if code == 0, let status {
      return .response(.init(status: status, headers: headers, body: body))
    }
    return .failure(Self.classify(code, message, answered: status != nil, announced, received))
  }

  /// libcurl's CURLcode as one of the transfer's failures (curl.h's numbers).
  private static func classify(
    _ code: Int, _ message: String, answered: Bool, _ announced: Int?, _ received: Int
  ) -> HTTPTransfer.Failure {
    if code == 18, let announced, received < announced {
      return .badAnswer(
        "the body was cut short (\(received) of the \(announced) bytes announced)",
        retryable: true)
    }
    // 65: a kept-alive connection closed under the request; libcurl would resend the body,
    // which CCurlShim does not let it do on its own.
    if code == 55 || code == 56 || code == 65 {
      return answered
        ? .badAnswer("the connection was dropped in the middle of the answer", retryable: true)
        : .connectionLost("the connection was dropped before an answer arrived")
    }
    if (code == 1 || code == 8) && !answered {
      // Only http and https URLs are ever sent, so this is a reply without an HTTP status
      // line (an HTTP/0.9 answer, or another protocol).
      return .badAnswer("its reply was not HTTP", retryable: false)
    }
    switch code {
    case 28: return .timeout
    case 42: return .cancelled
    case 52:
      return .connectionLost("the server closed the connection without an answer")
    case 3:
      return .unreachable("the URL could not be sent to (\(message))")
    case 5:
      return .unreachable("the proxy's host name could not be resolved (\(message))")
    case 6:
      return .unreachable("the host name could not be resolved")
    case 7:
      return .unreachable("the connection was refused: nothing listens at that address")
    case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:
      return .unreachable("the https (TLS) connection could not be established (\(message))")
    default:
      // Every way of not reaching the server has its own code above; what is left
      // happened once the server was talking (an oversized head, a malformed one…).
      return .badAnswer(
        "its reply could not be read as HTTP (\(message), libcurl error \(code))",
        retryable: answered)
    }
  }
}
