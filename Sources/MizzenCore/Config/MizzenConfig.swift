import Foundation

/// The user's settings from `config.json` (SPEC §10): key remaps by action name, a theme by
/// role, and whether the console takes the mouse. Every entry is optional; what is absent
/// or refused keeps its default.
public struct MizzenConfig: Equatable, Sendable {
  /// Action name (`move.down`) → the keys that do it (`["down", "j"]`).
  public var keys: [String: [String]] = [:]
  /// Role name (`selection`) → its look.
  public var theme: [String: ThemeStyle] = [:]
  /// Off by default: with the mouse on, the terminal's own text selection needs shift,
  /// and the console only answers the wheel and clicks on rows.
  public var mouse = MizzenConfig.defaultMouse

  public static let defaultMouse = false

  public init() {}

  /// `$XDG_CONFIG_HOME/mizzen/config.json`, else `~/.config/mizzen/config.json`. An empty
  /// or relative `XDG_CONFIG_HOME` is ignored, as the XDG specification says.
  public static func path(environment: [String: String]) -> String {
    if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
      return base + "/mizzen/config.json"
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.config/mizzen/config.json"
  }
}

/// The names a config file may use, which the console knows and the core does not.
public struct ConfigVocabulary: Sendable {
  public var actions: [String]
  public var roles: [String]

  public init(actions: [String], roles: [String]) {
    self.actions = actions
    self.roles = roles
  }
}

/// How reading `config.json` went.
public enum ConfigReading: Equatable, Sendable {
  /// No file: every default applies.
  case missing
  /// Read; `problems` lists the entries that were ignored.
  case read(MizzenConfig, problems: [ConfigProblem])
  /// The file exists but is not readable JSON (or not an object): nothing of it applies.
  case unreadable(String)

  /// The settings to use: the defaults unless the file was read.
  public var config: MizzenConfig {
    if case .read(let config, _) = self { return config }
    return MizzenConfig()
  }
}
