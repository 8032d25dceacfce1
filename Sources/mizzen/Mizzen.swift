import ArgumentParser
import MizzenCore

/// The `mizzen` command: the console by default, and the headless subcommands.
@main
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
      SchemaCommand.self, ReconcileCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )
}
