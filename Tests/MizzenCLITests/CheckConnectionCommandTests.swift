import Foundation
import MizzenCore
import Testing

@Suite("mizzen check-connection, run as a process against the sandbox")
struct CheckConnectionCommandTests {
  @Test("a good key and endpoint exit 0, one read per provable permission, nothing changed")
  func works() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen("check-connection", ["braze"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("GET " + fixture.server.baseURL + "/subscription/status/get?"))
    #expect(run.stdout.contains("Bearer ••••0001"))
    #expect(run.stdout.contains("Connection braze works"))
    #expect(fixture.sandboxLog.count == 3)
    #expect(fixture.sandboxLog[0].hasPrefix("GET /subscription/status/get 200"))
    #expect(fixture.sandboxLog[1].hasPrefix("GET /subscription/user/status 200"))
    #expect(fixture.sandboxLog[2].hasPrefix("POST /users/export/ids 20"))
    for permission in ["subscription.status.set", "users.track"] {
      #expect(
        run.stdout.split(separator: "\n").contains {
          $0.contains(permission) && $0.contains("only a send can prove it")
        })
    }
    #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
  }

  @Test("401, 403, unknown connection, no group, no server: each its status and reason")
  func failures() async throws {
    let fixture = try SignalCLIFixture()
    let wrongKey = try await fixture.mizzen("check-connection", ["braze"], key: "test-key-wrong-9")
    #expect(wrongKey.status == 1)
    #expect(wrongKey.stderr.contains("another Braze instance"))

    let lacking = try await fixture.mizzen(
      "check-connection", ["braze"], key: SignalCLIKeys.readOnly)
    #expect(lacking.status == 1)
    #expect(lacking.stderr.contains("subscription.status.get"))

    let unknown = try await fixture.mizzen("check-connection", ["nowhere"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no connection 'nowhere'"))

    let lonely = try await fixture.mizzen("check-connection", ["lonely"])
    #expect(lonely.status == 2)
    #expect(lonely.stderr.contains("map a channel to it first"))

    fixture.server.stop()
    let down = try await fixture.mizzen("check-connection", ["braze"])
    #expect(down.status == 3)
  }
}
