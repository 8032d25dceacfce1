import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Client over real HTTP: refusals are classified and never retried")
struct ClientErrorTests {
  static func emailPlan(_ sandbox: ClientSandbox, _ email: String = "ana@example.com") throws
    -> PlannedRequest
  {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": email], state: .granted)
    return try SignalPlanner.plan(signal, in: sandbox.workspace).requests[0]
  }

  @Test("401: an unknown key, explained as key or instance, one attempt")
  func unauthorized() async throws {
    let sandbox = try ClientSandbox()
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(sandbox), key: ClientTestKeys.unknown)
    #expect(exchange.outcome.kind == .unauthorized)
    #expect(exchange.outcome.status == 401)
    #expect(exchange.outcome.message.contains("another Braze instance"))
    #expect(exchange.attempts.count == 1)
    #expect(sandbox.server.requestCount == 1)
  }

  @Test("403: a key without the permission, named in the explanation")
  func forbidden() async throws {
    let sandbox = try ClientSandbox()
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(sandbox), key: ClientTestKeys.trackOnly)
    #expect(exchange.outcome.kind == .forbidden)
    #expect(exchange.outcome.message.contains("subscription.status.set"))
    #expect(exchange.attempts.count == 1)
  }

  struct BadRequest: CustomTestStringConvertible, Sendable {
    var label: String
    var body: String
    var testDescription: String { label }
  }

  static let fiftyOne = (0...50).map { "\"id-\($0)\"" }.joined(separator: ",")
  static let badRequests: [BadRequest] = [
    BadRequest(
      label: "both email and phone",
      body: #"{"email":"a@example.com","phone":"+14155550123","#
        + #""subscription_group_id":"\#(BrazeFixtures.emailGroup)","subscription_state":"subscribed"}"#
    ),
    BadRequest(
      label: "more than 50 ids",
      body:
        #"{"external_id":[\#(fiftyOne)],"subscription_group_id":"\#(BrazeFixtures.emailGroup)","#
        + #""subscription_state":"subscribed"}"#),
    BadRequest(
      label: "phone not in E.164",
      body: #"{"phone":"4155550123","subscription_group_id":"\#(BrazeFixtures.smsGroup)","#
        + #""subscription_state":"subscribed"}"#),
    BadRequest(
      label: "unknown group",
      body: #"{"external_id":"x","subscription_group_id":"00000000-0000-4000-8000-000000000000","#
        + #""subscription_state":"subscribed"}"#),
    BadRequest(label: "bad JSON", body: #"{"external_id": "x", "#),
  ]

  @Test("400s carry Braze's message and errors, and are not retried", arguments: badRequests)
  func invalid(_ example: BadRequest) async throws {
    let sandbox = try ClientSandbox { $0.createsUnknownGroups = false }
    let request = sandbox.rawPost("/subscription/status/set", example.body)
    let exchange = await BrazeClient(configuration: .fast).perform(request, key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .invalidRequest)
    #expect(exchange.outcome.status == 400)
    let brazeMessage = try #require(exchange.outcome.brazeMessage)
    #expect(exchange.outcome.message.contains(brazeMessage))
    #expect(exchange.attempts.count == 1)
    #expect(sandbox.server.requestCount == 1)
  }

  @Test("404: a wrong path under the endpoint")
  func notFound() async throws {
    let sandbox = try ClientSandbox()
    var workspace = sandbox.workspace
    workspace.connections[0].endpoint = sandbox.server.baseURL + "/api/v9"
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "a@example.com"], state: .granted)
    let request = try SignalPlanner.plan(signal, in: workspace).requests[0]
    let exchange = await BrazeClient(configuration: .fast).perform(request, key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .notFound)
    #expect(exchange.outcome.message.contains("/api/v9/subscription/status/set"))
    #expect(exchange.attempts.count == 1)
  }

  @Test("nothing listening: a network error at once, without retries")
  func refused() async throws {
    let sandbox = try ClientSandbox()
    let request = try Self.emailPlan(sandbox)
    sandbox.server.stop()
    let exchange = await BrazeClient(configuration: .fast).perform(request, key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .networkError)
    #expect(exchange.outcome.message.contains("127.0.0.1"))
    #expect(exchange.attempts.count == 1)
    #expect(exchange.attempts[0].status == nil)
    #expect(exchange.attempts[0].error != nil)
    #expect(exchange.attempts[0].waitMs == nil)
  }
}
