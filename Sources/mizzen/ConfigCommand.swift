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
      path and ignored; the console reports them on standard error when it starts.

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
    case .read(let config, let problems) where problems.isEmpty:
      printText("No problems in \(path).")
      Self.noteKeys(config)
    case .read(let config, let problems):
      Self.noteKeys(config)
      printText(problems.map(\.description))
      let count = problems.count == 1 ? "1 entry is" : "\(problems.count) entries are"
      printText("\(count) ignored in \(path).")
      throw ExitCode(1)
    }
  }

  /// Key remaps are checked but the console's binding table is fixed for now; saying so
  /// beats a remap that silently does nothing.
  private static func noteKeys(_ config: MizzenConfig) {
    guard !config.keys.isEmpty else { return }
    printText("Note: keys are checked but not applied yet; the console keeps its default keys.")
  }

  /// The action and role names a config file may use.
  static let vocabulary = ConfigVocabulary(
    actions: Action.allCases.map(\.rawValue), roles: Role.allCases.map(\.name))

  /// Reads the user's config for the console; its problems go to standard error, since
  /// the console cannot show them before it starts.
  static func userConfig(environment: [String: String]) -> MizzenConfig {
    let reading = ConfigReader.read(
      path: MizzenConfig.path(environment: environment), vocabulary: vocabulary)
    switch reading {
    case .missing: break
    case .unreadable(let message): printError(message + "; the defaults apply.")
    case .read(_, let problems): problems.forEach { printError($0.description + " (ignored)") }
    }
    return reading.config
  }

  /// Every default, in the shape of config.json.
  static func defaultsJSON() -> String {
    var keys: [(String, [String])] = []
    for binding in BindingTable.all {
      let names = binding.keys.map(\.configName)
      if let index = keys.firstIndex(where: { $0.0 == binding.action.rawValue }) {
        keys[index].1 += names.filter { !keys[index].1.contains($0) }
      } else {
        keys.append((binding.action.rawValue, names))
      }
    }
    let document = JSONValue.object([
      JSONMember(
        "keys",
        .object(keys.map { JSONMember($0.0, .array($0.1.map(JSONValue.string))) })),
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

extension Key {
  /// How config.json writes the key (`ConfigKeyName`).
  var configName: String {
    switch self {
    case .character(" "): return "space"
    case .character(let character): return String(character)
    case .control(let character): return "ctrl-" + String(character)
    case .up: return "up"
    case .down: return "down"
    case .left: return "left"
    case .right: return "right"
    case .pageUp: return "pgup"
    case .pageDown: return "pgdn"
    case .home: return "home"
    case .end: return "end"
    case .enter: return "enter"
    case .escape: return "esc"
    case .tab: return "tab"
    case .backTab: return "shift-tab"
    case .backspace: return "backspace"
    case .delete: return "delete"
    case .insert: return "insert"
    case .function(let number): return "f\(number)"
    }
  }
}
