import Foundation
import MizzenCore

/// What effects read from the world around them, given to `EffectRunner` and to the
/// command-line commands alike: the environment variables (API keys, and
/// `MIZZEN_TIMEOUT_SECONDS`) and how a Braze client is made. Tests pass their own.
public struct RuntimeEnvironment: Sendable {
  /// The process's environment, or a test's.
  public var variables: [String: String]
  /// Makes the client every Braze call of a runner goes through.
  public var makeClient: @Sendable (BrazeClientConfiguration) -> BrazeClient

  public init(
    variables: [String: String],
    makeClient: @escaping @Sendable (BrazeClientConfiguration) -> BrazeClient = {
      BrazeClient(configuration: $0)
    }
  ) {
    self.variables = variables
    self.makeClient = makeClient
  }

  /// This process's environment and the real client.
  public static var process: RuntimeEnvironment {
    RuntimeEnvironment(variables: processVariables())
  }

  /// The process's environment variables as `ProcessInfo.processInfo.environment` gives
  /// them, read from the C library's `environ` without making `ProcessInfo`, whose first
  /// use cost a send some 0.2 ms. A name given twice keeps its last value, as there.
  public static func processVariables() -> [String: String] {
    var variables: [String: String] = [:]
    forEachVariable { name, value in variables[text(name)] = text(value) }
    return variables
  }

  /// The value of the environment variable `name`, as `processVariables()` has it; only
  /// that value is made into a `String`.
  public static func processVariable(_ name: String) -> String? {
    var found: String?
    forEachVariable { variable, value in
      if variable.elementsEqual(name.utf8) { found = text(value) }
    }
    return found
  }

  /// Each `NAME=value` of `environ`, as the bytes before and after its first `=`.
  private static func forEachVariable(
    _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    guard var entry = UnsafePointer(environ) else { return }
    while let pointer = entry.pointee {
      let bytes = UnsafeBufferPointer(
        start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
        count: strlen(pointer))
      if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
        body(
          UnsafeBufferPointer(rebasing: bytes[..<equals]),
          UnsafeBufferPointer(rebasing: bytes[(equals + 1)...]))
      }
      entry += 1
    }
  }

  private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// The product's defaults, except that tests and impatient admins may shorten the
  /// per-attempt timeout with `MIZZEN_TIMEOUT_SECONDS` (a positive number of seconds).
  public var clientConfiguration: BrazeClientConfiguration {
    var configuration = BrazeClientConfiguration()
    if let text = variables["MIZZEN_TIMEOUT_SECONDS"], let seconds = Double(text), seconds > 0 {
      configuration.attemptTimeout = .milliseconds(Int64(seconds * 1000))
    }
    return configuration
  }

  /// A client made with `clientConfiguration`.
  public func client() -> BrazeClient { makeClient(clientConfiguration) }

  /// The connection's key, read at the moment of the call (never kept), or why there is
  /// none; nothing is sent without one.
  func key(_ source: APIKeySource, _ connection: String) -> Result<String, SignalPlanError> {
    do throws(SignalPlanError) {
      return .success(
        try APIKeyResolver.resolve(source, connection: connection, environment: variables))
    } catch {
      return .failure(error)
    }
  }
}
