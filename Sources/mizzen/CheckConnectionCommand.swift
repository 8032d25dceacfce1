import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen check-connection CODE`: a read-only call that proves a connection's key and
/// endpoint work (SPEC §4).
struct CheckConnectionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-connection",
    abstract: "Check a connection's key and endpoint with a read-only call.",
    discussion: """
      Reads the state of a made-up external id (one no real profile has) in the first \
      subscription group mapped to the connection, with GET /subscription/status/get. \
      Nothing is changed in Braze and nothing is journaled. The key needs the \
      subscription.status.get permission.

      A 2xx means the key and the endpoint are good; 401 means the key is invalid or \
      belongs to another Braze instance than the endpoint; 403 means the key lacks \
      subscription.status.get.

      Exit status: 0 the connection works; 1 Braze refused the call (401, 403, 4xx, 5xx); \
      2 unreadable workspace, unknown connection, no subscription group mapped to it, \
      or no key; 3 Braze could not be reached or did not answer in time; 64 invalid \
      options; 130 interrupted with Ctrl-C.
      """
  )

  @OptionGroup var options: WorkspaceOptions

  @Argument(
    help: ArgumentHelp("The connection code.", valueName: "code"),
    completion: WorkspaceCompletion.connections)
  var code: String

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let workspace = try SignalCommandSupport.loadWorkspace(
      options.resolvedPath, command: "check-connection")
    let check: ConnectionCheckPlan
    let key: String
    do {
      check = try SignalPlanner.checkConnection(code, in: workspace)
      key = try APIKeyResolver.resolve(
        check.keySource, connection: check.connection, environment: environment)
    } catch {
      printError(command: "check-connection", error.message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    printText(
      "Checking connection \(check.connection) by reading group \(check.subscriptionGroupId) "
        + "(topic \(check.topic), \(check.channel)):")
    let lines = SignalTextRenderer.request(
      check.request, number: nil, keySource: check.keySource, environment: environment)
    printText(lines)
    let client = SignalCommandSupport.client()
    let exchange = await SignalCommandSupport.cancellingOnInterrupt {
      await client.perform(check.request, key: key)
    }
    printText(SignalTextRenderer.exchange(exchange))
    let status = SignalCommandSupport.status(for: exchange.outcome)
    guard status == 0 else {
      printError(command: "check-connection", exchange.outcome.message)
      throw ExitCode(status)
    }
    printText("Connection \(check.connection) works: the key and the endpoint are good.")
  }
}
