import ArgumentParser

struct ConsoleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Open the console on the workspace."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
