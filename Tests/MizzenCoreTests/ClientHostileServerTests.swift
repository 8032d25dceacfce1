import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

/// Servers that misbehave on purpose: redirects to another host, bodies of hundreds of
/// megabytes, replies that are not HTTP. The key must never leave for another host, no
/// answer may cost more than the body limit, and a broken answer is told as one.
@Suite("Client against hostile servers: redirects, huge bodies, broken answers")
struct ClientHostileServerTests {
  static let key = "test-key-hostile-0001"

  static func emailPlan(endpoint: String, verify: Bool = false) throws -> SignalPlan {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .granted)
    return try SignalPlanner.plan(
      signal, in: BrazeFixtures.workspace(endpoint: endpoint), verify: verify)
  }

  /// A server on the second loopback address that records what reaches it, and one on the
  /// first that redirects every request there.
  static func redirectPair(status: Int = 307) throws -> (
    endpoint: RawHTTPServer, elsewhere: RawHTTPServer
  ) {
    let elsewhere = try RawHTTPServer(address: "127.0.0.2") { _, write in
      _ = write(RawHTTPServer.answer(201, body: #"{"message":"success"}"#))
    }
    let target = elsewhere.baseURL + "/subscription/status/set"
    let endpoint = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(status, headers: ["Location": target], body: ""))
    }
    return (endpoint, elsewhere)
  }

  @Test(
    "a redirect is a failure naming the other host; the console's sender never sends the key there",
    arguments: [301, 302, 303, 307, 308])
  func redirectNeverFollowed(status: Int) async throws {
    let (endpoint, elsewhere) = try Self.redirectPair(status: status)
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    // As the console builds it (SignalEffectRunner): default configuration, no verify delay.
    let sender = SignalSender(client: BrazeClient(), journal: journal, verifyDelay: .zero)
    let plan = try Self.emailPlan(endpoint: endpoint.baseURL, verify: true)
    let result = await sender.send(plan, key: Self.key)
    #expect(result.entry.outcome.kind == .unexpectedResponse)
    #expect(result.entry.outcome.status == status)
    #expect(result.entry.outcome.message.contains("127.0.0.2"))
    #expect(result.entry.outcome.message.contains("redirect"))
    let verify = await sender.verify(plan, key: Self.key)
    #expect(verify.entry.outcome.kind == .unexpectedResponse)
    #expect(endpoint.requests.count == 2)
    #expect(elsewhere.requests.isEmpty)
    #expect(elsewhere.authorizations.isEmpty)
    let journaled = try journal.read().entries
    #expect(journaled.count == 2)
    #expect(journaled.allSatisfy { !$0.succeeded && $0.outcome.status == status })
  }

  @Test("check-connection's read is not redirected either")
  func checkNotRedirected() async throws {
    let (endpoint, elsewhere) = try Self.redirectPair()
    let check = try SignalPlanner.checkConnection(
      "braze", in: BrazeFixtures.workspace(endpoint: endpoint.baseURL))
    let exchange = await BrazeClient(configuration: .fast).perform(check.request, key: Self.key)
    #expect(exchange.outcome.kind == .unexpectedResponse)
    #expect(elsewhere.requests.isEmpty)
  }

  @Test(
    "a 200 MB body, announced or not, is kept only up to the limit and journaled as a marked excerpt",
    arguments: [true, false])
  func hugeBody(announced: Bool) async throws {
    let total = 200 << 20
    let server = try RawHTTPServer { _, write in
      var head = "HTTP/1.1 400 Raw\r\nContent-Type: application/json\r\nConnection: close\r\n"
      if announced { head += "Content-Length: \(total)\r\n" }
      guard write(Array((head + "\r\n").utf8)) else { return }
      let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 10)
      var sent = 0
      while sent < total, write(chunk) { sent += chunk.count }
    }
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    let result = await sender.send(try Self.emailPlan(endpoint: server.baseURL), key: Self.key)
    #expect(result.entry.outcome.kind == .invalidRequest)
    let exchange = try #require(result.exchanges.first)
    let limit = BrazeClientConfiguration().responseBodyLimit
    #expect((exchange.responseBody?.count ?? 0) <= limit)
    let body = try #require(exchange.attempts.first?.body)
    let marker = announced ? "\(total) bytes" : "more than \(limit) bytes"
    #expect(body.hasSuffix("…[truncated, \(marker)]"), "\(body.suffix(80))")
    #expect(body.utf8.count < 5000)
    let line = try String(contentsOfFile: journal.path, encoding: .utf8)
    #expect(line.utf8.count < 64 << 10)
  }

  @Test("Braze's message and errors are bounded before they are repeated")
  func boundedMessage() async throws {
    let long = String(repeating: "m", count: 100_000)
    let errors = (0..<1000).map { "\"e\($0)\"" }.joined(separator: ",")
    let server = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(400, body: #"{"message":"\#(long)","errors":[\#(errors)]}"#))
    }
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(endpoint: server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .invalidRequest)
    #expect((exchange.outcome.brazeMessage?.count ?? 0) < 1100)
    #expect(exchange.outcome.brazeErrors.count == 21)
    #expect(exchange.outcome.brazeErrors.last == "and 980 more errors")
    #expect(exchange.outcome.message.count < 3000)
  }

  /// Answers that arrive but are broken: each must read as "answered, but", never as
  /// "could not reach".
  static let brokenAnswers: [(String, [UInt8])] = [
    ("not HTTP", Array("SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n".utf8)),
    (
      "short body",
      Array(
        "HTTP/1.1 201 Raw\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"message\":".utf8)
    ),
    (
      "huge header",
      Array(
        ("HTTP/1.1 201 Raw\r\nX-Big: " + String(repeating: "a", count: 400_000)
          + "\r\nContent-Length: 2\r\n\r\n{}").utf8)
    ),
  ]

  @Test("a broken answer is 'answered, but …', not 'could not reach'", arguments: [0, 1, 2])
  func brokenAnswer(index: Int) async throws {
    let bytes = Self.brokenAnswers[index].1
    let server = try RawHTTPServer { _, write in _ = write(bytes) }
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(endpoint: server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .unexpectedResponse, "\(Self.brokenAnswers[index].0)")
    #expect(exchange.outcome.message.contains("answered, but"), "\(exchange.outcome.message)")
    #expect(!exchange.outcome.message.contains("Could not reach"))
  }

  @Test("Retry-After is honoured on a 429 without X-RateLimit-Reset")
  func retryAfter() async throws {
    let server = try ClientCannedServer([
      .init(status: 429, headers: ["Retry-After": "1"], body: #"{"message":"slow down"}"#),
      .init(status: 201, body: #"{"message":"success"}"#),
    ])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(endpoint: server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .success)
    #expect(exchange.attempts.map(\.status) == [429, 201])
    #expect(try #require(exchange.attempts[0].waitMs) >= 1000)
  }

  @Test("Retry-After as an HTTP date is honoured too")
  func retryAfterDate() async throws {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    // The client reads a clock that stands still, so the wait is exact: 2 s to the date,
    // plus the 100 ms reset margin.
    let clock = ClientClock(Date(timeIntervalSince1970: 1_800_000_000))
    let date = formatter.string(from: clock.now.addingTimeInterval(2))
    let server = try ClientCannedServer([
      .init(status: 429, headers: ["Retry-After": date], body: "{}"),
      .init(status: 201, body: #"{"message":"success"}"#),
    ])
    let exchange = await BrazeClient(configuration: BrazeClientConfiguration.fast.driven(by: clock))
      .perform(try Self.emailPlan(endpoint: server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .success)
    #expect(exchange.attempts.map(\.status) == [429, 201])
    #expect(exchange.attempts[0].waitMs == 2100)
    #expect(clock.waits == [.milliseconds(2100)])
  }

  @Test("a Retry-After beyond the cap ends the call at once")
  func retryAfterBeyondCap() async throws {
    let server = try ClientCannedServer([
      .init(status: 429, headers: ["Retry-After": "3600"], body: "{}")
    ])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(endpoint: server.baseURL).requests[0], key: Self.key)
    #expect(exchange.outcome.kind == .rateLimited)
    #expect(exchange.attempts.count == 1)
  }
}
