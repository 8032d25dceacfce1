import MizzenConsole
import MizzenCore

/// The look of every role, in colour and in monochrome, as one table (htop's `CRT.c` way).
///
/// Text sits on the terminal's own background; only bars, the selection, dialogs and
/// focused controls take a background colour. The monochrome scheme keeps every role that
/// matters apart with bold, reverse, underline and dim, so nothing depends on colour alone.
public enum ColorScheme: Sendable {
  case color
  case monochrome

  /// Whether colour should be used, before asking the terminal: not with `--no-color`, and
  /// not when `NO_COLOR` is set to anything non-empty (no-color.org).
  public static func colorWanted(noColorFlag: Bool, environment: [String: String]) -> Bool {
    if noColorFlag { return false }
    if let value = environment["NO_COLOR"], !value.isEmpty { return false }
    return true
  }

  /// How `role` looks; with colour, `theme` (from config.json, by role name) replaces the
  /// default look of the roles it names. Monochrome keeps its own attributes, so that a
  /// theme cannot make two roles that matter look alike without colour.
  func style(for role: Role, theme: [String: ThemeStyle] = [:]) -> RoleStyle {
    switch self {
    case .color: return theme[role.name].map(RoleStyle.init) ?? Self.colorStyle(role)
    case .monochrome: return Self.monochromeStyle(role)
    }
  }

  /// Every role's default look with colour, as `mizzen config --defaults` prints it.
  public static var defaultTheme: [String: ThemeStyle] {
    Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0.name, colorStyle($0).theme) })
  }

  private static func colorStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .normal: return RoleStyle()
    case .dim: return RoleStyle(.terminalDefault, on: .terminalDefault, .dim)
    case .header: return RoleStyle(.cyan, on: .terminalDefault, .bold)
    case .tab: return RoleStyle()
    case .tabActive: return RoleStyle(.black, on: .cyan, .bold)
    case .columnTitle: return RoleStyle(.green, on: .terminalDefault, .bold)
    case .selection: return RoleStyle(.black, on: .cyan)
    case .selectionDim: return RoleStyle(.black, on: .white)
    case .breadcrumb: return RoleStyle(.cyan)
    case .status: return RoleStyle()
    case .hintKey: return RoleStyle(.cyan, on: .terminalDefault, .bold)
    case .hint: return RoleStyle()
    case .error: return RoleStyle(.red, on: .terminalDefault, .bold)
    case .warning: return RoleStyle(.yellow, on: .terminalDefault, .bold)
    case .success: return RoleStyle(.green)
    case .input: return RoleStyle(.terminalDefault, on: .terminalDefault, .underline)
    case .inputFocus: return RoleStyle(.white, on: .blue, .bold)
    case .dialog: return RoleStyle(.white, on: .blue)
    case .dialogTitle: return RoleStyle(.yellow, on: .blue, .bold)
    case .dialogDim: return RoleStyle(.white, on: .blue, .dim)
    case .button: return RoleStyle(.white, on: .blue)
    case .buttonFocus: return RoleStyle(.black, on: .cyan, .bold)
    case .badge: return RoleStyle(.yellow, on: .terminalDefault, .bold)
    case .secret: return RoleStyle(.magenta)
    }
  }

  static func monochromeStyle(_ role: Role) -> RoleStyle {
    switch role {
    case .normal, .tab, .status, .breadcrumb, .success, .dialog, .button:
      return .plain()
    case .dim, .hint, .secret, .dialogDim: return .plain(.dim)
    case .header, .hintKey, .warning, .badge, .dialogTitle: return .plain(.bold)
    case .tabActive, .buttonFocus: return .plain([.reverse, .bold])
    case .columnTitle: return .plain([.bold, .underline])
    case .selection, .inputFocus: return .plain(.reverse)
    case .selectionDim, .input: return .plain(.underline)
    case .error: return .plain([.reverse, .bold])
    }
  }
}

extension Role {
  /// The role's name in config.json's `theme`: `selection`, `inputFocus`…
  public var name: String { String(describing: self) }
}
