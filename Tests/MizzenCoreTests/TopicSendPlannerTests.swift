import Foundation
import MizzenCore
import Testing

@Suite("Topic-level send: every channel of a topic in the fewest calls, v1 or v2 by one rule")
struct TopicSendPlannerTests {
  static let base = "https://rest.iad-01.braze.com"
  static let email = BrazeFixtures.emailGroup
  static let sms = BrazeFixtures.smsGroup
  static let whatsapp = BrazeFixtures.whatsappGroup

  /// One expected call: the path, the exact body and the reason the preview gives.
  struct Call: Sendable, Equatable {
    var path: String
    var body: String
    var reason: String
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var label: String
    /// The topic's channels, each on a connection of `BrazeFixtures` (`braze` maps email,
    /// phone, customer_id in that order; `by_id` customer_id first).
    var channels: [TopicChannel]
    var identities: [String: String]
    var state: SignalState = .granted
    var calls: [Call]
    var testDescription: String { label }
  }

  static func group(_ kind: Channel) -> String {
    switch kind {
    case .email: return email
    case .sms: return sms
    case .whatsapp: return whatsapp
    case .push: return ""
    }
  }

  static func channel(
    _ kind: Channel, on connection: String, doubleOptIn: Bool = false,
    updateExistingOnly: Bool = false
  ) -> TopicChannel {
    TopicChannel(
      kind: kind, connection: connection, subscriptionGroupId: group(kind),
      doubleOptIn: doubleOptIn, updateExistingOnly: updateExistingOnly)
  }

  static func v1(_ field: String, _ value: String, _ kind: Channel, extra: String = "") -> Call {
    Call(
      path: "/subscription/status/set",
      body: #"{"\#(field)":"\#(value)","subscription_group_id":"\#(group(kind))","#
        + #""subscription_state":"subscribed"\#(extra)}"#,
      reason: "v1: one \(kind.label) group for one identifier")
  }

  static func v2(_ field: String, _ value: String, _ kinds: [Channel], optIn: Bool = false)
    -> Call
  {
    let extra = optIn ? #","use_double_opt_in_logic":true"# : ""
    let entries = kinds.map {
      #"{"\#(field)":["\#(value)"],"subscription_group_id":"\#(group($0))","#
        + #""subscription_state":"subscribed"\#(extra)}"#
    }
    return Call(
      path: "/v2/subscription/status/set",
      body: #"{"subscription_groups":["# + entries.joined(separator: ",") + "]}",
      reason: kinds.count > 1
        ? "v2: one call for \(kinds.count) groups" : "v2: WhatsApp is only documented on v2")
  }

  static func track(_ field: String, _ value: String, existingOnly: Bool = false) -> Call {
    let flag = existingOnly ? #""_update_existing_only":true,"# : ""
    return Call(
      path: "/users/track",
      body: #"{"attributes":[{\#(flag)"\#(field)":"\#(value)","push_subscribe":"opted_in"}]}"#,
      reason: "/users/track: push has no subscription group; it sets push_subscribe")
  }

  static let ana = "ana@example.com"
  static let phone = "+14155550123"
  static let cust = "cust-7"

