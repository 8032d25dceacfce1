import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen check-connection, permission by permission, against the sandbox")
struct CheckPermissionsTests {
  static let statusOnly = "test-key-cli-status-only-0003"
  static let pushOnly = "test-key-cli-push-only-0004"

  static func fixture() throws -> SignalCLIFixture {
    try SignalCLIFixture {
      $0.keys[statusOnly] = ["subscription.status.get"]
      $0.keys[pushOnly] = ["users.track", "users.export.ids"]
    }
  }

  static func verdicts(_ stdout: String) throws -> [String: String] {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    let rows = document["permissions"] as? [[String: Any]] ?? []
    var verdicts: [String: String] = [:]
    for row in rows {
      verdicts[row["permission"] as? String ?? ""] = row["verdict"] as? String
    }
    return verdicts
  }

  @Test("json: a key lacking permissions gets 'lacks' for each, exit 1")
  func lacking() async throws {
    let fixture = try Self.fixture()
    let run = try await fixture.mizzen(
      "check-connection", ["braze", "--format", "json"], key: Self.statusOnly)
    #expect(run.status == 1)
    #expect(
      try Self.verdicts(run.stdout) == [
        "subscription.status.get": "has", "subscription.groups.get": "lacks",
        "users.export.ids": "lacks", "subscription.status.set": "send-only",
        "users.track": "send-only",
      ])
    #expect(run.stderr.contains("subscription.groups.get"))
  }

  @Test("json: every read proved with a full key, exit 0")
  func full() async throws {
    let fixture = try Self.fixture()
    let run = try await fixture.mizzen("check-connection", ["braze", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let verdicts = try Self.verdicts(run.stdout)
    #expect(verdicts.values.filter { $0 == "has" }.count == 3)
    #expect(verdicts["users.track"] == "send-only")
  }

  @Test("a refused key stops after the first read; each permission says why")
  func refusedKey() async throws {
    let fixture = try Self.fixture()
    let run = try await fixture.mizzen(
      "check-connection", ["braze", "--format", "json"], key: "test-key-wrong-9")
    #expect(run.status == 1)
    #expect(fixture.sandboxLog.count == 1)
    let verdicts = try Self.verdicts(run.stdout)
    #expect(verdicts["subscription.status.get"] == "key-refused")
    #expect(verdicts["users.export.ids"] == "key-refused")
    #expect(!run.stdout.contains("test-key-wrong-9"))
  }

  @Test("a push-only connection is checked through /users/export/ids")
  func pushOnlyConnection() async throws {
    let fixture = try Self.fixture()
    let path = fixture.folder.appendingPathComponent("push.json").path
    let workspace = """
      {"format":"mizzen.workspace","version":1,"name":"Push only",
       "connections":[{"code":"app","name":"App","endpoint":"\(fixture.server.baseURL)",
         "apiKey":{"env":"\(SignalCLIKeys.variable)"},
         "identityMapping":[{"identitySpace":"customer_id","brazeField":"external_id"}]}],
       "identitySpaces":[{"code":"customer_id","name":"Customer","valueType":"id",
         "marketingPreference":true}],
       "properties":[],
       "topics":[{"code":"alerts","name":"Alerts","channels":[
         {"channel":"push","connection":"app"}]}]}
      """
    try Data(workspace.utf8).write(to: URL(fileURLWithPath: path))
    let run = try await MizzenCLI.run(
      ["check-connection", "--workspace", path, "app"],
      environment: [SignalCLIKeys.variable: Self.pushOnly])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Connection app works"))
    #expect(fixture.sandboxLog.count == 1)
    #expect(fixture.sandboxLog.first?.hasPrefix("POST /users/export/ids") == true)
    #expect(!run.stdout.contains("subscription.status"))
  }
}
