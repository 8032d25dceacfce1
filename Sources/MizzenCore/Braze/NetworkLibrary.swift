import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One HTTP exchange, as `BrazeClient` sees it. The exchange itself runs in the MizzenNetwork
/// library (URLSession, bounded by a deadline, redirects refused, at most `bodyLimit`
/// bytes of a body kept; see its HTTPTransfer.swift), which `NetworkLibrary` loads the
/// first time a request is sent, so that commands that never send do not load
/// FoundationNetworking, libcurl and their TLS, Kerberos and LDAP libraries at start.
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
    /// The server could not be reached at all (refused, unknown host, TLS…), or the
    /// network library could not be loaded.
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
    switch NetworkLibrary.shared {
    case .failure(let problem):
      return .failure(.unreachable(problem.text))
    case .success(let functions):
      let wire = (request.method, request.url, request.headers, request.body)
      guard let answer = await functions.run(session.opened(functions), wire, deadline, bodyLimit)
      else { return .failure(.unreachable("'\(request.url)' is not a URL that can be sent to")) }
      switch answer.failure {
      case 0:
        return .response(
          Response(
            status: answer.status, headers: answer.headers, body: answer.body,
            fullLength: answer.fullLength))
      case 1: return .failure(.timeout)
      case 2: return .failure(.cancelled)
      case 3: return .failure(.connectionLost(answer.text))
      case 4: return .failure(.badAnswer(answer.text, retryable: answer.retryable))
      default: return .failure(.unreachable(answer.text))
      }
    }
  }
}

/// The URLSession of one `BrazeClient`, opened in the network library on the first
/// request (a client made but never used loads nothing) and invalidated with the client.
final class HTTPSession: @unchecked Sendable {
  private let lock = NSLock()
  private let connectTimeoutSeconds: Double
  private var session: (any AnyObject & Sendable)?

  /// `connectTimeout` in whole seconds, as URLSession on Linux counts it.
  init(connectTimeout: Duration) {
    let silence = connectTimeout.components
    connectTimeoutSeconds = max(
      1, (Double(silence.seconds) + Double(silence.attoseconds) / 1e18).rounded(.up))
  }

  fileprivate func opened(_ functions: NetworkLibrary.Functions) -> any AnyObject & Sendable {
    lock.withLock {
      if let session { return session }
      let opened = functions.makeSession(connectTimeoutSeconds)
      session = opened
      return opened
    }
  }

  /// Lets the transfers in flight finish, then releases the session.
  func finishTasksAndInvalidate() {
    guard let session = lock.withLock({ self.session }),
      case .success(let functions) = NetworkLibrary.shared
    else { return }
    functions.invalidate(session)
  }
}

/// Finds and loads the MizzenNetwork library: beside the executable (`swift build`,
/// `swift run`, the test runner, the benchmarks) or in `../lib/mizzen/` from it (where
/// scripts/install puts it).
enum NetworkLibrary {
  /// The shapes of MizzenNetwork's NetworkEntry.swift, which must match them exactly.
  typealias Answer = (
    status: Int, headers: [String: String], body: [UInt8], fullLength: Int?, failure: Int,
    text: String, retryable: Bool
  )
  typealias Request = (method: String, url: String, headers: [(String, String)], body: [UInt8]?)
  typealias Functions = (
    makeSession: @Sendable (_ connectTimeoutSeconds: Double) -> any AnyObject & Sendable,
    run:
      @Sendable (
        _ session: any AnyObject & Sendable, _ request: Request, _ deadline: Duration,
        _ bodyLimit: Int
      ) async -> Answer?,
    invalidate: @Sendable (_ session: any AnyObject & Sendable) -> Void
  )

  struct Problem: Error {
    var text: String
  }

  static let entryPoint = "mizzen_network_functions_v1"
  #if canImport(Darwin)
    static let fileName = "libMizzenNetwork.dylib"
  #else
    static let fileName = "libMizzenNetwork.so"
  #endif

  static let shared: Result<Functions, Problem> = load()

  /// The places looked in, in order: absolute paths only, so that neither the current
  /// folder nor the loader's search path can hand the key to another library.
  static func candidates() -> [String] {
    guard let executable = executablePath(), executable.hasPrefix("/") else { return [] }
    let folder = (executable as NSString).deletingLastPathComponent
    return [
      folder + "/" + fileName,
      ((folder as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent("lib/mizzen/" + fileName),
    ]
  }

  private static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard length > 0 else { return nil }
      return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      return Bundle.main.executablePath
    #endif
  }

  private static func load() -> Result<Functions, Problem> {
    var errors: [String] = []
    for path in candidates() where FileManager.default.fileExists(atPath: path) {
      guard let handle = dlopen(path, RTLD_LAZY | RTLD_LOCAL) else {
        errors.append(dlerror().map { String(cString: $0) } ?? path)
        continue
      }
      guard let symbol = dlsym(handle, entryPoint) else {
        errors.append("\(path) has no \(entryPoint) (built from another version of Mizzen?)")
        dlclose(handle)
        continue
      }
      typealias Entry = @convention(c) (UnsafeMutableRawPointer) -> Void
      let entry = unsafeBitCast(symbol, to: Entry.self)
      let slot = UnsafeMutablePointer<Functions>.allocate(capacity: 1)
      defer { slot.deallocate() }
      entry(UnsafeMutableRawPointer(slot))
      return .success(slot.move())
    }
    let detail =
      errors.isEmpty
      ? (candidates().isEmpty
        ? "the program's own path is unknown, so its folder could not be searched"
        : "found neither " + candidates().joined(separator: " nor "))
      : errors.joined(separator: "; ")
    return .failure(Problem(text: "the network library could not be loaded (\(detail))"))
  }
}