  static let cases: [Case] = [
    // One channel: v1 for email and SMS whatever the identifier, v2 for WhatsApp.
    Case(
      label: "1 channel, email by external_id", channels: [channel(.email, on: "by_id")],
      identities: ["customer_id": cust, "email": ana], calls: [v1("external_id", cust, .email)]),
    Case(
      label: "1 channel, email by email", channels: [channel(.email, on: "braze")],
      identities: ["email": ana], calls: [v1("email", ana, .email)]),
    Case(
      label: "1 channel, SMS by phone", channels: [channel(.sms, on: "braze")],
      identities: ["phone": phone], calls: [v1("phone", phone, .sms)]),
    Case(
      label: "1 channel, WhatsApp by phone is v2", channels: [channel(.whatsapp, on: "braze")],
      identities: ["phone": phone], calls: [v2("phones", phone, [.whatsapp])]),
    Case(
      label: "1 channel, push by email", channels: [channel(.push, on: "braze")],
      identities: ["email": ana], calls: [track("email", ana)]),
    // Two channels.
    Case(
      label: "2 channels by external_id share one v2 call",
      channels: [channel(.email, on: "by_id"), channel(.sms, on: "by_id")],
      identities: ["customer_id": cust], calls: [v2("external_ids", cust, [.email, .sms])]),
    Case(
      label: "2 channels by email and phone: emails and phones never share a call",
      channels: [channel(.email, on: "braze"), channel(.sms, on: "braze")],
      identities: ["email": ana, "phone": phone],
      calls: [v1("email", ana, .email), v1("phone", phone, .sms)]),
    Case(
      label: "2 channels by phone share one v2 call",
      channels: [channel(.sms, on: "braze"), channel(.whatsapp, on: "braze")],
      identities: ["phone": phone], calls: [v2("phones", phone, [.sms, .whatsapp])]),
    Case(
      label: "2 channels with double opt-in on both",
      channels: [
        channel(.sms, on: "braze", doubleOptIn: true),
        channel(.whatsapp, on: "braze", doubleOptIn: true),
      ],
      identities: ["phone": phone], calls: [v2("phones", phone, [.sms, .whatsapp], optIn: true)]),
    Case(
      label: "2 channels, push only on existing profiles",
      channels: [
        channel(.email, on: "braze"), channel(.push, on: "braze", updateExistingOnly: true),
      ],
      identities: ["email": ana],
      calls: [v1("email", ana, .email), track("email", ana, existingOnly: true)]),
    Case(
      label: "2 channels on two connections: a call each",
      channels: [channel(.email, on: "braze"), channel(.sms, on: "by_id")],
      identities: ["email": ana, "customer_id": cust],
      calls: [v1("email", ana, .email), v1("external_id", cust, .sms)]),
    // Three channels.
    Case(
      label: "3 channels by external_id: one call",
      channels: [
        channel(.email, on: "by_id"), channel(.sms, on: "by_id"), channel(.whatsapp, on: "by_id"),
      ],
      identities: ["customer_id": cust],
      calls: [v2("external_ids", cust, [.email, .sms, .whatsapp])]),
    Case(
      label: "3 channels by email and phone: two calls",
      channels: [
        channel(.email, on: "braze"), channel(.sms, on: "braze"), channel(.whatsapp, on: "braze"),
      ],
      identities: ["email": ana, "phone": phone],
      calls: [v1("email", ana, .email), v2("phones", phone, [.sms, .whatsapp])]),
    // Four channels.
    Case(
      label: "4 channels by external_id: one v2 call and /users/track",
      channels: [
        channel(.email, on: "by_id"), channel(.sms, on: "by_id"), channel(.whatsapp, on: "by_id"),
        channel(.push, on: "by_id"),
      ],
      identities: ["customer_id": cust],
      calls: [
        v2("external_ids", cust, [.email, .sms, .whatsapp]), track("external_id", cust),
      ]),
    Case(
      label: "4 channels by email and phone: three calls",
      channels: [
        channel(.email, on: "braze"), channel(.sms, on: "braze"), channel(.whatsapp, on: "braze"),
        channel(.push, on: "braze"),
      ],
      identities: ["email": ana, "phone": phone],
      calls: [
        v1("email", ana, .email), v2("phones", phone, [.sms, .whatsapp]), track("email", ana),
      ]),
    Case(
      label: "4 channels, only an external id: the mapping falls through to it everywhere",
      channels: [
        channel(.email, on: "braze"), channel(.sms, on: "braze"), channel(.whatsapp, on: "braze"),
        channel(.push, on: "braze"),
      ],
      identities: ["customer_id": cust],
      calls: [
        v2("external_ids", cust, [.email, .sms, .whatsapp]), track("external_id", cust),
      ]),
  ]

  static func workspace(_ channels: [TopicChannel]) -> Workspace {
    var workspace = BrazeFixtures.workspace()
    workspace.topics.append(Topic(code: "every", name: "Every channel", channels: channels))
    return workspace
  }

