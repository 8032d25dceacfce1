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

/// One row of the binding table: keys, the action they trigger, and how to present it.
public struct Binding: Equatable, Sendable {
  public var keys: [Key]
  public var action: Action
  public var context: BindingContext
  public var description: String
  /// Shown in the hint strip at the bottom of the screen.
  public var inHints: Bool
  /// The words in the hint strip: the description, or a shorter form where it is long.
  public var hintText: String

  public init(
    _ keys: [Key], _ action: Action, _ context: BindingContext, _ description: String,
    hint: Bool = false
  ) {
    self.keys = keys
    self.action = action
    self.context = context
    self.description = description
    self.inHints = hint
    self.hintText = description
  }

  /// A binding shown in the hint strip as `hint` rather than its longer description.
  public init(
    _ keys: [Key], _ action: Action, _ context: BindingContext, _ description: String,
    hint: String
  ) {
    self.init(keys, action, context, description, hint: true)
    self.hintText = hint
  }

  /// Changes the workspace, so `--read-only` strips it.
  public var isDangerous: Bool { action.isDangerous }

  /// The keys as people read them, e.g. "↑ k".
  public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
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
