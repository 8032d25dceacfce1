/// Frames requests out of the bytes one connection delivers, with no I/O of its own, so
/// that it can be fed anything (the fuzz test does). Bytes go in with `append`; `next()`
/// says whether a whole request is there, more bytes are needed, or the stream is refused.
///
/// Strict HTTP/1.1 framing: every line ends in CRLF (a bare LF or CR is a 400), the head
/// with its blank line is at most 64 KB (else 431), `Content-Length` is plain digits,
/// bodies are at most 4 MB (413) and chunked bodies are refused (411).
struct HTTPRequestReader {
  /// What the bytes so far amount to.
  enum Step {
    case request(HTTPRequest)
    case needMore
    /// The stream cannot continue: answer with this, then close.
    case reject(HTTPResponse)
  }

  /// The head, request line to blank line included.
  static let maximumHeadBytes = 64 * 1024
  /// Braze refuses payloads over 4 MB with 413 (braze-api.md §0).
  static let maximumBodyBytes = 4 * 1024 * 1024

  private var buffer: [UInt8] = []
  /// How far `buffer` has been checked for line ends and the blank line.
  private var scanned = 0
  private var pending: (head: HTTPRequestHead, bodyStart: Int, length: Int)?
  private var continueOwed = false

  init() {
    buffer.reserveCapacity(8 * 1024)
  }

  /// True when no byte of a next request has arrived.
  var isEmpty: Bool { buffer.isEmpty }

  mutating func append(_ bytes: ArraySlice<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// True once per request whose head asked for `Expect: 100-continue` and whose body
  /// has not fully arrived: the connection then sends the interim answer.
  mutating func takeContinue() -> Bool {
    defer { continueOwed = false }
    return continueOwed
  }

  mutating func next() -> Step {
    if pending == nil {
      skipLeadingBlankLines()
      switch scanHead() {
      case .failure(let refusal): return .reject(.error(refusal.status, refusal.message))
      case .success(nil): return .needMore
      case .success(let end?):
        do throws(HTTPRequestHead.Refusal) {
          let head = try HTTPRequestHead(buffer[0..<end])
          if head.headers["transfer-encoding"] != nil {
            return .reject(
              .error(
                411,
                "Chunked request bodies are not supported; send the body with a Content-Length.",
                errors: ["Transfer-Encoding is not supported"]))
          }
          let length = try head.contentLength(limit: Self.maximumBodyBytes) ?? 0
          pending = (head, end + 4, length)
          continueOwed = length > 0 && head.headers["expect"]?.lowercased() == "100-continue"
        } catch {
          return .reject(.error(error.status, error.message))
        }
      }
    }
    guard let (head, bodyStart, length) = pending else { return .needMore }
    guard buffer.count >= bodyStart + length else { return .needMore }
    continueOwed = false
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    buffer.removeSubrange(0..<(bodyStart + length))
    pending = nil
    scanned = 0
    let (path, query) = QueryString.split(head.target)
    return .request(
      HTTPRequest(
        method: head.method, path: path, query: query, headers: head.headers, body: body,
        keepAlive: head.keepAlive))
  }

  /// RFC 9112 §2.2: a server should ignore empty lines before a request line.
  private mutating func skipLeadingBlankLines() {
    guard scanned == 0 else { return }
    var start = 0
    while start + 1 < buffer.count, buffer[start] == 13, buffer[start + 1] == 10 { start += 2 }
    if start > 0 { buffer.removeSubrange(0..<start) }
  }

  /// The index of the CRLFCRLF that ends the head, nil while it has not arrived; a bare
  /// CR or LF, or a head over the limit, is a refusal.
  private mutating func scanHead() -> Result<Int?, HTTPRequestHead.Refusal> {
    let limit = min(buffer.count, Self.maximumHeadBytes)
    var index = scanned
    while index < limit {
      let byte = buffer[index]
      if byte == 10 {
        guard index > 0, buffer[index - 1] == 13 else { return .failure(Self.bareLineEnd) }
        if index >= 3, buffer[index - 2] == 10, buffer[index - 3] == 13 {
          return .success(index - 3)
        }
      } else if byte == 13 {
        guard index + 1 < buffer.count else { break }
        guard buffer[index + 1] == 10 else { return .failure(Self.bareLineEnd) }
      }
      index += 1
    }
    scanned = index
    if buffer.count >= Self.maximumHeadBytes && index >= limit {
      return .failure(
        HTTPRequestHead.Refusal(status: 431, message: "The request head is larger than 64 KB."))
    }
    return .success(nil)
  }

  private static let bareLineEnd = HTTPRequestHead.Refusal(
    status: 400,
    message:
      "The request is not valid HTTP/1.1: every line must end with CRLF, not a bare LF or CR.")
}
