import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen lookup`: a person's real state in Braze for every topic × channel (SPEC §8).
struct LookupCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lookup",
    abstract: "Show a person's state in Braze for every mapped topic and channel.",
    discussion: """
      For every topic × channel of the workspace: what the workspace maps (connection, \
      group, the identifier the connection's mapping picks from the --identity values), \
      what Braze says for that person now, and, with --expect, whether it disagrees.

      Groups are read with GET /subscription/status/get, one call per connection and \
      group; push with POST /users/export/ids (push_subscribe), one call per connection \
      and identifier. Calls asking the same thing are made once. Reads go one after \
      another; when Braze's X-RateLimit-Remaining reaches 0 the next read waits for \
      X-RateLimit-Reset (at most 60 s), and a 429 is retried after the reset. Nothing is \
      changed in Braze and nothing is journaled.

      --expect granted (or denied) expects that choice everywhere; --expect TOPIC=STATE \
      or TOPIC/CHANNEL=STATE for one topic or one channel (the most specific wins). \
      Without --expect the state is shown as it is.

      Formats: text (a table for people) and json (for scripts: one object per row with \
      observed, state, expected, disagrees).

      Exit status: 0 every read succeeded (whatever the states); 1 Braze refused or \
      failed a read; 2 unreadable workspace, unknown identity space, or arguments that \
      name nothing; 3 Braze could not be reached or did not answer in time; 64 invalid \
      options.
      """
  )

  /// How the result is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var options: WorkspaceOptions

  @Option(
    name: .customLong("identity"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "An identity value by identity-space code, e.g. email=ana@example.com. Repeatable.",
      valueName: "space=value"))
  var identities: [String] = []

  @Option(
    help: ArgumentHelp(
      "The expected choice: granted or denied, for everything, a TOPIC=STATE or a "
        + "TOPIC/CHANNEL=STATE. Repeatable.",
      valueName: "expectation"))
  var expect: [String] = []

  @Option(help: ArgumentHelp("text or json.", valueName: "format"))
  var format: Format = .text

  func validate() throws {
    guard !identities.isEmpty else {
      throw ValidationError("Give at least one --identity SPACE=VALUE, e.g. email=ana@example.com.")
    }
    _ = try IdentityArguments.parse(identities)
    _ = try expectations()
  }

  private func expectations() throws -> LookupExpectations {
    do {
      return try LookupExpectations(expect)
    } catch {
      throw ValidationError(error.message)
    }
  }

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let workspace = try SignalCommandSupport.loadWorkspace(
      options.resolvedPath, command: "lookup")
    let expectations = try expectations()
    let values = try IdentityArguments.parse(identities)
    let plan: LookupPlan
    do throws(SignalPlanError) {
      plan = try SignalPlanner.planLookup(identities: values, in: workspace)
    } catch {
      printError(command: "lookup", error.message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    var keys: [String: Result<String, SignalPlanError>] = [:]
    for read in plan.reads where keys[read.connection] == nil {
      do throws(SignalPlanError) {
        keys[read.connection] = .success(
          try APIKeyResolver.resolve(
            read.keySource, connection: read.connection, environment: environment))
      } catch {
        keys[read.connection] = .failure(error)
      }
    }
    let runner = PersonLookupRunner(client: SignalCommandSupport.client())
    let found = keys
    let exchanges = await SignalCommandSupport.cancellingOnInterrupt {
      await runner.run(plan, keys: found)
    }
    let report = LookupReport(plan: plan, exchanges: exchanges, expectations: expectations)
    switch format {
    case .json: print(stableJSON(LookupDocument(report, identities: plan.identities)))
    case .text: print(LookupText.render(report, identities: plan.identities))
    }
    let failed = exchanges.filter { !$0.outcome.isSuccess }
    guard let first = failed.first else { return }
    printError(
      command: "lookup",
      "\(failed.count) of \(exchanges.count) reads failed; first: "
        + TerminalText.escaped(first.outcome.message))
    throw ExitCode(
      failed.contains { $0.outcome.isNetworkFailure }
        ? SignalCommandSupport.Status.network : SignalCommandSupport.Status.refused)
  }
}
