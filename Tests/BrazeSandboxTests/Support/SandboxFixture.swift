import BrazeSandbox
import Foundation
import MizzenCore

/// Obviously fake keys for the tests.
enum TestKeys {
  static let all = "test-key-all-permissions-0000"
  static let trackOnly = "test-key-track-only-1111"
}

/// Group ids used across the tests, one per channel.
enum TestGroups {
  static let email = "11111111-aaaa-4bbb-8ccc-000000000001"
  static let sms = "11111111-aaaa-4bbb-8ccc-000000000002"
  static let whatsapp = "11111111-aaaa-4bbb-8ccc-000000000003"

  static func id(for channel: Channel) -> String {
    switch channel {
    case .email: return email
    case .sms: return sms
    case .whatsapp: return whatsapp
    case .push: return ""
    }
  }
}

/// A running sandbox with the test keys and groups, and the log lines it wrote.
final class SandboxFixture: Sendable {
  let server: SandboxServer
  private let lines = LogLines()

  init(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) throws {
    var configuration = SandboxConfiguration(keys: [
      TestKeys.all: SandboxConfiguration.allPermissions,
      TestKeys.trackOnly: ["users.track"],
    ])
    configuration.groups = [
      TestGroups.email: .email, TestGroups.sms: .sms, TestGroups.whatsapp: .whatsapp,
    ]
    adjust(&configuration)
    let lines = self.lines
    server = try SandboxServer.start(configuration) { lines.append($0) }
  }

  deinit {
    server.stop()
  }

  var logLines: [String] { lines.all }

  func client() throws -> RawHTTPClient {
    try RawHTTPClient(port: server.port)
  }

  /// A POST with the all-permissions key on a fresh connection.
  func post(_ path: String, _ json: Any, key: String? = TestKeys.all) throws -> RawResponse {
    try client().request("POST", path, key: key, json: json)
  }

  /// A GET with the all-permissions key on a fresh connection.
  func get(_ target: String, key: String? = TestKeys.all) throws -> RawResponse {
    try client().request("GET", target, key: key)
  }

  /// The state `status/get` reports for one identifier of a group.
  func status(group: String, field: String, value: String) throws -> String? {
    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    let response = try get(
      "/subscription/status/get?subscription_group_id=\(group)&\(field)[]=\(encoded)")
    return (response.json["status"] as? [String: Any])?[value] as? String
  }
}

/// Log lines collected from the server's threads.
final class LogLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) {
    lock.lock()
    lines.append(line)
    lock.unlock()
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return lines
  }
}

/// A wall clock for the sandbox that moves only when the test moves it, so that rate-limit
/// windows turn exactly where the test says.
final class HandClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current: Date

  init(_ start: Date) {
    current = start
  }

  var now: Date { lock.withLock { current } }

  func set(_ date: Date) {
    lock.withLock { current = date }
  }
}
