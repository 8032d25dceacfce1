import Foundation
import MizzenCore
import Testing

@Suite("mizzen and the key's hygiene: control characters, file modes")
struct KeyHygieneCommandTests {
  static let email = [
    "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
    "--state", "granted",
  ]

  @Test(
    "a key ending in CR/LF or holding a control character is refused, naming the variable",
    arguments: ["\n", "\r\n", "\r", "\t"])
  func controlCharacterInKey(_ tail: String) async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send", Self.email, key: SignalCLIKeys.all + tail)
    #expect(run.status == 2, "\(run.output)")
    #expect(run.stderr.contains(SignalCLIKeys.variable))
    #expect(!run.output.contains(SignalCLIKeys.all))
    #expect(fixture.server.requestCount == 0)
    let check = try await fixture.mizzen("check-connection", ["braze"], key: "x" + tail + "yz")
    #expect(check.status == 2)
    #expect(check.stderr.contains(SignalCLIKeys.variable))
    #expect(fixture.server.requestCount == 0)
  }

  @Test("validate and send say when an inline-key file is readable by others, from its real mode")
  func inlineKeyFileMode() async throws {
    let fixture = try SignalCLIFixture()
    let inlineKey = #""apiKey": { "value": "\#(SignalCLIKeys.all)" }"#
    let json = SignalCLIFixture.workspaceJSON(endpoint: fixture.server.baseURL)
      .replacingOccurrences(
        of: #""apiKey": { "env": "\#(SignalCLIKeys.variable)" }"#, with: inlineKey)
    #expect(json.contains(inlineKey))
    try Data(json.utf8).write(to: URL(fileURLWithPath: fixture.workspacePath))
    for (mode, says) in [(0o644, "every user"), (0o640, "its group"), (0o600, nil)] {
      #expect(chmod(fixture.workspacePath, mode_t(mode)) == 0)
      let validate = try await fixture.mizzen("validate", [], key: nil)
      let send = try await fixture.mizzen("send", Self.email + ["--dry-run"], key: nil)
      for run in [validate, send] {
        #expect(!run.output.contains(SignalCLIKeys.all))
        if let says {
          #expect(run.stderr.contains("readable by \(says)"), "\(run.stderr)")
          #expect(run.stderr.contains("mode \(String(mode, radix: 8))"))
        } else {
          #expect(!run.stderr.contains("readable by"), "\(run.stderr)")
        }
      }
      #expect(!validate.output.contains("kept mode 0600"))
    }
  }
}
