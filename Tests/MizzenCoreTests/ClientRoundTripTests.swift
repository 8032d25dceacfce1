import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Client over real HTTP: set, then read back")
struct ClientRoundTripTests {
  struct RoundTrip: CustomTestStringConvertible, Sendable {
    var topic: String
    var channel: String
    var identities: [String: String]
    var field: BrazeField
    var testDescription: String { "\(channel) by \(field.rawValue)" }
  }

  static let roundTrips: [RoundTrip] = [
    RoundTrip(
      topic: "news", channel: "email", identities: ["email": "rt-email@example.com"],
      field: .email),
    RoundTrip(
      topic: "by_id_news", channel: "email", identities: ["customer_id": "rt-email-id"],
      field: .externalID),
    RoundTrip(topic: "news", channel: "sms", identities: ["phone": "+14155550101"], field: .phone),
    RoundTrip(
      topic: "by_id_news", channel: "sms", identities: ["customer_id": "rt-sms-id"],
      field: .externalID),
    RoundTrip(
      topic: "news", channel: "whatsapp", identities: ["phone": "+14155550102"], field: .phone),
    RoundTrip(
      topic: "news", channel: "whatsapp",
      identities: ["email": "rt-wa@example.com", "customer_id": "rt-wa-id"], field: .externalID),
  ]

  @Test("granted reads back Subscribed, then denied reads back Unsubscribed", arguments: roundTrips)
  func roundTrip(_ example: RoundTrip) async throws {
    let sandbox = try ClientSandbox()
    let client = BrazeClient(configuration: .fast)
    let sender = SignalSender(client: client, journal: nil, verifyDelay: .zero)
    var signal = Signal(
      topic: example.topic, channel: example.channel, identities: example.identities,
      state: .granted)

    // Before any send, reading back finds no state: the check can fail.
    let before = try SignalPlanner.plan(signal, in: sandbox.workspace, verify: true)
    #expect(before.brazeField == example.field)
    let unread = await client.perform(before.requests[1], key: ClientTestKeys.all)
    let unknown = try #require(VerificationResult.evaluate(unread))
    #expect(!unknown.matches)
    #expect(unknown.observed == "Unknown")

    for (state, expected) in [(SignalState.granted, "Subscribed"), (.denied, "Unsubscribed")] {
      signal.state = state
      let plan = try SignalPlanner.plan(signal, in: sandbox.workspace, verify: true)
      let result = await sender.send(plan, key: ClientTestKeys.all)
      #expect(result.exchanges.map(\.outcome.kind) == [.success, .success])
      #expect(result.exchanges[0].attempts.map(\.status) == [201])
      let verification = try #require(result.entry.verification)
      #expect(verification.observed == expected)
      #expect(verification.matches)
      #expect(result.entry.succeeded)
    }
  }

  @Test("push goes through /users/track and reads back through /users/export/ids")
  func push() async throws {
    let sandbox = try ClientSandbox()
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: nil, verifyDelay: .zero)
    for (topic, identities) in [
      ("news", ["email": "push@example.com"]), ("by_id_news", ["customer_id": "push-id"]),
    ] {
      for (state, expected) in [(SignalState.granted, "opted_in"), (.denied, "unsubscribed")] {
        let signal = Signal(topic: topic, channel: "push", identities: identities, state: state)
        let plan = try SignalPlanner.plan(signal, in: sandbox.workspace, verify: true)
        #expect(plan.requests.map(\.path) == ["/users/track", "/users/export/ids"])
        let result = await sender.send(plan, key: ClientTestKeys.all)
        #expect(result.exchanges.map(\.outcome.kind) == [.success, .success])
        #expect(result.entry.verification?.observed == expected)
        #expect(result.entry.verification?.matches == true)
      }
    }
  }

  @Test("a verify after a failed send is not made")
  func noVerifyAfterFailure() async throws {
    let sandbox = try ClientSandbox()
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: nil, verifyDelay: .zero)
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "x@example.com"], state: .granted)
    let plan = try SignalPlanner.plan(signal, in: sandbox.workspace, verify: true)
    let result = await sender.send(plan, key: ClientTestKeys.unknown)
    #expect(result.exchanges.count == 1)
    #expect(result.entry.outcome.kind == .unauthorized)
    #expect(result.entry.verification == nil)
    #expect(!result.entry.succeeded)
  }
}