  @Test("call count, order, paths, exact bodies and reasons", arguments: cases)
  func calls(_ example: Case) throws {
    let workspace = Self.workspace(example.channels)
    let signal = Signal(
      topic: "every", channel: "", identities: example.identities, state: example.state)
    let plan = try SignalPlanner.planTopic(signal, in: workspace)
    let calls = plan.calls.map { call -> Call in
      Call(
        path: call.requests[0].path, body: call.requests[0].bodyText ?? "",
        reason: call.routeReason)
    }
    #expect(calls == example.calls)
    #expect(plan.calls.allSatisfy { $0.requests.count == 1 && $0.requests[0].purpose == .send })
    // Every channel of the topic is carried exactly once.
    #expect(plan.calls.flatMap(\.channels).sorted() == example.channels.map(\.channel).sorted())
    #expect(try SignalPlanner(workspace: workspace).planTopic(signal) == plan)
  }

  @Test("denied unsubscribes every group and push, never the other way round")
  func denied() throws {
    let workspace = Self.workspace(Self.cases[13].channels)
    let signal = Signal(
      topic: "every", channel: "", identities: ["customer_id": Self.cust], state: .denied)
    let bodies = try SignalPlanner.planTopic(signal, in: workspace).calls.compactMap {
      $0.requests[0].bodyText
    }
    #expect(bodies.count == 2)
    #expect(bodies.allSatisfy { !$0.contains("\"subscribed\"") && !$0.contains("opted_in") })
    #expect(bodies[0].components(separatedBy: "\"unsubscribed\"").count == 4)
    #expect(bodies[1].contains(#""push_subscribe":"unsubscribed""#))
  }

  @Test("verify reads each group of a v2 call back with the call's identifier")
  func verifyEachGroup() throws {
    let workspace = Self.workspace(Self.cases[11].channels)
    let signal = Signal(
      topic: "every", channel: "", identities: ["customer_id": Self.cust], state: .granted)
    let call = try #require(
      try SignalPlanner.planTopic(signal, in: workspace, verify: true).calls.first)
    #expect(call.requests.map(\.purpose) == [.send, .verify, .verify, .verify])
    #expect(
      call.requests.dropFirst().map(\.url)
        == [Self.email, Self.sms, Self.whatsapp].map {
          Self.base + "/subscription/status/get?subscription_group_id=\($0)&external_id=cust-7"
        })
    #expect(call.signal.channel == "email+sms+whatsapp")
    #expect(call.subscriptionGroupIds == [Self.email, Self.sms, Self.whatsapp])
  }

  @Test("a channel that cannot be reached refuses the whole topic-level send")
  func refusesWhole() {
    let workspace = Self.workspace([
      TopicChannel(kind: .email, connection: "braze", subscriptionGroupId: Self.email),
      TopicChannel(kind: .sms, connection: "braze", subscriptionGroupId: Self.sms),
    ])
    let signal = Signal(
      topic: "every", channel: "", identities: ["email": Self.ana], state: .granted)
    #expect(throws: SignalPlanError.self) { try SignalPlanner.planTopic(signal, in: workspace) }
    do {
      _ = try SignalPlanner.planTopic(signal, in: workspace)
    } catch {
      #expect(error.kind == .missingIdentity)
      #expect(error.message.contains("SMS"))
    }
    var noChoice = signal
    noChoice.state = nil
    #expect(throws: SignalPlanError.self) { try SignalPlanner.planTopic(noChoice, in: workspace) }
  }

  @Test("a single-channel send follows the same rule: WhatsApp is v2, SMS with opt-in v1")
  func singleChannelRule() throws {
    let workspace = Self.workspace([
      Self.channel(.sms, on: "braze", doubleOptIn: true), Self.channel(.whatsapp, on: "braze"),
    ])
    let sms = try SignalPlanner.plan(
      Signal(topic: "every", channel: "sms", identities: ["phone": Self.phone], state: .granted),
      in: workspace)
    #expect(sms.route == .v1)
    #expect(
      sms.requests[0].bodyText
        == Self.v1("phone", Self.phone, .sms, extra: #","use_double_opt_in_logic":true"#).body)
    let whatsapp = try SignalPlanner.plan(
      Signal(
        topic: "every", channel: "whatsapp", identities: ["phone": Self.phone], state: .granted),
      in: workspace)
    #expect(whatsapp.route == .v2)
    #expect(whatsapp.requests[0].path == "/v2/subscription/status/set")
    #expect(whatsapp.routeReason == "v2: WhatsApp is only documented on v2")
  }
}
