import ArgumentParser
import Foundation
import MizzenCore
import MizzenRuntime

/// Starts `mizzen`. A valid `send` in the plain shape is read without the argument parser
/// (`SendInvocation`), which would otherwise take a quarter of the send's time to read it,
/// and runs on this thread (`CallingThreadExecutor`): Swift's global executor and the
/// Dispatch threads behind it would cost it another millisecond and a half of CPU. Every
/// other command line goes to the argument parser, in a task on the global executor, while
/// this thread serves the main queue (the console's main actor).
@main
enum MizzenEntry {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let send = SendInvocation(plain: arguments) {
      let executor = CallingThreadExecutor()
      Task(executorPreference: executor) {
        do {
          try await send.run(preferring: executor)
        } catch {
          Mizzen.exit(withError: error)
        }
        executor.stop()
      }
      executor.run()
      return
    }
    Task {
      await Mizzen.parseAndRun(arguments)
      exit(0)
    }
    dispatchMain()
  }
}

/// The `mizzen` command: the console by default, and the headless subcommands.
struct Mizzen: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mizzen",
    abstract: "A terminal console for Ketch-style preference topics mapped to Braze.",
    discussion: """
      Mizzen keeps its configuration in one JSON workspace file: Braze connections, \
      identity spaces, properties, and subscription topics whose channels map to Braze \
      subscription groups. The workspace is --workspace PATH, else $MIZZEN_WORKSPACE, \
      else ./mizzen.json.
      """,
    version: MizzenVersion.string,
    subcommands: [
      ConsoleCommand.self, DemoCommand.self, InitCommand.self, ValidateCommand.self,
      SendCommand.self, CheckConnectionCommand.self, HistoryCommand.self, SandboxCommand.self,
      SchemaCommand.self, LookupCommand.self, ConfigCommand.self, ReconcileCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )

  /// Runs the command line, after refusing a word that names no command: the console,
  /// which runs without one, takes no word, so a typo would otherwise print its usage.
  static func parseAndRun(_ arguments: [String]) async {
    let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    if let word = UnknownCommand.word(in: arguments, commands: names) {
      let hint = Suggestion.nearest(to: word, in: names).map { " Did you mean \($0)?" } ?? ""
      printError("'\(word)' is not a command.\(hint) See mizzen --help for the commands.")
      Self.exit(withError: ExitCode.validationFailure)
    }
    await Self.main(arguments)
  }
}

/// Finds the word a command line gives where a command name goes.
enum UnknownCommand {
  /// Root options that take the next argument as their value.
  static let optionsWithValue: Set<String> = ["--workspace", "--generate-completion-script"]

  /// The first word that is neither an option nor an option's value, when it is not one of
  /// `commands`; nil for the argument parser's own completion and help requests.
  static func word(in arguments: [String], commands: [String]) -> String? {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" || argument.hasPrefix("---") || argument == "--experimental-dump-help" {
        return nil
      }
      if argument.hasPrefix("-") {
        index += optionsWithValue.contains(argument) ? 2 : 1
        continue
      }
      return commands.contains(argument) ? nil : argument
    }
    return nil
  }
}
