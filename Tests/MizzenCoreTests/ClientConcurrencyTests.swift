import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Client keeps a reconcile's calls in flight at once")
struct ClientConcurrencyTests {
  /// How many requests the sandbox had read each time it answered one. The sandbox logs an
  /// answer on its connection thread just before sending it, so the first figure is how
  /// many requests were on the wire together, whatever the test's own tasks were doing.
  final class ArrivalsAtAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var server: SandboxServer?
    private var counts: [Int] = []

    func watch(_ server: SandboxServer) { lock.withLock { self.server = server } }
    func answered() { lock.withLock { counts.append(server?.requestCount ?? -1) } }
    var all: [Int] { lock.withLock { counts } }
  }

  @Test("8 reads at once all reach the sandbox before the first is answered")
  func readsInFlight() async throws {
    // Every answer waits 3 s: each read the client has sent by then has arrived. A client
    // that holds some back (too few connections to the host) sends them only once
    // earlier ones are answered.
    var configuration = SandboxConfiguration(keys: [
      ClientTestKeys.all: SandboxConfiguration.allPermissions
    ])
    configuration.groups = [BrazeFixtures.emailGroup: .email]
    configuration.latency = .seconds(3)
    let arrivals = ArrivalsAtAnswers()
    let server = try SandboxServer.start(configuration) { _ in arrivals.answered() }
    defer { server.stop() }
    arrivals.watch(server)
    let client = BrazeClient()
    let concurrency = ReconcileOptions().readConcurrency
    let path = "/subscription/status/get"
    let outcomes = await withTaskGroup(of: BrazeOutcome.Kind.self) { group in
      for index in 0..<concurrency {
        let request = PlannedRequest(
          purpose: .verify, method: "GET",
          url: server.baseURL + path + "?subscription_group_id=" + BrazeFixtures.emailGroup
            + "&external_id%5B%5D=c-\(index)",
          path: path, headers: [], body: nil, permission: .subscriptionStatusGet)
        group.addTask { await client.perform(request, key: ClientTestKeys.all).outcome.kind }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes == Array(repeating: .success, count: concurrency))
    #expect(arrivals.all.first == concurrency, "requests read at each answer: \(arrivals.all)")
  }
}
