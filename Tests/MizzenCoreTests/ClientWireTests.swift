import Foundation
import MizzenCore
import Testing

@Suite("Client on the wire: headers, bodies, answers the sandbox never gives")
struct ClientWireTests {
  @Test("the request carries the key, JSON content type, user agent and the exact body")
  func headersAndBody() async throws {
    let server = try ClientCannedServer([.init(status: 201, body: #"{"message":"success"}"#)])
    let workspace = BrazeFixtures.workspace(endpoint: server.baseURL)
    let signal = Signal(
      topic: "news", channel: "sms", identities: ["phone": "+14155550123"], state: .denied)
    let request = try SignalPlanner.plan(signal, in: workspace).requests[0]
    let exchange = await BrazeClient(configuration: .fast).perform(request, key: "test-key-0001")
    #expect(exchange.outcome.kind == .success)
    let wire = try #require(server.requests.first)
    let lines = wire.components(separatedBy: "\r\n")
    #expect(lines[0] == "POST /subscription/status/set HTTP/1.1")
    let headers = Set(lines.dropFirst().map { $0.lowercased() })
    #expect(headers.contains("authorization: bearer test-key-0001"))
    #expect(headers.contains("content-type: application/json"))
    #expect(headers.contains("user-agent: " + MizzenVersion.userAgent))
    #expect(wire.hasSuffix("\r\n\r\n" + (request.bodyText ?? "-")))
  }

  @Test("errors given as objects are read as text, and success with errors is flagged")
  func errorObjects() async throws {
    let server = try ClientCannedServer([
      .init(
        status: 400,
        body: #"{"message":"Valid data must be provided in the 'attributes', 'events', or "#
          + #"'purchases' fields.","errors":[{"type":"bad email","input_array":"attributes","#
          + #""index":0},"plain text",{"code":7}]}"#),
      .init(
        status: 201,
        body: #"{"message":"success","errors":[{"type":"not valid","input_array":"attributes","#
          + #""index":2}]}"#),
    ])
    let client = BrazeClient(configuration: .fast)
    let refused = await client.perform(ClientResilienceTests.canned(server), key: "test-key-0001")
    #expect(refused.outcome.kind == .invalidRequest)
    #expect(
      refused.outcome.brazeErrors == ["bad email (attributes[0])", "plain text", #"{"code":7}"#])
    #expect(refused.outcome.message.contains("Valid data must be provided"))
    #expect(refused.attempts.count == 1)
    let partial = await client.perform(ClientResilienceTests.canned(server), key: "test-key-0001")
    #expect(partial.outcome.kind == .success)
    #expect(partial.outcome.message.contains("not valid (attributes[2])"))
  }

  @Test("an answer that echoes the key is recorded with the key masked")
  func echoedKeyIsMasked() async throws {
    let key = "test-key-echo-0009"
    let server = try ClientCannedServer([
      .init(status: 400, body: #"{"message":"bad key Bearer \#(key)","errors":["\#(key)"]}"#)
    ])
    let exchange = await BrazeClient(configuration: .fast).perform(
      ClientResilienceTests.canned(server), key: key)
    let recorded = [
      exchange.attempts[0].body ?? "", exchange.outcome.message,
      exchange.outcome.brazeMessage ?? "", exchange.outcome.brazeErrors.joined(),
      String(decoding: exchange.responseBody ?? [], as: UTF8.self),
    ]
    #expect(!recorded.joined().contains(key))
    #expect(exchange.attempts[0].body?.contains("••••0009") == true)
  }

  @Test("long bodies are cut in the attempt record, without splitting a character")
  func truncation() async throws {
    let long = String(repeating: "é", count: 3000)
    let server = try ClientCannedServer([.init(status: 400, body: #"{"message":"\#(long)"}"#)])
    var configuration = BrazeClientConfiguration.fast
    configuration.recordedBodyLimit = 101
    let exchange = await BrazeClient(configuration: configuration).perform(
      ClientResilienceTests.canned(server), key: "test-key-0001")
    let body = try #require(exchange.attempts[0].body)
    #expect(body.hasPrefix(#"{"message":"éé"#))
    #expect(body.hasSuffix("…[truncated, 6014 bytes]"))
    #expect(!body.contains("\u{FFFD}"))
    #expect(body.utf8.count < 140)
    #expect(exchange.responseBody?.count == 6000 + 14)
  }

  @Test("429 without a reset header backs off and retries")
  func rateLimitWithoutReset() async throws {
    let server = try ClientCannedServer([
      .init(status: 429, body: #"{"message":"slow down"}"#),
      .init(status: 201, body: #"{"message":"success"}"#),
    ])
    let exchange = await BrazeClient(configuration: .fast).perform(
      ClientResilienceTests.canned(server), key: "test-key-0001")
    #expect(exchange.attempts.map(\.status) == [429, 201])
    #expect(exchange.outcome.kind == .success)
  }

  @Test("backoff doubles up to the cap, with the upper half random")
  func backoff() {
    var configuration = BrazeClientConfiguration()
    configuration.backoffBase = .milliseconds(100)
    configuration.backoffCap = .milliseconds(500)
    #expect(configuration.backoff(after: 1, random: 0) == .milliseconds(50))
    #expect(configuration.backoff(after: 1, random: 1) == .milliseconds(100))
    #expect(configuration.backoff(after: 2, random: 1) == .milliseconds(200))
    #expect(configuration.backoff(after: 3, random: 0.5) == .milliseconds(300))
    #expect(configuration.backoff(after: 9, random: 1) == .milliseconds(500))
    #expect(configuration.backoff(after: 99, random: 0) == .milliseconds(250))
  }
}
