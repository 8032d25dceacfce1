import Dispatch
import Foundation
import MizzenCore

/// A local Braze-compatible REST server (SPEC §7) on plain POSIX sockets: one thread
/// accepts, one thread serves each keep-alive connection, up to
/// `SandboxConfiguration.maximumConnections` (a connection past the cap is answered 503
/// and closed), and idle or slow connections time out. State lives in memory and is gone
/// when the server stops.
public final class SandboxServer: Sendable {
  /// The TCP port the server listens on (the one the system picked when asked for 0).
  public let port: UInt16
  private let host: String
  private let listener: Int32
  let router: SandboxRouter
  private let latency: Duration
  private let maximumConnections: Int
  private let idleTimeout: Duration
  private let requestTimeout: Duration
  private let log: (@Sendable (String) -> Void)?
  private let keys: [String]
  private let connections = Locked(ConnectionRegistry())
  private let threads = DispatchGroup()
  private let served = Locked(0)

  /// Which connections are open, so that `stop()` can wake their threads.
  private struct ConnectionRegistry {
    var open: Set<Int32> = []
    var stopping = false
  }

  /// The base URL to give a Braze client, e.g. `http://127.0.0.1:49152`.
  public var baseURL: String { "http://\(host):\(port)" }

  /// How many requests have been read so far, faulted ones included.
  public var requestCount: Int { served.withLock { $0 } }

  private init(
    _ configuration: SandboxConfiguration, listener: Int32, port: UInt16,
    log: (@Sendable (String) -> Void)?
  ) {
    host = configuration.host
    self.listener = listener
    self.port = port
    router = SandboxRouter(configuration)
    latency = configuration.latency
    maximumConnections = max(1, configuration.maximumConnections)
    idleTimeout = configuration.idleTimeout
    requestTimeout = configuration.requestTimeout
    self.log = log
    keys = Array(configuration.keys.keys)
  }

  /// Binds the listener and starts accepting connections; `log` receives one line per
  /// request (method, path, status, milliseconds), never a key, with every control
  /// character escaped so that a request cannot forge or colour a line.
  public static func start(
    _ configuration: SandboxConfiguration, log: (@Sendable (String) -> Void)? = nil
  ) throws -> SandboxServer {
    let (listener, port) = try Socket.listen(host: configuration.host, port: configuration.port)
    let server = SandboxServer(configuration, listener: listener, port: port, log: log)
    server.threads.enter()
    Thread { server.acceptLoop() }.start()
    return server
  }

  /// Queues faults for the next requests, one each, before the random failure rate applies.
  public func injectFaults(_ faults: [SandboxFault]) {
    router.faults.enqueue(faults)
  }

  /// Closes the listener and every open connection and waits for their threads to end,
  /// so that the port is free when this returns. Calling it again does nothing more.
  public func stop() {
    let open = connections.withLock { registry -> Set<Int32>? in
      guard !registry.stopping else { return nil }
      registry.stopping = true
      return registry.open
    }
    if let open {
      Socket.shutdown(listener)
      for fd in open { Socket.shutdown(fd) }
    }
    threads.wait()
  }

  private var isStopping: Bool { connections.withLock { $0.stopping } }

  private func acceptLoop() {
    defer {
      Socket.close(listener)
      threads.leave()
    }
    while let fd = Socket.accept(listener) {
      let admitted = connections.withLock { registry -> Bool? in
        guard !registry.stopping else { return nil }
        guard registry.open.count < maximumConnections else { return false }
        registry.open.insert(fd)
        return true
      }
      switch admitted {
      case nil:
        Socket.close(fd)
        return
      case false?:
        refuse(fd)
      case true?:
        threads.enter()
        Thread { self.serve(fd) }.start()
      }
    }
  }

  /// Answers a connection past the cap with 503 on the accepting thread (a fresh socket's
  /// send buffer takes the short answer at once) and closes it.
  private func refuse(_ fd: Int32) {
    let response = router.unreadable(
      .error(
        503,
        "Service Unavailable: the sandbox serves \(maximumConnections) connections at once; "
          + "retry when one closes."))
    _ = Socket.sendAll(fd, response.serialized(keepAlive: false))
    Socket.shutdown(fd)
    Socket.close(fd)
    record(
      "?", "(connection refused: too many open)", status: "503", since: ContinuousClock().now,
      token: nil)
  }

  private func serve(_ fd: Int32) {
    defer {
      connections.withLock { _ = $0.open.remove(fd) }
      Socket.close(fd)
      threads.leave()
    }
    let connection = HTTPConnection(
      fd: fd, idleTimeout: idleTimeout, requestTimeout: requestTimeout)
    let clock = ContinuousClock()
    while !isStopping {
      switch connection.next() {
      case .closed:
        return
      case .reject(let rejection):
        let response = router.unreadable(rejection)
        record(
          "?", "(unreadable request)", status: String(response.status), since: clock.now, token: nil
        )
        if connection.send(response, keepAlive: false) && !isStopping {
          Socket.drain(fd, for: .milliseconds(500))
        }
        return
      case .request(let request):
        let started = clock.now
        served.withLock { $0 += 1 }
        let (outcome, delay) = router.route(request)
        pause(latency + delay)
        switch outcome {
        case .drop:
          record(
            request.method, request.path, status: "dropped", since: started,
            token: request.bearerToken)
          return
        case .respond(let response):
          // Logged before sending, so that a client that has its answer also finds the line.
          record(
            request.method, request.path, status: String(response.status), since: started,
            token: request.bearerToken)
          let keepAlive = request.keepAlive && !isStopping
          if !connection.send(response, keepAlive: keepAlive) || !keepAlive { return }
        }
      }
    }
  }

  /// Sleeps in short steps so that `stop()` is not held up by a long injected latency.
  private func pause(_ duration: Duration) {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    while clock.now < deadline && !isStopping {
      let step = min(deadline - clock.now, .milliseconds(20))
      Thread.sleep(
        forTimeInterval: Double(step.components.seconds)
          + Double(step.components.attoseconds) / 1e18)
    }
  }

  private func record(
    _ method: String, _ path: String, status: String, since start: ContinuousClock.Instant,
    token: String?
  ) {
    guard let log else { return }
    let elapsed = ContinuousClock().now - start
    let milliseconds =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    // Method and path are whatever the client sent: withhold them if a key rides along.
    let secrets = (keys + [token].compactMap { $0 }).filter { !$0.isEmpty }
    let leaks = secrets.contains { method.contains($0) || path.contains($0) }
    let request =
      leaks
      ? "(a request line that contains an API key)"
      : "\(TerminalText.escaped(method)) \(TerminalText.escaped(path))"
    log("\(request) \(status) \(FixedPoint.format(milliseconds, places: 1))ms")
  }
}
