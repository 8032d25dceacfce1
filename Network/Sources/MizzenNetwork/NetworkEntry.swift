import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// The one entry point MizzenCore finds with dlsym. This library and the program that loads
// it are separate images that share no Swift module, so everything that crosses is built
// of standard-library types (whose metadata both share); MizzenCore declares the same
// shapes in Braze/NetworkLibrary.swift. A change to them is a new symbol name, so that a
// stale library is refused rather than misread.

/// One answer: `failure` 0 is a response (status, headers, body, fullLength); 1 timeout,
/// 2 cancelled, 3 connection lost, 4 bad answer (`retryable`), 5 unreachable, each with
/// its `text`.
typealias WireAnswer = (
  status: Int, headers: [String: String], body: [UInt8], fullLength: Int?, failure: Int,
  text: String, retryable: Bool
)

/// A request: method, URL, headers in order, body.
typealias WireRequest = (method: String, url: String, headers: [(String, String)], body: [UInt8]?)

typealias WireFunctions = (
  makeSession: @Sendable (_ connectTimeoutSeconds: Double) -> any AnyObject & Sendable,
  run:
    @Sendable (
      _ session: any AnyObject & Sendable, _ request: WireRequest, _ deadline: Duration,
      _ bodyLimit: Int
    ) async -> WireAnswer?,
  invalidate: @Sendable (_ session: any AnyObject & Sendable) -> Void
)

/// Writes the library's functions to `out`, which points to uninitialised memory for one
/// `WireFunctions`.
@_cdecl("mizzen_network_functions_v1")
public func mizzenNetworkFunctions(_ out: UnsafeMutableRawPointer) {
  let functions: WireFunctions = (
    makeSession: { NetworkSession(connectTimeoutSeconds: $0) },
    run: { session, request, deadline, bodyLimit in
      guard let session = session as? NetworkSession else { return nil }
      return await session.run(request, deadline: deadline, bodyLimit: bodyLimit)
    },
    invalidate: { ($0 as? NetworkSession)?.session.finishTasksAndInvalidate() }
  )
  out.initializeMemory(as: WireFunctions.self, repeating: functions, count: 1)
}

/// A URLSession with its delegate, as one `BrazeClient` uses it.
final class NetworkSession: Sendable {
  let session: URLSession
  private let delegate = TransferDelegate()

  init(connectTimeoutSeconds: Double) {
    let sessionConfiguration = URLSessionConfiguration.ephemeral
    sessionConfiguration.timeoutIntervalForRequest = connectTimeoutSeconds
    sessionConfiguration.urlCache = nil
    sessionConfiguration.httpCookieStorage = nil
    // Room for every call a reconcile keeps in flight (`ReconcileOptions.readConcurrency`)
    // on kept-alive connections: past the default of 6, calls queued for a connection and
    // the connections libcurl let go were opened again.
    sessionConfiguration.httpMaximumConnectionsPerHost = 16
    session = URLSession(
      configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
  }

  /// Nil when the URL cannot be sent to.
  func run(_ request: WireRequest, deadline: Duration, bodyLimit: Int) async -> WireAnswer? {
    guard let url = URL(string: request.url) else { return nil }
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    if let body = request.body { urlRequest.httpBody = Data(body) }
    let result = await HTTPTransfer.run(
      urlRequest, session: session, delegate: delegate, deadline: deadline, bodyLimit: bodyLimit)
    switch result {
    case .response(let response):
      return (response.status, response.headers, response.body, response.fullLength, 0, "", false)
    case .failure(.timeout):
      return (0, [:], [], nil, 1, "", false)
    case .failure(.cancelled):
      return (0, [:], [], nil, 2, "", false)
    case .failure(.connectionLost(let text)):
      return (0, [:], [], nil, 3, text, true)
    case .failure(.badAnswer(let text, let retryable)):
      return (0, [:], [], nil, 4, text, retryable)
    case .failure(.unreachable(let text)):
      return (0, [:], [], nil, 5, text, false)
    }
  }
}
