import CCurlShim
import Foundation

/// One HTTP exchange, as `BrazeClient` sees it, over the system's libcurl
/// (`CurlLibrary`): bounded in time (connecting by the connect timeout, the whole exchange
/// by the deadline), stopped when the awaiting Task is cancelled, never redirected (an
/// answer asking for a redirect is the answer, so the key never travels to a host the
/// connection does not name), and keeping at most `bodyLimit` bytes of a body.
enum HTTPTransfer {
  /// An HTTP answer, possibly cut at the body limit.
  struct Response: Sendable {
    var status: Int
    var headers: [String: String]
    /// At most the body limit.
    var body: [UInt8]
    /// The body's full length when more arrived (or was announced) than was kept; nil when
    /// `body` is the whole body. Zero when the length is unknown.
    var fullLength: Int?
  }

  /// What one exchange produced.
  enum Result: Sendable {
    case response(Response)
    case failure(Failure)
  }

  /// Why no usable answer arrived.
  enum Failure: Sendable, Equatable {
    case timeout
    case cancelled
    /// The connection broke after the request went out: worth another attempt.
    case connectionLost(String)
    /// The server answered, but not with a complete HTTP answer (a reply that is not
    /// HTTP, a head too large, a body shorter than announced).
    case badAnswer(String, retryable: Bool)
    /// The server could not be reached at all (refused, unknown host, TLS…), or libcurl
    /// could not be loaded.
    case unreachable(String)
  }

  /// A request as sent: headers in order.
  struct Request: Sendable {
    var method: String
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]?
  }

  static func run(
    _ request: Request, session: HTTPSession, deadline: Duration, bodyLimit: Int
  ) async -> Result {
    let library: CurlLibrary
    CurlLibrary.loading.wait()
    switch CurlLibrary.shared {
    case .failure(let problem): return .failure(.unreachable(problem.text))
    case .success(let loaded): library = loaded
    }
    let exchange = CurlExchange(bodyLimit: bodyLimit)
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
        // libcurl blocks the thread it runs on: each exchange gets a thread of its own, so
        // that calls in flight at once (a reconcile's reads) never wait for one another
        // nor hold a thread of Swift's cooperative pool.
        PlainThread.start {
          let result = session.withSlot(library) { slot in
            exchange.perform(request, on: slot, session: session, deadline: deadline)
          }
          continuation.resume(
            returning: result ?? .failure(.unreachable("libcurl failed to start")))
        }
      }
    } onCancel: {
      exchange.stop(.cancelled)
    }
  }
}

/// The reusable libcurl handles of one `BrazeClient`: an exchange borrows one and gives it
/// back, with its connection kept alive for the next call to the same host. A client made
/// but never used loads nothing.
final class HTTPSession: @unchecked Sendable {
  private let lock = NSLock()
  private var idle: [OpaquePointer] = []
  private var invalidated = false
  let connectTimeoutMs: Int

  init(connectTimeout: Duration) {
    connectTimeoutMs = max(1, HTTPSession.milliseconds(connectTimeout))
  }

  static func milliseconds(_ duration: Duration) -> Int {
    let parts = duration.components
    return Int(clamping: parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
  }

  /// Runs `body` with an idle handle, or a new one; nil when libcurl cannot make one.
  func withSlot<T>(_ library: CurlLibrary, _ body: (OpaquePointer) -> T) -> T? {
    let reused = lock.withLock { idle.popLast() }
    guard let slot = reused ?? mizzen_curl_slot_new(library.pointer) else { return nil }
    let value = body(slot)
    let keep = lock.withLock {
      guard !invalidated else { return false }
      idle.append(slot)
      return true
    }
    if !keep { mizzen_curl_slot_free(slot) }
    return value
  }

  /// Closes the idle connections; exchanges in flight close theirs when they end.
  func finishTasksAndInvalidate() {
    let slots = lock.withLock {
      invalidated = true
      defer { idle = [] }
      return idle
    }
    for slot in slots { mizzen_curl_slot_free(slot) }
  }
}
