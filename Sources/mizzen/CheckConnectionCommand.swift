import ArgumentParser

struct CheckConnectionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-connection",
    abstract: "Check a connection's key and endpoint with a read-only call."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
