import Foundation
import MizzenCore
import Testing

@Suite("Signal planner: from a signal to Braze calls")
struct PlannerTests {
  static let base = "https://rest.iad-01.braze.com"
  static let workspace = BrazeFixtures.workspace()

  struct SendCase: CustomTestStringConvertible, Sendable {
    var topic: String
    var channel: String
    var identities: [String: String]
    var state: SignalState
    var url: String
    var body: String
    var permission: BrazePermission
    var testDescription: String { "\(topic)/\(channel) \(identities) \(state)" }
  }

  static let email = BrazeFixtures.emailGroup
  static let sms = BrazeFixtures.smsGroup
  static let whatsapp = BrazeFixtures.whatsappGroup

  static let sendCases: [SendCase] = [
    SendCase(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .granted,
      url: base + "/subscription/status/set",
      body: #"{"email":"ana@example.com","subscription_group_id":"\#(email)","#
        + #""subscription_state":"subscribed"}"#,
      permission: .subscriptionStatusSet),
    SendCase(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .denied,
      url: base + "/subscription/status/set",
      body: #"{"email":"ana@example.com","subscription_group_id":"\#(email)","#
        + #""subscription_state":"unsubscribed"}"#,
      permission: .subscriptionStatusSet),
    // SMS skips the email mapping entry (SMS groups do not take email) and uses phone.
    SendCase(
      topic: "news", channel: "sms",
      identities: ["email": "ana@example.com", "phone": "+14155550123"], state: .granted,
      url: base + "/subscription/status/set",
      body: #"{"phone":"+14155550123","subscription_group_id":"\#(sms)","#
        + #""subscription_state":"subscribed"}"#,
      permission: .subscriptionStatusSet),
    // No phone given: the next entry that WhatsApp accepts and that has a value is
    // external_id. WhatsApp is documented on v2 only (SPEC §8), so it goes there.
    SendCase(
      topic: "news", channel: "whatsapp",
      identities: ["email": "ana@example.com", "customer_id": "cust-7"], state: .denied,
      url: base + "/v2/subscription/status/set",
      body: #"{"subscription_groups":[{"external_ids":["cust-7"],"#
        + #""subscription_group_id":"\#(whatsapp)","subscription_state":"unsubscribed"}]}"#,
      permission: .subscriptionStatusSet),
    // The mapping order decides: by_id lists customer_id first.
    SendCase(
      topic: "by_id_news", channel: "email",
      identities: ["email": "ana@example.com", "customer_id": "cust-7"], state: .granted,
      url: base + "/subscription/status/set",
      body: #"{"external_id":"cust-7","subscription_group_id":"\#(email)","#
        + #""subscription_state":"subscribed"}"#,
      permission: .subscriptionStatusSet),
    SendCase(
      topic: "news", channel: "push", identities: ["email": "ana@example.com"], state: .granted,
      url: base + "/users/track",
      body: #"{"attributes":[{"email":"ana@example.com","push_subscribe":"opted_in"}]}"#,
      permission: .usersTrack),
    SendCase(
      topic: "by_id_news", channel: "push", identities: ["customer_id": "cust-7"], state: .denied,
      url: base + "/users/track",
      body: #"{"attributes":[{"external_id":"cust-7","push_subscribe":"unsubscribed"}]}"#,
      permission: .usersTrack),
  ]

  @Test(
    "the send call: URL, exact body bytes, permission, headers without the key",
    arguments: sendCases)
  func sendCall(_ example: SendCase) throws {
    let signal = Signal(
      topic: example.topic, channel: example.channel, identities: example.identities,
      state: example.state)
    let plan = try SignalPlanner.plan(signal, in: Self.workspace)
    #expect(plan.requests.count == 1)
    let request = try #require(plan.requests.first)
    #expect(request.purpose == .send)
    #expect(request.method == "POST")
    #expect(request.url == example.url)
    #expect(request.bodyText == example.body)
    #expect(request.permission == example.permission)
    #expect(request.headers.map(\.name) == ["Content-Type", "User-Agent"])
    #expect(request.headers.contains(HTTPHeader("User-Agent", MizzenVersion.userAgent)))
    #expect(!request.headers.contains { $0.name.lowercased() == "authorization" })
  }

