import ArgumentParser

struct SendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Plan, show and send one signal to Braze."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
