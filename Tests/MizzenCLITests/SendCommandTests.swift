import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen send, run as a process against the sandbox")
struct SendCommandTests {
  static let email = [
    "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
  ]

  @Test("text: the plan with the key masked, then status, latency, message; journaled")
  func sendText() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen("send", Self.email + ["--state", "granted", "--verify"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Authorization: Bearer ••••0001"))
    #expect(run.stdout.contains("Needs permission: subscription.status.set"))
    #expect(run.stdout.contains(#""subscription_state":"subscribed""#))
    #expect(run.stdout.contains("send: HTTP 201 in "))
    #expect(run.stdout.contains("Verified: Braze reports Subscribed"))
    #expect(run.stderr.isEmpty)
    let entry = try #require(fixture.journal.last)
    #expect(entry.outcome.kind == .success)
    #expect(entry.state == "granted")
    #expect(entry.requests.count == 2)
  }

  @Test("json: the journal entry of the send, for scripts")
  func sendJSON() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "sms", "--identity", "phone=+14155550123", "--state",
        "denied", "--format", "json",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(run.stdout.utf8))
    #expect(entry == fixture.journal.last)
    #expect(entry.brazeField == "phone")
    #expect(entry.outcome.kind == .success)
    #expect(entry.requests[0].body?.contains(#""subscription_state":"unsubscribed""#) == true)
  }

  @Test("dry run: the plan only, no key needed, nothing sent or journaled")
  func dryRun() async throws {
    let fixture = try SignalCLIFixture()
    let text = try await fixture.mizzen(
      "send", Self.email + ["--state", "granted", "--dry-run"], key: nil)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("Bearer $\(SignalCLIKeys.variable) (not set)"))
    let json = try await fixture.mizzen(
      "send", Self.email + ["--state", "denied", "--dry-run", "--format", "json"])
    #expect(json.status == 0)
    let plan = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(plan["dryRun"] as? Bool == true)
    let request = try #require((plan["requests"] as? [[String: Any]])?.first)
    #expect(request["permission"] as? String == "subscription.status.set")
    let headers = request["headers"] as? [[String: String]] ?? []
    #expect(headers.first?["value"] == "Bearer ••••0001")
    #expect(fixture.server.requestCount == 0)
    #expect(!FileManager.default.fileExists(atPath: fixture.journalPath))
  }

  struct CurlCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let curlCases: [CurlCase] = [
    CurlCase(arguments: Self.email + ["--state", "granted"]),
    CurlCase(arguments: [
      "--topic", "news", "--channel", "sms", "--identity", "phone=+14155550123", "--state",
      "denied",
    ]),
    CurlCase(arguments: [
      "--topic", "news", "--channel", "whatsapp", "--identity", "customer_id=wa-7", "--state",
      "granted",
    ]),
    CurlCase(arguments: [
      "--topic", "news", "--channel", "push", "--identity", "customer_id=push-7", "--state",
      "granted",
    ]),
  ]

  @Test("the curl commands, run by a shell, do what mizzen send does", arguments: curlCases)
  func curlEquivalence(_ example: CurlCase) async throws {
    let viaCurl = try SignalCLIFixture()
    let viaSend = try SignalCLIFixture()
    let script = try await viaCurl.mizzen(
      "send", example.arguments + ["--verify", "--dry-run", "--format", "curl"], key: nil)
    #expect(script.status == 0, "\(script.stderr)")
    // The commands read the key from the connection's own variable.
    #expect(script.stdout.contains(#"-H "Authorization: Bearer $\#(SignalCLIKeys.variable)""#))
    let curl = try await MizzenCLI.run(
      ["-c", script.stdout], environment: [SignalCLIKeys.variable: SignalCLIKeys.all],
      executable: "/bin/sh")
    #expect(curl.status == 0, "\(curl.stderr)")

    let sent = try await viaSend.mizzen(
      "send", example.arguments + ["--verify", "--format", "json"])
    #expect(sent.status == 0, "\(sent.stderr)")
    let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(sent.stdout.utf8))
    // curl prints the two answers back to back: the send's, then the read-back's.
    let answers = entry.requests.compactMap { $0.attempts.last?.body }.joined()
    #expect(curl.stdout == answers)
    #expect(entry.verification?.matches == true)
    #expect(
      viaCurl.sandboxLog.map(Self.methodAndStatus) == viaSend.sandboxLog.map(Self.methodAndStatus))
  }

  @Test("refusals exit with the documented statuses and explain themselves on stderr")
  func exitStatuses() async throws {
    let fixture = try SignalCLIFixture()
    let unknownTopic = try await fixture.mizzen(
      "send",
      [
        "--topic", "nope", "--channel", "email", "--identity", "email=a@example.com",
        "--state", "granted",
      ])
    #expect(unknownTopic.status == 2)
    #expect(unknownTopic.stderr.contains("no topic 'nope'"))

    let badState = try await fixture.mizzen("send", Self.email + ["--state", "subscribed"])
    #expect(badState.status == 64)
    #expect(badState.stderr.contains("granted or denied"))

    let noKey = try await fixture.mizzen("send", Self.email + ["--state", "granted"], key: nil)
    #expect(noKey.status == 2)
    #expect(noKey.stderr.contains(SignalCLIKeys.variable))

    // The command line, not the planner, says how to give the missing value.
    let noIdentity = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "email", "--identity", "phone=+14155550123",
        "--state", "granted",
      ])
    #expect(noIdentity.status == 2)
    #expect(
      noIdentity.stderr.contains("Give one, e.g. --identity email=VALUE."), "\(noIdentity.stderr)")

    let badPhone = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "sms", "--identity", "phone=4155550123",
        "--state", "granted",
      ])
    #expect(badPhone.status == 2)
    #expect(badPhone.stderr.contains("E.164"))

    let wrongKey = try await fixture.mizzen(
      "send", Self.email + ["--state", "granted"], key: "test-key-wrong-9")
    #expect(wrongKey.status == 1)
    #expect(wrongKey.stderr.contains("HTTP 401"))

    let lacking = try await fixture.mizzen(
      "send", Self.email + ["--state", "granted"], key: SignalCLIKeys.readOnly)
    #expect(lacking.status == 1)
    #expect(lacking.stderr.contains("subscription.status.set"))

    let unknownGroup = try await fixture.mizzen(
      "send",
      [
        "--topic", "orphan", "--channel", "email", "--identity", "email=a@example.com",
        "--state", "granted",
      ])
    #expect(unknownGroup.status == 1)
    #expect(unknownGroup.stderr.contains("HTTP 400"))
    #expect(fixture.journal.map(\.outcome.kind) == [.unauthorized, .forbidden, .invalidRequest])

    try Data("{ not json".utf8).write(to: URL(fileURLWithPath: fixture.workspacePath))
    let unreadable = try await fixture.mizzen("send", Self.email + ["--state", "granted"])
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr.contains(fixture.workspacePath))
  }

  @Test("503 twice then success exits 0 with every attempt journaled")
  func retried() async throws {
    let fixture = try SignalCLIFixture()
    fixture.server.injectFaults([.status(503), .status(503)])
    let run = try await fixture.mizzen("send", Self.email + ["--state", "granted"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("3 attempts"))
    #expect(fixture.journal.last?.requests[0].attempts.map(\.status) == [503, 503, 201])
  }

  @Test("no answer in time exits 3; nothing listening exits 3")
  func networkFailures() async throws {
    let fixture = try SignalCLIFixture()
    fixture.server.injectFaults(Array(repeating: .delay(.seconds(5)), count: 4))
    let slow = try await fixture.mizzen(
      "send", Self.email + ["--state", "granted"], environment: ["MIZZEN_TIMEOUT_SECONDS": "0.3"])
    #expect(slow.status == 3)
    #expect(slow.stderr.contains("No complete answer"))
    #expect(fixture.journal.last?.outcome.kind == .timeout)
    #expect(fixture.journal.last?.attempts == 4)

    fixture.server.stop()
    let down = try await fixture.mizzen("send", Self.email + ["--state", "granted"])
    #expect(down.status == 3)
    #expect(down.stderr.contains("Could not reach"))
  }

  @Test("Ctrl-C during a send stops it, journals it as cancelled and exits 130")
  func interrupted() async throws {
    let fixture = try SignalCLIFixture()
    // Far longer than a loaded machine takes to deliver the interrupt.
    fixture.server.injectFaults([.delay(.seconds(60))])
    let server = fixture.server
    let run = try await fixture.mizzen("send", Self.email + ["--state", "granted"]) { process in
      // Interrupt once the request has reached the sandbox.
      while server.requestCount == 0 && process.isRunning { usleep(20_000) }
      process.interrupt()
    }
    #expect(run.status == 130, "\(run.stderr)")
    #expect(fixture.journal.last?.outcome.kind == .cancelled)
  }

  static func methodAndStatus(_ line: String) -> String {
    line.split(separator: " ").prefix(3).joined(separator: " ")
  }
}
