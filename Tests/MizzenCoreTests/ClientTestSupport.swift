import BrazeSandbox
import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

/// Obviously fake keys for tests against the sandbox.
enum ClientTestKeys {
  static let all = "test-key-0001"
  static let trackOnly = "test-key-track-only-0002"
  static let unknown = "test-key-unknown-0003"
}

/// Lines collected from several threads (the sandbox's request log).
final class ClientLogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) {
    lock.withLock { lines.append(line) }
  }

  var all: [String] { lock.withLock { lines } }
}

/// A sandbox on 127.0.0.1 with the test keys, stopped when the value goes away.
final class ClientSandbox: Sendable {
  let server: SandboxServer
  let log = ClientLogLines()

  init(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) throws {
    var configuration = SandboxConfiguration(keys: [
      ClientTestKeys.all: SandboxConfiguration.allPermissions,
      ClientTestKeys.trackOnly: ["users.track"],
    ])
    configuration.groups = [
      BrazeFixtures.emailGroup: .email, BrazeFixtures.smsGroup: .sms,
      BrazeFixtures.whatsappGroup: .whatsapp,
    ]
    adjust(&configuration)
    let log = self.log
    server = try SandboxServer.start(configuration) { log.append($0) }
  }

  deinit {
    server.stop()
  }

  var workspace: Workspace { BrazeFixtures.workspace(endpoint: server.baseURL) }

  /// A request to this sandbox with a body the planner would never write.
  func rawPost(_ path: String, _ body: String, purpose: RequestPurpose = .send) -> PlannedRequest {
    PlannedRequest(
      purpose: purpose, method: "POST", url: server.baseURL + path, path: path,
      headers: [HTTPHeader("Content-Type", "application/json")], body: Array(body.utf8),
      permission: .subscriptionStatusSet)
  }
}

extension BrazeClientConfiguration {
  /// Retries in milliseconds rather than seconds. An attempt may take a minute: on a loaded
  /// machine a local answer took over 5 s (the old bound) and turned a 503 into a timeout;
  /// the tests of timeouts set their own bound against a longer stall.
  static var fast: BrazeClientConfiguration {
    var configuration = BrazeClientConfiguration()
    configuration.backoffBase = .milliseconds(10)
    configuration.backoffCap = .milliseconds(40)
    configuration.attemptTimeout = .seconds(60)
    configuration.rateLimitWaitCap = .seconds(3)
    return configuration
  }
}

/// Polls `condition` every 10 ms; fails the test with `what` after `hangGuard` (a guard
/// against hanging: the whole suite shares two cores with the test that waits).
func waitUntil(
  _ what: Comment = "the sandbox never saw the request", _ condition: () -> Bool
) async throws {
  let deadline = ContinuousClock.now + hangGuard
  while !condition() {
    try #require(ContinuousClock.now < deadline, what)
    try await Task.sleep(for: .milliseconds(10))
  }
}