  @Test("bodies are JSON with sorted keys, byte for byte", arguments: sendCases)
  func bodiesAreCanonical(_ example: SendCase) throws {
    let signal = Signal(
      topic: example.topic, channel: example.channel, identities: example.identities,
      state: example.state)
    for request in try SignalPlanner.plan(signal, in: Self.workspace, verify: true).requests {
      guard let body = request.body else { continue }
      let parsed = try JSONSerialization.jsonObject(with: Data(body))
      let canonical = try JSONSerialization.data(
        withJSONObject: parsed, options: [.sortedKeys, .withoutEscapingSlashes])
      #expect([UInt8](canonical) == body)
    }
  }

  @Test("granted always becomes subscribed/opted_in and denied unsubscribed, never crossed")
  func stateDirection() throws {
    #expect(SignalState.granted.subscriptionState == "subscribed")
    #expect(SignalState.denied.subscriptionState == "unsubscribed")
    #expect(SignalState.granted.pushSubscribe == "opted_in")
    #expect(SignalState.denied.pushSubscribe == "unsubscribed")
    for channel in ["email", "sms", "whatsapp", "push"] {
      for state in SignalState.allCases {
        let signal = Signal(
          topic: "news", channel: channel,
          identities: ["email": "ana@example.com", "phone": "+14155550123"], state: state)
        let body = try #require(
          try SignalPlanner.plan(signal, in: Self.workspace).requests[0].bodyText)
        let subscribedWords = ["\"subscribed\"", "\"opted_in\""]
        let says = subscribedWords.contains { body.contains($0) }
        #expect(says == (state == .granted), "\(channel) \(state): \(body)")
        #expect(body.contains("\"unsubscribed\"") == (state == .denied), "\(channel) \(state)")
      }
    }
  }

  @Test("no plan without an explicit choice")
  func missingState() {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: nil)
    #expect(throws: SignalPlanError.self) { try SignalPlanner.plan(signal, in: Self.workspace) }
    do {
      _ = try SignalPlanner.plan(signal, in: Self.workspace)
    } catch {
      #expect(error.kind == .missingState)
      #expect(error.message.contains("granted or denied"))
    }
  }

  @Test(
    "only the words granted and denied are choices",
    arguments: [
      "", "subscribed", "unsubscribed", "GRANTED", "Granted", "yes", "true", "1", "opted_in",
    ])
  func choiceWords(_ word: String) {
    #expect(SignalState(text: word) == nil)
  }

  @Test("granted and denied parse to themselves")
  func choiceWordsAccepted() {
    #expect(SignalState(text: "granted") == .granted)
    #expect(SignalState(text: "denied") == .denied)
  }

  @Test("verify reads the same identifier back with status/get and expects the state sent")
  func verifyCall() throws {
    let signal = Signal(
      topic: "news", channel: "sms", identities: ["phone": "+14155550123"], state: .granted)
    let plan = try SignalPlanner.plan(signal, in: Self.workspace, verify: true)
    #expect(plan.requests.map(\.purpose) == [.send, .verify])
    let verify = plan.requests[1]
    #expect(verify.method == "GET")
    #expect(verify.body == nil)
    #expect(
      verify.url == Self.base + "/subscription/status/get?subscription_group_id="
        + BrazeFixtures.smsGroup + "&phone=%2B14155550123")
    #expect(verify.permission == .subscriptionStatusGet)
    #expect(verify.expectation == .groupStatus(identifier: "+14155550123", expected: "Subscribed"))

    var denied = signal
    denied.state = .denied
    let deniedPlan = try SignalPlanner.plan(denied, in: Self.workspace, verify: true)
    #expect(deniedPlan.requests[1].expectation?.expected == "Unsubscribed")
  }

  @Test("push is verified through /users/export/ids, and the plan says why")
  func pushVerify() throws {
    let signal = Signal(
      topic: "by_id_news", channel: "push", identities: ["customer_id": "cust-7"], state: .granted)
    let plan = try SignalPlanner.plan(signal, in: Self.workspace, verify: true)
    let verify = plan.requests[1]
    #expect(verify.url == Self.base + "/users/export/ids")
    #expect(
      verify.bodyText == #"{"external_ids":["cust-7"],"fields_to_export":["push_subscribe"]}"#)
    #expect(verify.permission == .usersExportIDs)
    #expect(verify.expectation == .pushSubscribe(expected: "opted_in"))
    #expect(plan.notes.contains { $0.contains("/subscription/status/get") })

    let byPhone = Signal(
      topic: "news", channel: "push", identities: ["phone": "+14155550123"], state: .denied)
    let phonePlan = try SignalPlanner.plan(byPhone, in: Self.workspace, verify: true)
    #expect(
      phonePlan.requests[1].bodyText
        == #"{"fields_to_export":["push_subscribe"],"phone":"+14155550123"}"#)
  }

  @Test("query values are percent-encoded so + and @ survive")
  func queryEncoding() throws {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "a+b@example.com"], state: .granted)
    let plan = try SignalPlanner.plan(signal, in: Self.workspace, verify: true)
    #expect(plan.requests[1].url.hasSuffix("&email=a%2Bb%40example.com"))
  }

  @Test("the endpoint may carry a trailing slash; plain http is for loopback only")
  func endpoints() throws {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .granted)
    let slashed = BrazeFixtures.workspace(endpoint: "https://REST.fra-01.braze.eu/")
    #expect(
      try SignalPlanner.plan(signal, in: slashed).requests[0].url
        == "https://rest.fra-01.braze.eu/subscription/status/set")
    let sandbox = BrazeFixtures.workspace(endpoint: "http://127.0.0.1:4567")
    #expect(
      try SignalPlanner.plan(signal, in: sandbox).requests[0].url
        == "http://127.0.0.1:4567/subscription/status/set")
    let plain = BrazeFixtures.workspace(endpoint: "http://rest.iad-01.braze.com")
    #expect(kind(of: signal, in: plain) == .insecureEndpoint)
    let junk = BrazeFixtures.workspace(endpoint: "rest.iad-01.braze.com")
    #expect(kind(of: signal, in: junk) == .badEndpoint)
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var label: String
    var signal: Signal
    var kind: SignalPlanError.Kind
    /// Words the message must contain, so that it names the culprit.
    var mentions: [String]
    var testDescription: String { label }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      label: "unknown topic",
      signal: Signal(
        topic: "nope", channel: "email", identities: ["email": "a@example.com"], state: .granted),
      kind: .unknownTopic, mentions: ["nope"]),
    ErrorCase(
      label: "topic without that channel",
      signal: Signal(
        topic: "sms_by_email", channel: "email", identities: ["email": "a@example.com"],
        state: .granted),
      kind: .unknownChannel, mentions: ["sms_by_email", "email", "sms"]),
    ErrorCase(
      label: "unknown channel code",
      signal: Signal(
        topic: "news", channel: "fax", identities: ["email": "a@example.com"], state: .granted),
      kind: .unknownChannel, mentions: ["fax"]),
    ErrorCase(
      label: "channel mapped to a missing connection",
      signal: Signal(
        topic: "lost", channel: "email", identities: ["email": "a@example.com"], state: .granted),
      kind: .unknownConnection, mentions: ["gone"]),
    ErrorCase(
      label: "mapping cannot serve the channel",
      signal: Signal(
        topic: "sms_by_email", channel: "sms", identities: ["email": "a@example.com"],
        state: .granted),
      kind: .mappingCannotServeChannel, mentions: ["email_only", "SMS", "phone"]),
    ErrorCase(
      label: "no value for any usable identity",
      signal: Signal(
        topic: "news", channel: "sms", identities: ["email": "a@example.com"], state: .denied),
      kind: .missingIdentity, mentions: ["phone", "customer_id"]),
    ErrorCase(
      label: "unknown identity space",
      signal: Signal(
        topic: "news", channel: "email", identities: ["emial": "a@example.com"], state: .granted),
      kind: .unknownIdentitySpace, mentions: ["emial"]),
    ErrorCase(
      label: "malformed email",
      signal: Signal(
        topic: "news", channel: "email", identities: ["email": "ana at example.com"],
        state: .granted),
      kind: .malformedIdentity, mentions: ["ana at example.com", "whitespace"]),
    ErrorCase(
      label: "phone not in E.164",
      signal: Signal(
        topic: "news", channel: "sms", identities: ["phone": "4155550123"], state: .granted),
      kind: .malformedIdentity, mentions: ["4155550123", "E.164"]),
    ErrorCase(
      label: "missing group id",
      signal: Signal(
        topic: "no_group", channel: "email", identities: ["email": "a@example.com"], state: .granted
      ),
      kind: .missingGroupID, mentions: ["no_group", "subscription group"]),
  ]

  @Test("refusals are explained", arguments: errorCases)
  func refusals(_ example: ErrorCase) {
    do {
      let plan = try SignalPlanner.plan(example.signal, in: Self.workspace)
      Issue.record("planned \(plan.requests.map(\.url)) instead of refusing")
    } catch {
      #expect(error.kind == example.kind)
      for word in example.mentions {
        #expect(error.message.contains(word), "\(error.message) should mention \(word)")
      }
    }
  }

  @Test("an indexed planner plans and refuses exactly as the one-off planner does")
  func indexedPlanner() throws {
    let planner = SignalPlanner(workspace: Self.workspace)
    for example in Self.sendCases {
      let signal = Signal(
        topic: example.topic, channel: example.channel, identities: example.identities,
        state: example.state)
      #expect(
        try planner.plan(signal, verify: true)
          == SignalPlanner.plan(signal, in: Self.workspace, verify: true))
    }
    for example in Self.errorCases {
      var indexed: SignalPlanError?
      var scanned: SignalPlanError?
      do { _ = try planner.plan(example.signal) } catch { indexed = error }
      do { _ = try SignalPlanner.plan(example.signal, in: Self.workspace) } catch {
        scanned = error
      }
      #expect(indexed != nil)
      #expect(indexed == scanned, "\(example.label)")
    }
  }

  @Test("a missing group id points at the channel's field")
  func missingGroupPath() {
    let signal = Signal(
      topic: "no_group", channel: "email", identities: ["email": "a@example.com"], state: .granted)
    do {
      _ = try SignalPlanner.plan(signal, in: Self.workspace)
    } catch {
      #expect(error.path?.description == "topics[no_group].channels[email].subscriptionGroupId")
    }
  }

  @Test("an empty key source is refused when planning, naming what to fix")
  func emptyKeySource() {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "a@example.com"], state: .granted)
    for source in [APIKeySource.environment(""), .inline("")] {
      let workspace = BrazeFixtures.workspace(keySource: source)
      do {
        _ = try SignalPlanner.plan(signal, in: workspace)
        Issue.record("planned with an empty key source \(source.displayText)")
      } catch {
        #expect(error.kind == .emptyKeySource)
        #expect(error.message.contains("braze"))
        #expect(error.path?.description == "connections[braze].apiKey")
      }
    }
  }

  @Test("an unset variable is an error naming it at send time; a set one gives the key")
  func keyResolution() throws {
    let source = APIKeySource.environment("MIZZEN_TEST_UNSET_VARIABLE")
    do {
      _ = try APIKeyResolver.resolve(source, connection: "braze", environment: [:])
      Issue.record("resolved a key from an unset variable")
    } catch {
      #expect(error.kind == .keyUnavailable)
      #expect(error.message.contains("MIZZEN_TEST_UNSET_VARIABLE"))
    }
    #expect(
      throws: SignalPlanError.self,
      performing: {
        try APIKeyResolver.resolve(
          source, connection: "braze", environment: ["MIZZEN_TEST_UNSET_VARIABLE": ""])
      })
    let key = try APIKeyResolver.resolve(
      source, connection: "braze", environment: ["MIZZEN_TEST_UNSET_VARIABLE": "test-key-0001"])
    #expect(key == "test-key-0001")
    #expect(
      try APIKeyResolver.resolve(.inline("test-key-0002"), connection: "c", environment: [:])
        == "test-key-0002")
  }

  @Test("headers shown to people carry the masked key only")
  func displayHeaders() throws {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "a@example.com"], state: .granted)
    let plan = try SignalPlanner.plan(signal, in: Self.workspace)
    let shown = plan.requests[0].displayHeaders(
      keySource: plan.keySource, environment: [BrazeFixtures.keyVariable: "test-key-0001"])
    #expect(shown[0] == HTTPHeader("Authorization", "Bearer ••••0001"))
    #expect(!shown.map(\.value).joined().contains("test-key-0001"))
  }

  @Test("check-connection proves each read permission for an unknown external id")
  func checkConnection() throws {
    let check = try SignalPlanner.checkConnection(
      "braze", in: Self.workspace, probeID: "mizzen-check-1")
    #expect(check.request.purpose == .check)
    #expect(check.request.method == "GET")
    #expect(
      check.request.url == Self.base + "/subscription/status/get?subscription_group_id="
        + BrazeFixtures.emailGroup + "&external_id=mizzen-check-1")
    #expect(check.request.permission == .subscriptionStatusGet)
    #expect(check.topic == "news" && check.channel == "email")
    #expect(
      check.probes.map(\.permission) == [
        .subscriptionStatusGet, .subscriptionGroupsGet, .usersExportIDs, .subscriptionStatusSet,
        .usersTrack,
      ])
    #expect(
      check.probes.map { $0.request?.permission } == [
        .subscriptionStatusGet, .subscriptionGroupsGet, .usersExportIDs, nil, nil,
      ])
    #expect(
      check.probes[1].request?.url == Self.base
        + "/subscription/user/status?external_id=mizzen-check-1")
    #expect(
      check.probes[2].request?.bodyText
        == #"{"external_ids":["mizzen-check-1"],"fields_to_export":["push_subscribe"]}"#)
    #expect(SignalPlanner.randomProbeID() != SignalPlanner.randomProbeID())
  }

  @Test("a push-only connection is checked through /users/export/ids")
  func checkPushOnly() throws {
    var workspace = Self.workspace
    workspace.topics = [
      Topic(
        code: "alerts", name: "Alerts", channels: [TopicChannel(kind: .push, connection: "braze")])
    ]
    let check = try SignalPlanner.checkConnection("braze", in: workspace, probeID: "p-1")
    #expect(check.probes.map(\.permission) == [.usersExportIDs, .usersTrack])
    #expect(check.request.path == "/users/export/ids")
    #expect(check.subscriptionGroupId.isEmpty)
  }

  @Test("check-connection explains when no group is mapped, or the connection is unknown")
  func checkConnectionRefusals() {
    var workspace = Self.workspace
    workspace.topics.removeAll { $0.channels.contains { $0.connection == "braze" } }
    do {
      _ = try SignalPlanner.checkConnection("braze", in: workspace)
      Issue.record("planned a check without a group")
    } catch {
      #expect(error.kind == .noGroupForCheck)
      #expect(error.message.contains("braze"))
    }
    do {
      _ = try SignalPlanner.checkConnection("nowhere", in: workspace)
      Issue.record("planned a check for an unknown connection")
    } catch {
      #expect(error.kind == .unknownConnection)
    }
  }

  private func kind(of signal: Signal, in workspace: Workspace) -> SignalPlanError.Kind? {
    do {
      _ = try SignalPlanner.plan(signal, in: workspace)
      return nil
    } catch {
      return error.kind
    }
  }
}
