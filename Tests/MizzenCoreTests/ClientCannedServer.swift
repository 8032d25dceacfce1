import Foundation
import MizzenTestSupport

/// A tiny HTTP server on 127.0.0.1 that records each request as it arrived on the wire and
/// answers with canned responses in turn (the last one repeats). It lets tests see the
/// exact headers and body the client sends, and answers the sandbox never gives. It is the
/// shared raw-socket server with a queue of answers.
final class ClientCannedServer: Sendable {
  struct Canned: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String
  }

  private let server: RawHTTPServer

  init(_ responses: [Canned]) throws {
    let queue = Queue(responses)
    server = try RawHTTPServer { _, write in
      let canned = queue.next()
      _ = write(RawHTTPServer.answer(canned.status, headers: canned.headers, body: canned.body))
    }
  }

  var port: UInt16 { server.port }
  var baseURL: String { server.baseURL }

  /// Every request so far, head and body, exactly as read.
  var requests: [String] { server.requests }

  private final class Queue: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [Canned]

    init(_ responses: [Canned]) { self.responses = responses }

    func next() -> Canned {
      lock.withLock { responses.count > 1 ? responses.removeFirst() : responses[0] }
    }
  }
}
