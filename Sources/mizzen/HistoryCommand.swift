import ArgumentParser

struct HistoryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show the signal journal, newest first."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
