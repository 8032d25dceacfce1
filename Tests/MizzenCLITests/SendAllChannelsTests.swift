import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen send --all-channels: a topic-level send against the sandbox")
struct SendAllChannelsTests {
  @Test("by external id: one v2 call for three groups and /users/track; verified; journaled")
  func byExternalID() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--all-channels", "--identity", "customer_id=cust-all-1", "--state",
        "granted", "--verify", "--format", "json",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let entries = try JSONDecoder().decode([JournalEntry].self, from: Data(run.stdout.utf8))
    #expect(entries.map(\.channel) == ["email+sms+whatsapp", "push"])
    #expect(
      entries.map { $0.requests.map(\.url).map { URL(string: $0)?.path ?? "" } } == [
        [
          "/v2/subscription/status/set", "/subscription/status/get", "/subscription/status/get",
          "/subscription/status/get",
        ],
        ["/users/track", "/users/export/ids"],
      ])
    #expect(entries.allSatisfy { $0.outcome.kind == .success && $0.verification?.matches == true })
    #expect(fixture.journal == entries)
    // One write call per entry reached the sandbox, then the reads.
    #expect(fixture.server.requestCount == 6)
  }

  @Test("by email and phone: emails and phones split; the preview says v1 or v2 and why")
  func byEmailAndPhone() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--all-channels", "--identity", "email=ana@example.com",
        "phone=+14155550123", "--state", "denied",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Call: v1: one Email group for one identifier"))
    #expect(run.stdout.contains("Call: v2: one call for 2 groups"))
    #expect(run.stdout.contains("Call: /users/track: push has no subscription group"))
    #expect(run.stdout.contains(#""phones":["+14155550123"]"#))
    #expect(fixture.journal.map(\.channel) == ["email", "sms+whatsapp", "push"])
    let status = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "whatsapp", "--identity", "phone=+14155550123",
        "--state", "denied", "--verify",
      ])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("Call: v2: WhatsApp is only documented on v2"))
    #expect(status.stdout.contains("Verified: Braze reports Unsubscribed"))
  }

  @Test("--channel or --all-channels, exactly one")
  func exactlyOne() async throws {
    let fixture = try SignalCLIFixture()
    let neither = try await fixture.mizzen(
      "send", ["--topic", "news", "--identity", "email=a@example.com", "--state", "granted"])
    #expect(neither.status == 64)
    #expect(neither.stderr.contains("--all-channels"))
    let both = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "email", "--all-channels", "--identity",
        "email=a@example.com", "--state", "granted",
      ])
    #expect(both.status == 64)
    #expect(fixture.server.requestCount == 0)
  }

  @Test("dry run as json: one plan per call, with the route")
  func dryRunJSON() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--all-channels", "--identity", "customer_id=c-1", "--state",
        "granted", "--dry-run", "--format", "json",
      ], key: nil)
    #expect(run.status == 0, "\(run.stderr)")
    let plans = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(plans.map { $0["route"] as? String } == ["v2", "track"])
    #expect(plans.first?["routeReason"] as? String == "v2: one call for 3 groups")
    #expect(fixture.server.requestCount == 0)
  }
}

@Suite("channel options reach the sandbox: double opt-in, update-existing-only")
struct ChannelOptionsSendTests {
  @Test("the sandbox takes use_double_opt_in_logic on v1 and v2 and _update_existing_only")
  func optionsAreAccepted() async throws {
    let fixture = try SignalCLIFixture()
    var text = try String(contentsOfFile: fixture.workspacePath, encoding: .utf8)
    text = text.replacingOccurrences(
      of: #""channel": "sms", "connection": "braze","#,
      with: #""channel": "sms", "connection": "braze", "doubleOptIn": true,"#)
    text = text.replacingOccurrences(
      of: #""channel": "push", "connection": "braze","#,
      with: #""channel": "push", "connection": "braze", "updateExistingOnly": true,"#)
    try text.write(toFile: fixture.workspacePath, atomically: true, encoding: .utf8)
    let single = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "sms", "--identity", "phone=+14155550123", "--state",
        "granted",
      ])
    #expect(single.status == 0, "\(single.stderr)")
    #expect(single.stdout.contains(#""use_double_opt_in_logic":true"#))
    let all = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--all-channels", "--identity", "customer_id=opt-1", "--state",
        "granted", "--format", "json",
      ])
    #expect(all.status == 0, "\(all.stderr)")
    let entries = try JSONDecoder().decode([JournalEntry].self, from: Data(all.stdout.utf8))
    #expect(entries[0].requests[0].body?.contains(#""use_double_opt_in_logic":true"#) == true)
    #expect(entries[1].requests[0].body?.contains(#""_update_existing_only":true"#) == true)
    #expect(entries.allSatisfy { $0.outcome.kind == .success })
  }
}
