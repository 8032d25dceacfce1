import Foundation
import MizzenCore
import Testing

/// Answers shaped as recorded from live Braze (braze-api.md §10), and the identity values
/// and keys that must never appear where they do not belong.
@Suite("Client reads live answers as they come, and names no identity in errors")
struct ClientLiveShapeTests {
  static let key = "test-key-live-0001"

  static func plan(_ endpoint: String, verify: Bool = false) throws -> SignalPlan {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .granted)
    return try SignalPlanner.plan(
      signal, in: BrazeFixtures.workspace(endpoint: endpoint), verify: verify)
  }

  @Test("a 401 with empty X-RateLimit-* values has no rate-limit record")
  func emptyRateLimitHeaders() async throws {
    let server = try ClientCannedServer([
      .init(
        status: 401,
        headers: ["X-RateLimit-Limit": "", "X-RateLimit-Remaining": "", "X-RateLimit-Reset": ""],
        body: #"{"message":"Invalid API key: \#(Self.key)"}"#)
    ])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.plan(server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .unauthorized)
    #expect(exchange.attempts[0].rateLimit == nil)
    #expect(exchange.attempts[0].body?.contains(Self.key) == false)
  }

  @Test("X-Request-Id is kept on the attempt and the journal entry, and read back")
  func requestId() async throws {
    let server = try ClientCannedServer([
      .init(
        status: 201, headers: ["X-Request-Id": "c0ffee-42"], body: #"{"message":"success"}"#)
    ])
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    let result = await sender.send(try Self.plan(server.baseURL), key: Self.key)
    #expect(result.entry.requestId == "c0ffee-42")
    #expect(result.entry.requests[0].attempts[0].requestId == "c0ffee-42")
    let read = try #require(try journal.read().entries.last)
    #expect(read == result.entry)
    let line = try String(contentsOfFile: journal.path, encoding: .utf8)
    #expect(line.contains(#""requestId":"c0ffee-42""#))
  }

  @Test(
    "a status read back in lower case reads as its documented meaning",
    arguments: ["subscribed", "SUBSCRIBED", "Subscribed"])
  func lowerCaseStatus(_ status: String) async throws {
    let server = try ClientCannedServer([
      .init(status: 201, body: #"{"message":"success"}"#),
      .init(status: 200, body: #"{"status":{"ana@example.com":"\#(status)"},"message":"success"}"#),
    ])
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: nil, verifyDelay: .zero)
    let result = await sender.send(try Self.plan(server.baseURL, verify: true), key: Self.key)
    #expect(result.entry.verification?.matches == true)
    #expect(result.entry.verification?.observed == "Subscribed")
  }

  @Test("an `unknown` status reads as Unknown, which does not match")
  func lowerCaseUnknown() {
    #expect(VerificationResult.documentedStatus("unknown") == "Unknown")
    #expect(VerificationResult.documentedStatus("unsubscribed") == "Unsubscribed")
    #expect(VerificationResult.documentedStatus("Pending") == "Pending")
  }

  @Test(
    "errors on a read name the endpoint, never the identifier in its query",
    arguments: [401, 403, 404, 400, 307])
  func noIdentityInErrors(_ status: Int) async throws {
    let server = try ClientCannedServer([
      .init(
        status: status, headers: ["Location": "http://127.0.0.2:9/x?email=ana@example.com"],
        body: "{}")
    ])
    let verify = try #require(
      try Self.plan(server.baseURL, verify: true).requests.first { $0.purpose == .verify })
    #expect(verify.url.contains("ana%40example.com") || verify.url.contains("ana@example.com"))
    let exchange = await BrazeClient(configuration: .fast).perform(verify, key: Self.key)
    #expect(exchange.outcome.status == status)
    #expect(!exchange.outcome.message.contains("ana"), "\(exchange.outcome.message)")
    if status != 403 && status != 400 {
      #expect(exchange.outcome.message.contains("127.0.0.1"))
    }
  }

  @Test(
    "a key ending in CR/LF or holding a control character is refused, naming the variable",
    arguments: ["key-0001\n", "key-0001\r\n", "key\u{7}0001", "key-0001\r", "key\t0001"])
  func controlCharacterKey(_ value: String) async throws {
    let source = APIKeySource.environment("BRAZE_KEY_UNDER_TEST")
    #expect {
      try APIKeyResolver.resolve(
        source, connection: "braze", environment: ["BRAZE_KEY_UNDER_TEST": value])
    } throws: { error in
      let message = (error as? SignalPlanError)?.message ?? ""
      return message.contains("BRAZE_KEY_UNDER_TEST") && !message.contains("0001")
    }
    #expect {
      try APIKeyResolver.resolve(.inline(value), connection: "braze", environment: [:])
    } throws: { error in
      let message = (error as? SignalPlanError)?.message ?? ""
      return message.contains("inline") && !message.contains("0001")
    }
    let server = try ClientCannedServer([.init(status: 201, body: "{}")])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.plan(server.baseURL).requests[0], key: value)
    #expect(exchange.outcome.kind == .invalidRequest)
    #expect(exchange.attempts.isEmpty)
    #expect(server.requests.isEmpty)
  }
}
