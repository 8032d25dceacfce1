import Foundation
import MizzenCore
import Testing

@Suite("The API key appears nowhere")
struct SignalKeyLeakTests {
  @Test("all output, the journal and the sandbox log, across successes and every failure")
  func keyNeverShown() async throws {
    let fixture = try SignalCLIFixture {
      $0.rateLimit = 3
      $0.rateLimitWindow = .seconds(1)
    }
    let email = ["--topic", "news", "--channel", "email", "--identity", "email=leak@example.com"]
    var runs: [MizzenCLI.Run] = []
    runs.append(try await fixture.mizzen("send", email + ["--state", "granted", "--verify"]))
    runs.append(
      try await fixture.mizzen("send", email + ["--state", "denied", "--format", "json"]))
    runs.append(try await fixture.mizzen("send", email + ["--state", "denied", "--dry-run"]))
    runs.append(
      try await fixture.mizzen(
        "send", email + ["--state", "denied", "--dry-run", "--format", "json"]))
    runs.append(
      try await fixture.mizzen(
        "send", email + ["--state", "denied", "--dry-run", "--format", "curl"]))
    fixture.server.injectFaults([.status(503), .dropConnection])
    // Retried: a 503, then a dropped connection.
    runs.append(try await fixture.mizzen("send", email + ["--state", "granted"]))
    runs.append(
      try await fixture.mizzen(
        "send",
        [
          "--topic", "orphan", "--channel", "email", "--identity", "email=a@example.com",
          "--state", "granted",
        ]))
    runs.append(try await fixture.mizzen("check-connection", ["braze"]))
    runs.append(try await fixture.mizzen("history", []))
    runs.append(try await fixture.mizzen("history", ["--format", "json"]))
    runs.append(
      try await fixture.mizzen(
        "send", email + ["--state", "granted", "--verify"], key: SignalCLIKeys.readOnly))
    // The journal must hold several outcomes, so that more than the happy path was scanned.
    let kinds = Set(fixture.journal.map(\.outcome.kind))
    #expect(kinds.contains(.success) && kinds.contains(.invalidRequest))
    #expect(fixture.journal.contains { $0.attempts > 1 })

    let journal = try String(contentsOfFile: fixture.journalPath, encoding: .utf8)
    let everything = runs.map(\.output) + [journal] + fixture.sandboxLog
    for key in [SignalCLIKeys.all, SignalCLIKeys.readOnly] {
      for text in everything {
        #expect(!text.contains(key), "the key \(key) leaked into: \(text.prefix(200))")
      }
    }
    #expect(runs[0].stdout.contains("••••0001"))
  }
}
