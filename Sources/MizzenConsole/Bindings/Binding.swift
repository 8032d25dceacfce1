/// Where a binding applies. The console is in exactly one context at a time, except that
/// `.global` bindings also apply in `.list`, and `.form` bindings also apply on a
/// `.formRow` (a row of a list editor inside a form).
public enum BindingContext: String, CaseIterable, Sendable {
  case global
  case list
  case form
  case formRow
  case chooser
  case dialog
  case prompt
  case help
  case testSend
  case journalEntry
  case lookup
  case reconcile

  /// The heading of this context in the help overlay.
  public var title: String {
    switch self {
    case .global: return "Everywhere in lists"
    case .list: return "List"
    case .form: return "Form"
    case .formRow: return "Identity mapping rows"
    case .chooser: return "Choosing from a list"
    case .dialog: return "Dialogs"
    case .prompt: return "Filter and command line"
    case .help: return "Help"
    case .testSend: return "Test-send"
    case .journalEntry: return "Journal entry (History)"
    case .lookup: return "Look up a person"
    case .reconcile: return "Reconcile (:reconcile FILE)"
    }
  }
}

/// One row of the binding table: keys and `:` commands, the action they trigger, what it
/// needs to run, and how to present it.
public struct Binding: Equatable, Sendable {
  /// The keys, in the order help lists them; none for an action only a `:` command runs.
  public var keys: [Key]
  /// The names the `:` line knows it by (`q`, `quit`), lower case, without the `:`.
  public var commands: [String]
  /// What a `:` command takes after its name (`FILE`), as help and the command list show
  /// it; nil when it takes nothing. The rest of the line reaches the action
  /// (`KeyDispatch.run`'s `argument`).
  public var argument: String?
  public var action: Action
  public var context: BindingContext
  public var description: String
  /// What must hold for the action to run; the first unmet one is the reason it is off.
  public var requires: [BindingRequirement]
  /// Shown in the hint strip at the bottom of the screen.
  public var inHints: Bool
  /// The words in the hint strip: the description, or a shorter form where it is long.
  public var hintText: String

  public init(
    _ keys: [Key], _ action: Action, _ context: BindingContext, _ description: String,
    hint: Bool = false, commands: [String] = [], argument: String? = nil,
    requires: [BindingRequirement] = []
  ) {
    self.keys = keys
    self.commands = commands
    self.argument = argument
    self.action = action
    self.context = context
    self.description = description
    self.requires = requires
    self.inHints = hint
    self.hintText = description
  }

  /// A binding shown in the hint strip as `hint` rather than its longer description.
  public init(
    _ keys: [Key], _ action: Action, _ context: BindingContext, _ description: String,
    hint: String, commands: [String] = [], requires: [BindingRequirement] = []
  ) {
    self.init(
      keys, action, context, description, hint: true, commands: commands, requires: requires)
    self.hintText = hint
  }

  /// Changes the workspace, so `--read-only` strips it.
  public var isDangerous: Bool { action.isDangerous }

  /// The keys as people read them, then the `:` commands, e.g. "↑ k", "q :q :quit".
  public var keyLabel: String {
    (keys.map(\.label) + commandLabels).joined(separator: " ")
  }

  /// The `:` commands as typed, e.g. ":q", ":reconcile FILE".
  public var commandLabels: [String] {
    commands.map { ":" + $0 + (argument.map { " " + $0 } ?? "") }
  }

  /// How messages name the binding: its first key, else its first `:` command.
  public var firstLabel: String {
    keys.first?.label ?? commands.first.map { ":" + $0 } ?? action.rawValue
  }
}

extension Key {
  /// How the key is written in hints and help.
  public var label: String {
    switch self {
    case .character(" "): return "space"
    case .character(let character): return String(character)
    case .control(let character): return "ctrl-" + String(character)
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .enter: return "enter"
    case .escape: return "esc"
    case .tab: return "tab"
    case .backTab: return "shift-tab"
    case .backspace: return "backspace"
    case .delete: return "delete"
    case .insert: return "Insert"
    case .function(let number): return "F\(number)"
    }
  }
}

extension Key {
  /// True for a key that types a character into a text field.
  var isPrintable: Bool {
    if case .character = self { return true }
    return false
  }
}
