import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen check-connection CODE`: for each Braze permission the connection's channels
/// need, whether the key has it, proved by a read-only call where Braze has one (SPEC §4,
/// §8).
struct CheckConnectionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-connection",
    abstract: "Check a connection's key, endpoint and permissions with read-only calls.",
    discussion: """
      Lists the Braze permissions the workspace's channels on this connection need and, \
      for each, whether the key has it. Read permissions are proved by a read-only call \
      for a made-up external id (one no real profile has): subscription.status.get by \
      GET /subscription/status/get on a mapped group, subscription.groups.get by GET \
      /subscription/user/status, users.export.ids by POST /users/export/ids (push). \
      Write permissions (subscription.status.set, users.track) are reported as "only a \
      send can prove it": no read-only call needs them. A connection that serves push \
      only is checked through /users/export/ids. Nothing is changed in Braze and \
      nothing is journaled.

      2xx: the key has the permission; 403: it lacks it; 401: the key is invalid or \
      belongs to another Braze instance than the endpoint (the other reads are then \
      not made).

      Formats: text (for people) and json (for scripts: the connection, "works", and one \
      object per permission with its verdict: has, lacks, key-refused, failed or \
      send-only).

      Exit status: 0 every read-only call proved its permission; 1 Braze refused a call \
      (401, 403, other 4xx, 5xx); 2 unreadable workspace, unknown connection, no channel \
      mapped to it, or no key; 3 Braze could not be reached or did not answer in time; \
      64 invalid options; 130 interrupted with Ctrl-C.
      """
  )

  /// How the result is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  /// The JSON printed with `--format json`; stable for scripts.
  struct Document: Encodable {
    struct Row: Encodable {
      var permission: String
      var use: String
      var verdict: String
      var explanation: String
      var call: String?
      var status: Int?
    }
    var connection: String
    var works: Bool
    var permissions: [Row]
  }

  @OptionGroup var options: WorkspaceOptions

  @Argument(
    help: ArgumentHelp("The connection code.", valueName: "code"),
    completion: WorkspaceCompletion.connections)
  var code: String

  @Option(help: ArgumentHelp("text or json.", valueName: "format"))
  var format: Format = .text

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
    if format == .text {
      printText(
        "Checking connection \(check.connection) (key \(check.keySource.displayText)), "
          + "permissions its channels need:")
      for probe in check.probes {
        guard let request = probe.request else { continue }
        let lines = SignalTextRenderer.request(
          request, number: nil, keySource: check.keySource, environment: environment)
        printText(lines)
      }
    }
    let checker = ConnectionChecker(client: SignalCommandSupport.client())
    let report = await SignalCommandSupport.cancellingOnInterrupt {
      await checker.run(check, key: key)
    }
    switch format {
    case .json:
      print(stableJSON(Self.document(report)))
    case .text:
      print("")
      for row in report.rows {
        printText(
          "  " + row.permission.rawValue.padding(toLength: 25, withPad: " ", startingAt: 0)
            + Self.words(row.verdict).padding(toLength: 26, withPad: " ", startingAt: 0)
            + "for " + row.use)
        printText("      " + row.explanation)
      }
    }
    if report.works {
      if format == .text {
        printText(
          "Connection \(check.connection) works: the key and the endpoint are good, and the key "
            + "has every permission a read can prove.")
      }
      return
    }
    if let problem = report.firstProblem {
      printError(
        command: "check-connection",
        "\(problem.permission.rawValue): " + TerminalText.escaped(problem.explanation))
    }
    if report.rows.contains(where: { $0.exchange?.outcome.kind == .cancelled }) {
      throw ExitCode(SignalCommandSupport.Status.interrupted)
    }
    throw ExitCode(
      report.unreachable
        ? SignalCommandSupport.Status.network : SignalCommandSupport.Status.refused)
  }

  static func words(_ verdict: PermissionCheckRow.Verdict) -> String {
    switch verdict {
    case .has: return "has it"
    case .lacks: return "LACKS it"
    case .keyRefused: return "key refused (401)"
    case .failed: return "not proved"
    case .sendOnly: return "only a send can prove it"
    }
  }

  static func document(_ report: ConnectionCheckReport) -> Document {
    Document(
      connection: report.plan.connection, works: report.works,
      permissions: report.rows.map { row in
        Document.Row(
          permission: row.permission.rawValue, use: row.use, verdict: row.verdict.rawValue,
          explanation: row.explanation,
          call: row.exchange.map { "\($0.request.method) \($0.request.path)" },
          status: row.exchange?.outcome.status)
      })
  }
}
