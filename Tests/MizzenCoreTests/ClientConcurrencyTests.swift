import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Client keeps a reconcile's calls in flight at once")
struct ClientConcurrencyTests {
  /// Set once any call has its answer.
  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }

  @Test("8 reads at once all reach the sandbox before the first is answered")
  func readsInFlight() async throws {
    // Every answer waits 3 s: all requests the client has sent arrive long before any
    // answer. A client that holds some back (too few connections to the host) sends
    // them only once earlier ones are answered.
    let sandbox = try ClientSandbox { $0.latency = .seconds(3) }
    let client = BrazeClient(configuration: .fast)
    let concurrency = ReconcileOptions().readConcurrency
    let answered = Flag()
    let path = "/subscription/status/get"
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: BrazeExchange.self) { group in
      for index in 0..<concurrency {
        let request = PlannedRequest(
          purpose: .verify, method: "GET",
          url: sandbox.server.baseURL + path + "?subscription_group_id="
            + BrazeFixtures.emailGroup + "&external_id%5B%5D=c-\(index)",
          path: path, headers: [], body: nil, permission: .subscriptionStatusGet)
        group.addTask {
          let exchange = await client.perform(request, key: ClientTestKeys.all)
          answered.set()
          return exchange
        }
      }
      try await waitUntil("the reads never reached the sandbox") {
        sandbox.server.requestCount >= concurrency || answered.isSet
      }
      let waited = ContinuousClock.now - started
      #expect(sandbox.server.requestCount == concurrency)
      #expect(waited < .milliseconds(2500), "the last read went out only after \(waited)")
      #expect(!answered.isSet, "an answer came before every read had been sent")
      for try await exchange in group {
        #expect(exchange.outcome.kind == .success)
      }
    }
  }
}
