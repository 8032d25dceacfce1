import ArgumentParser

struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write an empty workspace file."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
