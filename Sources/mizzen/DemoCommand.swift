import ArgumentParser

struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console on a demo workspace with a local Braze sandbox."
  )

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    throw ExitCode(3)
  }
}
