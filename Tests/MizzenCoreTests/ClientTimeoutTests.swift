import BrazeSandbox
import Foundation
import MizzenCore
import Testing

/// The connect timeout bounds connecting alone; the attempt's timeout bounds the whole
/// exchange. A server that takes a while to answer a connection that opened at once is
/// waited for, up to the attempt's timeout.
@Suite("Client timeouts: connecting and the whole attempt are bounded separately")
struct ClientTimeoutTests {
  @Test("an answer slower than the connect timeout, within the attempt's, arrives")
  func slowAnswerWithinTheAttempt() async throws {
    let sandbox = try ClientSandbox()
    sandbox.server.injectFaults([.delay(.milliseconds(2500))])
    var configuration = BrazeClientConfiguration.fast
    configuration.connectTimeout = .seconds(1)
    configuration.attemptTimeout = .seconds(30)
    configuration.maxAttempts = 1
    let exchange = await BrazeClient(configuration: configuration).perform(
      try ClientResilienceTests.emailPlan(sandbox).requests[0], key: ClientTestKeys.all)
    #expect(exchange.outcome.kind == .success, "\(exchange.outcome.message)")
    #expect(exchange.attempts.map(\.status) == [201])
  }
}
