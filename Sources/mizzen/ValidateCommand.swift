import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen validate`: every problem of the workspace, for people or for scripts.
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Print every problem of the workspace.",
    discussion: """
      Reads the workspace and prints each problem with its severity, its path (for \
      example topics[weekly_newsletter].channels[email].subscriptionGroupId), the id of \
      the rule, and what to do about it. --format json prints one stable JSON object for \
      scripts.

      Exit status: 0 no problems or warnings only, 1 at least one error, 2 the workspace \
      could not be read (missing, not JSON, not a Mizzen workspace…).
      """
  )

  @Option(help: "text for people, json for scripts.")
  var format: OutputFormat = .text

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    let path = options.resolvedPath
    let loaded: LoadedWorkspace
    do {
      loaded = try WorkspaceStore(path: path).load()
    } catch {
      if format == .json {
        print(
          stableJSON(UnreadableReport(workspace: path, readable: false, message: error.message)))
      }
      printError(error.message)
      throw ExitCode(2)
    }
    // Errors first, then warnings, each in the validator's own order.
    let found = WorkspaceValidator.problems(in: loaded.workspace, readFrom: loaded.revision)
    let problems = found.filter { $0.severity == .error } + found.filter { $0.severity != .error }
    let errors = problems.filter { $0.severity == .error }.count
    let warnings = problems.count - errors
    switch format {
    case .json:
      print(
        stableJSON(
          ValidationReport(
            workspace: path, readable: true, errors: errors, warnings: warnings,
            problems: problems.map(ProblemReport.init))))
    case .text:
      var lines: [String] = []
      for problem in problems {
        let severity = problem.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        lines.append("\(severity) \(problem.path)  [\(problem.rule)]")
        lines.append("        \(problem.message)")
      }
      lines.append(summary(errors: errors, warnings: warnings, path: path))
      printText(lines)
    }
    SignalCommandSupport.warnIfKeyIsExposed(loaded.workspace, path: path, command: "validate")
    if errors > 0 { throw ExitCode(1) }
  }

  private func summary(errors: Int, warnings: Int, path: String) -> String {
    if errors == 0 && warnings == 0 { return "No problems in \(path)." }
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return "\(count(errors, "error")), \(count(warnings, "warning")) in \(path)."
  }
}

/// The `--format json` shape of a readable workspace's report.
private struct ValidationReport: Encodable {
  var workspace: String
  var readable: Bool
  var errors: Int
  var warnings: Int
  var problems: [ProblemReport]
}

/// The `--format json` shape of a workspace that could not be read.
private struct UnreadableReport: Encodable {
  var workspace: String
  var readable: Bool
  var message: String
}

/// One problem as scripts see it.
private struct ProblemReport: Encodable {
  var rule: String
  var severity: String
  var path: String
  var message: String

  init(_ problem: Problem) {
    rule = problem.rule
    severity = problem.severity.rawValue
    path = problem.path.description
    message = problem.message
  }
}
