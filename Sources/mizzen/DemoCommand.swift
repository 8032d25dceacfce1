import ArgumentParser
import BrazeSandbox
import Foundation
import MizzenCore
import MizzenTerminal

/// `mizzen demo`: the console on a demo workspace whose connection talks to a sandbox
/// running inside this process, so that a test-send works with no Braze account.
struct DemoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Open the console on a demo workspace with a local Braze sandbox.",
    discussion: """
      Writes a demo workspace (into a new temporary folder, or at --workspace, which must \
      not exist yet), starts the Braze sandbox on 127.0.0.1 on a free port, and opens the \
      console on it. The demo connection reads its key from $MIZZEN_DEMO_API_KEY, which \
      mizzen sets to a generated sandbox key inside its own process only. Beside the \
      workspace it writes a preference-center export of a few hundred people \
      (demo-preferences.csv for demo.json) and seeds the sandbox with Braze-side states \
      that disagree for some of them, so that :reconcile demo-preferences.csv in the \
      console shows drift. Quitting the console stops the sandbox; the workspace, its \
      journal and the export stay.

      Exit status: 0 on quit, 1 the sandbox could not start, 2 the workspace exists or \
      cannot be written, or the terminal cannot run the console.
      """
  )

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Where to write the demo workspace (must not exist). Default: a new temporary folder.",
      valueName: "path"))
  var workspace: String?

  @Flag(name: .long, help: "Show roles with bold, reverse and underline only, no colours.")
  var noColor = false

  @Flag(
    name: .long,
    help: "Leave the mouse to the terminal (text selection), even when config.json turns it on.")
  var noMouse = false

  func run() async throws {
    let path: String
    do {
      path = try demoPath()
    } catch {
      printError("\(error.message)")
      throw ExitCode(2)
    }
    let key = DemoWorkspace.generatedKey()
    let server: SandboxServer
    do {
      server = try SandboxServer.start(DemoWorkspace.sandboxConfiguration(key: key)) { _ in }
    } catch {
      printError("the demo sandbox could not start: \(error)")
      throw ExitCode(1)
    }
    defer { server.stop() }
    let demo = DemoWorkspace.make(endpoint: server.baseURL)
    do {
      _ = try WorkspaceStore(path: path).save(demo, expecting: nil)
    } catch {
      printError("\(error.message)")
      throw ExitCode(2)
    }
    let export = DemoPreferences.path(besideWorkspace: path)
    var greeting =
      "Demo: :reconcile \(URL(fileURLWithPath: export).lastPathComponent) compares "
      + "\(DemoPreferences.people) people's preferences with the sandbox (some drift)."
    if let problem = DemoPreferences.write(to: export, workspace: demo, server: server) {
      printError(problem)
      greeting = "Demo: " + problem
    }
    setenv(DemoWorkspace.keyVariable, key, 1)
    let environment = ProcessInfo.processInfo.environment
    let (config, bindings) = ConfigCommand.userConfig(environment: environment)
    let status = await ConsoleCommand.open(
      path: path, readOnly: false,
      display: Terminal.Options(
        colorWanted: ColorScheme.colorWanted(noColorFlag: noColor, environment: environment),
        mouse: config.mouse && !noMouse, theme: config.theme), bindings: bindings,
      greeting: greeting)
    if status != 0 { throw ExitCode(status) }
  }

  /// The absolute path for the demo workspace.
  private func demoPath() throws(DemoError) -> String {
    if let workspace {
      let path = URL(fileURLWithPath: workspace).standardizedFileURL.path
      guard !FileManager.default.fileExists(atPath: path) else {
        throw DemoError(
          "\(path) already exists; the demo writes a new workspace. Choose another path, or "
            + "leave out --workspace to use a temporary folder.")
      }
      return path
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-demo-" + UUID().uuidString.lowercased().prefix(8))
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw DemoError(
        "Cannot create a temporary folder for the demo (\(error.localizedDescription)); "
          + "pass --workspace with a path in a writable folder.")
    }
    return folder.appendingPathComponent("demo.json").path
  }
}

/// Why the demo workspace could not be placed.
struct DemoError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
