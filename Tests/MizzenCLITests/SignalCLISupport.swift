import BrazeSandbox
import Foundation
import MizzenCore

/// Obviously fake keys and the variable the test workspace reads its key from.
enum SignalCLIKeys {
  static let all = "test-key-cli-0001"
  static let readOnly = "test-key-cli-readonly-0002"
  static let variable = "MIZZEN_CLI_TEST_KEY"
}

/// A sandbox on 127.0.0.1 and a workspace file pointing at it, in a temporary folder.
final class SignalCLIFixture: @unchecked Sendable {
  static let emailGroup = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
  static let smsGroup = "2a7d9c1e-4b3f-4e8a-9d6c-1f0e2b3a4c5d"
  static let whatsappGroup = "8e1f2a3b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"
  /// A group the sandbox does not know, so sending to it is a 400.
  static let unknownGroup = "00000000-1111-4222-8333-444444444444"

  let server: SandboxServer
  let folder: URL
  private let logBox: LogBox

  init(_ adjust: (inout SandboxConfiguration) -> Void = { _ in }) throws {
    var configuration = SandboxConfiguration(keys: [
      SignalCLIKeys.all: SandboxConfiguration.allPermissions,
      SignalCLIKeys.readOnly: ["users.track"],
    ])
    configuration.groups = [
      Self.emailGroup: .email, Self.smsGroup: .sms, Self.whatsappGroup: .whatsapp,
    ]
    configuration.createsUnknownGroups = false
    adjust(&configuration)
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let box = LogBox()
    server = try SandboxServer.start(configuration) { box.append($0) }
    logBox = box
    try Data(Self.workspaceJSON(endpoint: server.baseURL).utf8).write(
      to: URL(fileURLWithPath: workspacePath))
  }

  deinit {
    server.stop()
    try? FileManager.default.removeItem(at: folder)
  }

  var workspacePath: String { folder.appendingPathComponent("mizzen.json").path }
  var journalPath: String { workspacePath + ".journal.jsonl" }
  var sandboxLog: [String] { logBox.lines }

  var journal: [JournalEntry] {
    (try? SignalJournal(path: journalPath).read().entries) ?? []
  }

  /// `mizzen <command> --workspace <this workspace> arguments…` with the key set.
  func mizzen(
    _ command: String, _ arguments: [String], key: String? = SignalCLIKeys.all,
    environment: [String: String] = [:], whileRunning: (@Sendable (Process) -> Void)? = nil
  ) async throws -> MizzenCLI.Run {
    var env = environment
    if let key { env[SignalCLIKeys.variable] = key }
    return try await MizzenCLI.run(
      [command, "--workspace", workspacePath] + arguments, environment: env,
      whileRunning: whileRunning)
  }

  static func workspaceJSON(endpoint: String) -> String {
    """
    {
      "format": "mizzen.workspace",
      "version": 1,
      "name": "CLI tests",
      "connections": [
        {
          "code": "braze", "name": "Braze", "endpoint": "\(endpoint)",
          "apiKey": { "env": "\(SignalCLIKeys.variable)" },
          "identityMapping": [
            { "identitySpace": "email", "brazeField": "email" },
            { "identitySpace": "phone", "brazeField": "phone" },
            { "identitySpace": "customer_id", "brazeField": "external_id" }
          ]
        },
        {
          "code": "lonely", "name": "No groups", "endpoint": "\(endpoint)",
          "apiKey": { "env": "\(SignalCLIKeys.variable)" },
          "identityMapping": [ { "identitySpace": "email", "brazeField": "email" } ]
        }
      ],
      "identitySpaces": [
        { "code": "email", "name": "Email", "valueType": "email", "marketingPreference": true },
        { "code": "phone", "name": "Phone", "valueType": "phone" },
        { "code": "customer_id", "name": "Customer id", "valueType": "id" }
      ],
      "properties": [],
      "topics": [
        {
          "code": "news", "name": "News", "description": "", "legalBasis": "consent_optin",
          "channels": [
            { "channel": "email", "connection": "braze", "subscriptionGroupId": "\(emailGroup)" },
            { "channel": "sms", "connection": "braze", "subscriptionGroupId": "\(smsGroup)" },
            { "channel": "whatsapp", "connection": "braze",
              "subscriptionGroupId": "\(whatsappGroup)" },
            { "channel": "push", "connection": "braze", "subscriptionGroupId": "" }
          ]
        },
        {
          "code": "orphan", "name": "Orphan", "description": "", "legalBasis": "consent_optin",
          "channels": [
            { "channel": "email", "connection": "braze", "subscriptionGroupId": "\(unknownGroup)" }
          ]
        }
      ]
    }

    """
  }

  private final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
  }
}
