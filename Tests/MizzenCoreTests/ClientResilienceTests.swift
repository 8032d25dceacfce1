import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Client over real HTTP: retries, timeouts, cancellation, journal")
struct ClientResilienceTests {
  static func emailPlan(_ sandbox: ClientSandbox, verify: Bool = false) throws -> SignalPlan {
    let signal = Signal(
      topic: "news", channel: "email", identities: ["email": "ana@example.com"], state: .granted)
    return try SignalPlanner.plan(signal, in: sandbox.workspace, verify: verify)
  }

  // The sandbox counts its windows on the same hand-moved clock the client reads, and the
  // client's wait moves that clock: the window turns exactly when the client has waited.
  @Test("429 waits for X-RateLimit-Reset, then succeeds")
  func rateLimit() async throws {
    let clock = ClientClock(Date(timeIntervalSince1970: 1_800_000_000.25))
    let sandbox = try ClientSandbox {
      $0.rateLimit = 2
      $0.rateLimitWindow = .seconds(1)
      $0.now = { clock.now }
    }
    let client = BrazeClient(configuration: BrazeClientConfiguration.fast.driven(by: clock))
    let request = try Self.emailPlan(sandbox).requests[0]
    for _ in 0..<2 {
      let exchange = await client.perform(request, key: ClientTestKeys.all)
      #expect(exchange.attempts.map(\.status) == [201])
    }
    let exchange = await client.perform(request, key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .success)
    #expect(exchange.attempts.map(\.status) == [429, 201])
    let limited = exchange.attempts[0]
    #expect(limited.rateLimit?.remaining == "0")
    #expect(limited.rateLimit?.resetEpochSeconds == 1_800_000_001)
    // 0.75 s to the reset, plus the 100 ms margin.
    #expect(clock.waits == [.milliseconds(850)])
    #expect(limited.waitMs == 850)
    #expect(clock.now.timeIntervalSince1970 >= 1_800_000_001)
    #expect(sandbox.server.requestCount == 4)
  }

