import ArgumentParser
import Foundation
import MizzenConsole
import MizzenCore
import MizzenRuntime
import MizzenTerminal

/// `mizzen` and `mizzen console`: the interactive console on the workspace file.
struct ConsoleCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "console",
    abstract: "Open the console on the workspace.",
    discussion: """
      A workspace file that does not exist yet is created on the first save. A file that \
      should not be written (read-only mode, owned by another user, in a folder where the \
      lock or temporary file of a save cannot be made) opens read-only, with the reason in \
      the header; `:w!` allows changes and saves over it. A file that \
      cannot be read (bad JSON, no permission, a newer format) is not opened: mizzen prints \
      why and exits with status 2, so the file can be fixed or restored from <file>.bak.

      The console needs a terminal on standard input and output and a UTF-8 locale \
      (e.g. LANG=C.UTF-8); otherwise it exits with status 2 before drawing anything. \
      NO_COLOR (set and not empty) has the effect of --no-color. Ctrl-C, SIGTERM and SIGHUP \
      end the console after the running save, restore the terminal, and exit with status \
      128 plus the signal number; Ctrl-C first asks, as q does, when changes are not saved \
      (a second Ctrl-C quits).

      The mouse is off unless config.json says "mouse": true (see mizzen config): the \
      terminal keeps its own text selection. The theme in config.json colours the roles.
      """
  )

  @OptionGroup var options: WorkspaceOptions

  @Flag(name: .long, help: "Change nothing: every action that would write is disabled.")
  var readOnly = false

  @Flag(name: .long, help: "Show roles with bold, reverse and underline only, no colours.")
  var noColor = false

  @Flag(
    name: .long,
    help: "Leave the mouse to the terminal (text selection), even when config.json turns it on.")
  var noMouse = false

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let (config, bindings) = ConfigCommand.userConfig(environment: environment)
    let status = await Self.open(
      path: options.resolvedPath, readOnly: readOnly,
      display: Terminal.Options(
        colorWanted: ColorScheme.colorWanted(noColorFlag: noColor, environment: environment),
        mouse: config.mouse && !noMouse, theme: config.theme), bindings: bindings)
    if status != 0 { throw ExitCode(status) }
  }

  /// Opens the console on the workspace at `path` and returns the exit status.
  @MainActor
  static func open(
    path: String, readOnly: Bool, display: Terminal.Options, bindings: BindingTable = .standard,
    greeting: String? = nil
  ) -> Int32 {
    var trace = StartupTrace.isRequested ? StartupTrace() : nil
    trace?.step("program start")
    defer { if let trace { printError(trace.report) } }
    do {
      try Terminal.checkCanStart()
    } catch {
      printError("\(error.message)")
      return 2
    }
    let store = WorkspaceStore(path: path)
    let loaded: LoadedWorkspace?
    do {
      loaded = try store.load()
    } catch  where error.kind == .notFound {
      loaded = nil
    } catch {
      printError("\(error.message)")
      return 2
    }
    trace?.step("load")
    let signals = SignalTrap()
    defer { signals.cancel() }
    let terminal: Terminal
    do {
      terminal = try Terminal(options: display)
    } catch {
      printError("\(error.message)")
      return 2
    }
    trace?.step("terminal start")
    let runner = EffectRunner(store: store)
    // A file that should not be written opens read-only before any edit can be lost to
    // a failing save; `--read-only` needs no reason.
    let environment = ProcessInfo.processInfo.environment
    let options = ConsoleOptions(
      readOnly: readOnly, readOnlyReason: readOnly ? nil : store.readOnlyReason(),
      workspacePath: path,
      environmentNames: Set(environment.filter { !$0.value.isEmpty }.keys), bindings: bindings)
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil, options: options, size: terminal.size)
    if let greeting { ConsoleModel.greet(&state, greeting) }
    trace?.step("console state")
    var loop = ConsoleLoop(
      terminal: terminal, runner: runner, signals: signals, state: state, trace: trace)
    let ending = loop.run()
    trace = loop.trace
    let journaled = runner.waitUntilIdle()
    terminal.close()
    if !journaled {
      printError(
        "A test-send or a remembered value was still being written after "
          + "\(SignalEffectRunner.quitWait) and was left; its journal line or the values in "
          + "\(path).mizzen-state.json may be missing.")
    }
    switch ending {
    case .quit: return 0
    case .signal(let number): return SignalTrap.exitStatus(for: number)
    }
  }
}
