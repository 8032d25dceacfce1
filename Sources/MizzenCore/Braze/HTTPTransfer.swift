import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP exchange over URLSession, bounded by a deadline and cancelled with the Task
/// that awaits it. URLSession's own timeout on Linux counts whole seconds of silence, so
/// the per-attempt deadline is kept here.
enum HTTPTransfer {
  /// What one exchange produced.
  enum Result: Sendable {
    case response(status: Int, headers: [String: String], body: [UInt8])
    case failure(Failure)
  }

  /// Why no answer arrived.
  enum Failure: Sendable, Equatable {
    case timeout
    case cancelled
    /// The connection broke after the request went out: worth another attempt.
    case connectionLost(String)
    /// The server could not be reached at all (refused, unknown host, TLS…).
    case unreachable(String)
  }

  static func run(_ request: URLRequest, session: URLSession, deadline: Duration) async -> Result {
    let handle = Handle()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
        let task = session.dataTask(with: request) { data, response, error in
          continuation.resume(returning: handle.finish(data, response, error))
        }
        guard handle.attach(task) else {
          continuation.resume(returning: .failure(handle.stopReason ?? .cancelled))
          return
        }
        task.resume()
        handle.armTimer(after: deadline)
      }
    } onCancel: {
      handle.stop(.cancelled)
    }
  }

  /// Shares the task between the completion handler, the deadline timer and the
  /// cancellation handler, which run on different threads.
  private final class Handle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var reason: Failure?
    private var timer: DispatchWorkItem?

    var stopReason: Failure? { lock.withLock { reason } }

    /// Keeps the task; false when the transfer was stopped before it could start.
    func attach(_ task: URLSessionDataTask) -> Bool {
      lock.withLock {
        guard reason == nil else { return false }
        self.task = task
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

    func finish(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result {
      let (stopped, pending) = lock.withLock { () -> (Failure?, DispatchWorkItem?) in
        let pending = timer
        timer = nil
        task = nil
        return (reason, pending)
      }
      pending?.cancel()
      if let http = response as? HTTPURLResponse, error == nil {
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
          headers[String(describing: name)] = String(describing: value)
        }
        return .response(status: http.statusCode, headers: headers, body: [UInt8](data ?? Data()))
      }
      if let stopped { return .failure(stopped) }
      return .failure(Self.classify(error))
    }

    private static func classify(_ error: (any Error)?) -> Failure {
      guard let urlError = error as? URLError else {
        return .unreachable(error.map { String(describing: $0) } ?? "no answer and no error")
      }
      switch urlError.code {
      case .timedOut:
        return .timeout
      case .cancelled:
        return .cancelled
      case .networkConnectionLost:
        return .connectionLost("the connection was dropped before an answer arrived")
      case .badServerResponse, .zeroByteResource, .cannotParseResponse:
        return .connectionLost("the server closed the connection without a valid answer")
      case .cannotConnectToHost:
        return .unreachable("the connection was refused: nothing listens at that address")
      case .cannotFindHost, .dnsLookupFailed:
        return .unreachable("the host name could not be resolved")
      case .notConnectedToInternet:
        return .unreachable("this machine is not connected to a network")
      case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
        return .unreachable("the https (TLS) connection could not be established")
      default:
        return .unreachable("network error \(urlError.code.rawValue)")
      }
    }
  }
}