  @Test("a reset further away than the cap ends the call as rate limited, without waiting")
  func rateLimitBeyondCap() async throws {
    let clock = ClientClock(Date(timeIntervalSince1970: 1_800_000_000))
    let server = try ClientCannedServer([
      .init(
        status: 429, headers: ["X-RateLimit-Reset": "1800003600", "X-RateLimit-Remaining": "0"],
        body: #"{"message":"Rate Limit Exceeded"}"#)
    ])
    let exchange = await BrazeClient(configuration: BrazeClientConfiguration.fast.driven(by: clock))
      .perform(Self.canned(server), key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .rateLimited)
    #expect(exchange.attempts.count == 1)
    #expect(exchange.outcome.message.contains("resets at 2027-01-15T09:00:00Z"))
    #expect(server.requests.count == 1)
    #expect(clock.waits.isEmpty)
  }

  @Test("503 twice, then success")
  func serverErrorsThenSuccess() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.status(503), .status(503)])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .success)
    #expect(exchange.attempts.map(\.status) == [503, 503, 201])
    #expect(exchange.attempts[0].waitMs != nil && exchange.attempts[1].waitMs != nil)
    #expect(exchange.attempts[2].waitMs == nil)
  }

  @Test("server errors stop after maxAttempts and are reported as such")
  func serverErrorsExhaust() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults(Array(repeating: .status(500), count: 6))
    var configuration = BrazeClientConfiguration.fast
    configuration.maxAttempts = 3
    let exchange = await BrazeClient(configuration: configuration).perform(
      try Self.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .serverError)
    #expect(exchange.outcome.status == 500)
    #expect(exchange.attempts.map(\.status) == [500, 500, 500])
    #expect(exchange.outcome.message.contains("after 3 attempts"))
    #expect(sandbox.server.requestCount == 3)
  }

  @Test("a dropped connection is retried")
  func droppedConnection() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.dropConnection])
    let exchange = await BrazeClient(configuration: .fast).perform(
      try Self.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .success)
    #expect(exchange.attempts.map(\.status) == [nil, 201])
    #expect(exchange.attempts[0].error != nil)
    #expect(sandbox.server.requestCount == 2)
  }

  // The sandbox would answer with a success after 3 s, so a timeout outcome shows that the
  // client's own deadline ended the attempt; wall-clock bounds would only measure how
  // loaded the machine is.
  @Test("a slow answer is a timeout, retried, and reported when attempts run out")
  func timeout() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.delay(.seconds(3)), .delay(.seconds(3))])
    var configuration = BrazeClientConfiguration.fast
    configuration.attemptTimeout = .milliseconds(300)
    configuration.maxAttempts = 2
    let exchange = await BrazeClient(configuration: configuration).perform(
      try Self.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .timeout)
    #expect(exchange.outcome.message.contains("0.3 s"))
    #expect(exchange.attempts.count == 2)
    #expect(exchange.attempts.allSatisfy { $0.status == nil && $0.error != nil })

    // The retry must succeed within its deadline even on a loaded machine (where a local
    // answer has taken over 5 s), so this half gives each attempt 20 s against a 60 s
    // stall: still a timeout first, then a success.
    sandbox.server.injectFaults([.delay(.seconds(60))])
    configuration.attemptTimeout = .seconds(20)
    let recovered = await BrazeClient(configuration: configuration).perform(
      try Self.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(recovered.outcome.kind == .success)
    #expect(recovered.attempts.map(\.status) == [nil, 201])
  }

  // The sandbox would answer with a success after 60 s: `cancelled` shows the call stopped.
  @Test("cancelling the task stops the call in flight")
  func cancellation() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.delay(.seconds(60))])
    let request = try Self.emailPlan(sandbox).requests[0]
    // Far longer than any pause a loaded machine gives the test before it cancels.
    var configuration = BrazeClientConfiguration.fast
    configuration.attemptTimeout = .seconds(60)
    let client = BrazeClient(configuration: configuration)
    let task = Task { await client.perform(request, key: ClientTestKeys.all) }
    // Cancel once the sandbox holds the request, not after a fixed pause that a loaded
    // machine could outlast before the request is even sent.
    try await waitUntil { sandbox.server.requestCount >= 1 }
    task.cancel()
    let exchange = await task.value
    #expect(exchange.outcome.kind == .cancelled)
    #expect(exchange.attempts.count == 1)
    #expect(exchange.attempts[0].status == nil)
  }

  @Test("cancelling during a backoff wait stops there")
  func cancellationWhileWaiting() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.status(503), .status(503)])
    var configuration = BrazeClientConfiguration.fast
    configuration.backoffBase = .seconds(10)
    configuration.backoffCap = .seconds(10)
    let clock = ClientClock(Date())
    configuration.sleep = { try await clock.recordAndHold($0) }
    let request = try Self.emailPlan(sandbox).requests[0]
    let client = BrazeClient(configuration: configuration)
    let task = Task { await client.perform(request, key: ClientTestKeys.all) }
    // Cancel once the client has started its backoff (the injected sleep records the wait
    // as it begins and holds it until cancelled), so the cancel always lands inside it.
    try await waitUntil("the client never started its backoff") { !clock.waits.isEmpty }
    task.cancel()
    let exchange = await task.value
    #expect(exchange.outcome.kind == .cancelled)
    #expect(exchange.attempts.map(\.status) == [503])
    #expect(clock.waits.count == 1)
    #expect(clock.waits.allSatisfy { $0 >= .seconds(5) && $0 <= .seconds(10) })
    #expect(sandbox.server.requestCount == 1)
  }

  @Test("the journal holds every attempt of a send, with status and rate-limit headers")
  func journalHoldsAttempts() async throws {
    let sandbox = try ClientSandbox { $0.rateLimit = 100 }
    let folder = try TemporaryFolder()
    let journal = SignalJournal(workspacePath: folder.file("w.json"))
    sandbox.server.injectFaults([.status(503), .dropConnection])
    let sender = SignalSender(
      client: BrazeClient(configuration: .fast), journal: journal, verifyDelay: .zero)
    let result = await sender.send(
      try Self.emailPlan(sandbox, verify: true), key: ClientTestKeys.all)
    #expect(result.journalError == nil)
    let entry = try #require(try journal.read().entries.last)
    #expect(entry == result.entry)
    #expect(entry.attempts == 4)
    #expect(entry.requests.map(\.purpose) == [.send, .verify])
    #expect(entry.requests[0].attempts.map(\.status) == [503, nil, 201])
    #expect(entry.requests[0].attempts[0].rateLimit?.limit == "100")
    #expect(entry.requests[0].attempts[2].body == #"{"message":"success"}"#)
    #expect(entry.requests[0].permission == .subscriptionStatusSet)
    #expect(entry.requests[1].permission == .subscriptionStatusGet)
    #expect(entry.verification?.matches == true)
    #expect(entry.identitySpace == "email" && entry.identityValue == "ana@example.com")
    #expect(entry.state == "granted")
  }

  static func canned(_ server: ClientCannedServer) -> PlannedRequest {
    PlannedRequest(
      purpose: .send, method: "POST", url: server.baseURL + "/users/track", path: "/users/track",
      headers: [
        HTTPHeader("Content-Type", "application/json"),
        HTTPHeader("User-Agent", MizzenVersion.userAgent),
      ], body: Array(#"{"attributes":[]}"#.utf8), permission: .usersTrack)
  }
}
