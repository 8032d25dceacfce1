import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP exchange over URLSession, bounded by a deadline and cancelled with the Task
/// that awaits it. URLSession's own timeout on Linux counts whole seconds of silence, so
/// the per-attempt deadline is kept here.
///
/// Two promises are kept here rather than left to URLSession's defaults: a redirect is
/// never followed (the answer that asks for one is the final answer, so the key never
/// travels to a host the connection does not name), and no more than `bodyLimit` bytes of
/// an answer's body are ever kept.
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
    /// The server could not be reached at all (refused, unknown host, TLS…).
    case unreachable(String)
  }

  static func run(
    _ request: URLRequest, session: URLSession, delegate: TransferDelegate, deadline: Duration,
    bodyLimit: Int
  ) async -> Result {
    let handle = Handle(bodyLimit: bodyLimit)
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
        let task = session.dataTask(with: request)
        guard handle.attach(task, continuation) else {
          continuation.resume(returning: .failure(handle.stopReason ?? .cancelled))
          return
        }
        delegate.register(handle, for: task)
        task.resume()
        handle.armTimer(after: deadline)
      }
    } onCancel: {
      handle.stop(.cancelled)
    }
  }

  /// Shares one transfer's state between the session's delegate callbacks, the deadline
  /// timer and the cancellation handler, which run on different threads.
  final class Handle: @unchecked Sendable {
    private let lock = NSLock()
    private let bodyLimit: Int
    private var task: URLSessionDataTask?
    private var continuation: CheckedContinuation<Result, Never>?
    private var reason: Failure?
    private var timer: DispatchWorkItem?
    private var body: [UInt8] = []
    private var received = 0
    private var cutAtLimit = false
    private var response: URLResponse?

    init(bodyLimit: Int) {
      self.bodyLimit = max(0, bodyLimit)
    }

    var stopReason: Failure? { lock.withLock { reason } }

    /// Keeps the task; false when the transfer was stopped before it could start.
    func attach(_ task: URLSessionDataTask, _ continuation: CheckedContinuation<Result, Never>)
      -> Bool
    {
      lock.withLock {
        guard reason == nil else { return false }
        self.task = task
        self.continuation = continuation
        return true
      }
    }

    func armTimer(after deadline: Duration) {
      let item = DispatchWorkItem { [weak self] in self?.stop(.timeout) }
      lock.withLock { timer = item }
      let parts = deadline.components
      let nanoseconds = parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
      DispatchQueue.global().asyncAfter(
        deadline: .now() + .nanoseconds(Int(clamping: nanoseconds)), execute: item)
    }

    func stop(_ why: Failure) {
      let running = lock.withLock { () -> URLSessionDataTask? in
        if reason == nil { reason = why }
        return task
      }
      running?.cancel()
    }

    /// Keeps the answer's head; false when it announces a body longer than the limit: the
    /// transfer then stops at the head and keeps none of the body (URLSession hands bytes
    /// over asynchronously, so waiting for the limit to be crossed lets a fast server
    /// queue far more than the limit first).
    func accept(_ response: URLResponse) -> Bool {
      lock.withLock {
        self.response = response
        guard response.expectedContentLength > Int64(bodyLimit) else { return true }
        cutAtLimit = true
        return false
      }
    }

    /// Keeps body bytes up to the limit; past it, stops the transfer and drops whatever
    /// still arrives, so that no more than the limit is ever held.
    func received(_ data: Data) {
      let over = lock.withLock { () -> URLSessionDataTask? in
        received += data.count
        // Past the limit nothing more is kept; bytes still arriving (libcurl can drain the
        // socket before the cancellation lands) are counted and dropped.
        if cutAtLimit { return nil }
        let room = bodyLimit - body.count
        if data.count <= room {
          body.append(contentsOf: data)
          return nil
        }
        body.append(contentsOf: data.prefix(room))
        cutAtLimit = true
        return task
      }
      over?.cancel()
    }

    func finish(_ response: URLResponse?, _ error: (any Error)?) {
      let (stopped, pending, continuation, body, cut, received, head) = lock.withLock {
        let state = (
          reason, timer, self.continuation, self.body, cutAtLimit, self.received,
          response ?? self.response
        )
        timer = nil
        task = nil
        self.continuation = nil
        self.body = []
        return state
      }
      pending?.cancel()
      continuation?.resume(
        returning: Self.result(head, error, stopped, body, cut: cut, received: received))
    }

    private static func result(
      _ response: URLResponse?, _ error: (any Error)?, _ stopped: Failure?, _ body: [UInt8],
      cut: Bool, received: Int
    ) -> Result {
      // The body limit stops a transfer by cancelling it; any other stop is the answer.
      if let stopped, !cut { return .failure(stopped) }
      guard let http = response as? HTTPURLResponse else {
        return .failure(classify(error, answered: false))
      }
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        headers[String(describing: name)] = String(describing: value)
      }
      let announced = ResponseHeaders.value("Content-Length", in: headers).flatMap { Int($0) }
      if cut {
        return .response(
          Response(
            status: http.statusCode, headers: headers, body: body,
            fullLength: announced.map { max($0, received) } ?? 0))
      }
      if let error {
        if let announced, received < announced {
          return .failure(
            .badAnswer(
              "the body was cut short (\(received) of the \(announced) bytes announced)",
              retryable: true))
        }
        return .failure(classify(error, answered: true))
      }
      return .response(Response(status: http.statusCode, headers: headers, body: body))
    }

    private static func classify(_ error: (any Error)?, answered: Bool) -> Failure {
      guard let urlError = error as? URLError else {
        return .unreachable(error.map { String(describing: $0) } ?? "no answer and no error")
      }
      switch urlError.code {
      case .timedOut:
        return .timeout
      case .cancelled:
        return .cancelled
      case .networkConnectionLost where answered:
        return .badAnswer("the connection was dropped in the middle of the answer", retryable: true)
      case .networkConnectionLost:
        return .connectionLost("the connection was dropped before an answer arrived")
      case .badServerResponse, .zeroByteResource:
        // libcurl's "empty reply": the server closed the connection without a byte.
        return .connectionLost("the server closed the connection without an answer")
      case .cannotParseResponse:
        return .badAnswer("its reply was not a valid HTTP answer", retryable: false)
      case .unsupportedURL:
        // Only http and https URLs are ever sent, so this is libcurl refusing a reply
        // without an HTTP status line (an HTTP/0.9 answer, or another protocol).
        return .badAnswer("its reply was not HTTP", retryable: false)
      case .cannotConnectToHost:
        return .unreachable("the connection was refused: nothing listens at that address")
      case .cannotFindHost, .dnsLookupFailed:
        return .unreachable("the host name could not be resolved")
      case .notConnectedToInternet:
        return .unreachable("this machine is not connected to a network")
      case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot,
        .clientCertificateRejected, .clientCertificateRequired:
        return .unreachable("the https (TLS) connection could not be established")
      default:
        // Every way of not reaching the server has its own code above; what is left
        // happened once the server was talking (an oversized head, a malformed one…).
        return .badAnswer(
          "its reply could not be read as HTTP (network error \(urlError.code.rawValue))",
          retryable: answered)
      }
    }
  }
}

/// The session delegate of every `BrazeClient`: refuses redirects, streams bodies into the
/// transfer's handle, and reports the end. URLSession keeps its delegate strongly until the
/// session is invalidated, so each client's delegate keeps the handles of its transfers in flight.
final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  private let lock = NSLock()
  private var handles: [ObjectIdentifier: HTTPTransfer.Handle] = [:]

  func register(_ handle: HTTPTransfer.Handle, for task: URLSessionTask) {
    lock.withLock { handles[ObjectIdentifier(task)] = handle }
  }

  private func handle(_ task: URLSessionTask, remove: Bool = false) -> HTTPTransfer.Handle? {
    lock.withLock {
      remove ? handles.removeValue(forKey: ObjectIdentifier(task)) : handles[ObjectIdentifier(task)]
    }
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping (URLRequest?) -> Void
  ) {
    // Braze's REST API does not redirect: the answer asking for one is the answer.
    completionHandler(nil)
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let accepted = handle(dataTask)?.accept(response) ?? true
    completionHandler(accepted ? .allow : .cancel)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    handle(dataTask)?.received(data)
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    handle(task, remove: true)?.finish(task.response, error)
  }
}
