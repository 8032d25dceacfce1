import ArgumentParser
import Foundation
import MizzenConsole
import MizzenCore
import MizzenTerminal

/// `mizzen config`: checks the user's config.json, or prints every default (SPEC §10).
struct ConfigCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Check the config file, or print its defaults.",
    discussion: """
      The config file is $XDG_CONFIG_HOME/mizzen/config.json, else \
      ~/.config/mizzen/config.json. It is optional; it may set keys (action name → list \
      of keys), theme (role → colours, e.g. "black on cyan bold") and mouse (true or \
      false, default false). Entries that are unknown or invalid are reported with their \
      path and ignored; the console reports them on standard error when it starts. A \
      remapped action has exactly its listed keys wherever it is bound; a remap that takes \
      a key of another action there is reported and ignored.

      Without --defaults, prints each problem of the file. With --defaults, prints every \
      default as a config.json that can be copied and edited.

      Exit status: 0 no problems (or no file); 1 some entries are ignored; 2 the file is \
      not readable JSON.
      """
  )

  @Flag(help: "Print every default as JSON.")
  var defaults = false

  func run() async throws {
    if defaults {
      print(Self.defaultsJSON(), terminator: "")
      return
    }
    let path = MizzenConfig.path(environment: ProcessInfo.processInfo.environment)
    switch ConfigReader.read(path: path, vocabulary: Self.vocabulary) {
    case .missing:
      printText("No config file at \(path); the defaults apply (mizzen config --defaults).")
    case .unreadable(let message):
      printError(command: "config", message)
      throw ExitCode(2)
    case .read(let config, let read):
      let problems = read + BindingTable.remapped(config.keys).problems
      guard !problems.isEmpty else {
        printText("No problems in \(path).")
        return
      }
      printText(problems.map(\.description))
      let count = problems.count == 1 ? "1 entry is" : "\(problems.count) entries are"
      printText("\(count) ignored in \(path).")
      throw ExitCode(1)
    }
  }

  /// The action and role names a config file may use.
  static let vocabulary = ConfigVocabulary(
    actions: Action.allCases.map(\.rawValue), roles: Role.allCases.map(\.name))

  /// Reads the user's config for the console, with its keys (the defaults and the file's
  /// remaps); its problems go to standard error, since the console cannot show them
  /// before it starts.
  static func userConfig(environment: [String: String]) -> (
    config: MizzenConfig, bindings: BindingTable
  ) {
    let reading = ConfigReader.read(
      path: MizzenConfig.path(environment: environment), vocabulary: vocabulary)
    let remapped = BindingTable.remapped(reading.config.keys)
    switch reading {
    case .missing: break
    case .unreadable(let message): printError(message + "; the defaults apply.")
    case .read(_, let problems):
      (problems + remapped.problems).forEach { printError($0.description + " (ignored)") }
    }
    return (reading.config, remapped.table)
  }

  /// Every default, in the shape of config.json.
  static func defaultsJSON() -> String {
    let document = JSONValue.object([
      JSONMember(
        "keys",
        .object(
          BindingTable.defaultKeys.map { action, keys in
            JSONMember(action.rawValue, .array(keys.map { .string($0.configName) }))
          })),
      JSONMember("mouse", .bool(MizzenConfig.defaultMouse)),
      JSONMember(
        "theme",
        .object(
          Role.allCases.map { role in
            JSONMember(role.name, .string(ColorScheme.defaultTheme[role.name]?.text ?? ""))
          })),
    ])
    return String(decoding: JSONWriter.write(document), as: UTF8.self)
  }
}
