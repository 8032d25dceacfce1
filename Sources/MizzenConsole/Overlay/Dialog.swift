/// A modal question with buttons. The first button is the safe one and has the focus, so
/// a stray enter never deletes or discards anything.
public struct Dialog: Equatable, Sendable {
  /// What the dialog is about, which decides what its buttons do.
  public enum Purpose: Equatable, Sendable {
    /// Buttons: Cancel, Delete, and for a connection whose channels can go elsewhere,
    /// Move to… (which opens a chooser of connections).
    case deleteRecord(RecordRef)
    /// Buttons: Keep editing, Discard changes.
    case discardForm
    /// Buttons: Keep my change, Reload from disk.
    case conflict
    /// Buttons: Cancel, Quit without saving.
    case quitUnsaved
    /// Buttons: Cancel, Re-apply my changes, Drop them.
    case reloadUnsaved
    /// Something to read, e.g. a connection check's result. Button: Close.
    case notice
  }

  public var purpose: Purpose
  public var title: String
  public var lines: [String]
  public var buttons: [String]
  public var focus: Int = 0
  /// The first line shown, when the lines do not fit the screen.
  public internal(set) var scroll = 0

  public init(purpose: Purpose, title: String, lines: [String], buttons: [String]) {
    self.purpose = purpose
    self.title = title
    self.lines = lines
    self.buttons = buttons
  }

  /// The label of the focused button.
  public var focusedButton: String { buttons[focus] }
}

/// The list that opens from a choice field or a list-editor cell, or that picks the
/// connection taking over a deleted connection's channels.
public struct Chooser: Equatable, Sendable {
  /// What choosing an option does.
  public enum Purpose: Equatable, Sendable {
    /// Sets the choice of the form at this stop.
    case setChoice(FocusStop)
    /// Deletes this connection and moves its channels to the chosen connection (the
    /// options are connection codes).
    case moveChannels(RecordRef)
  }

  public var title: String
  public var options: [String]
  /// The option with the highlight, an index into `options`.
  public var selected: Int
  public var purpose: Purpose
  /// What was typed to narrow the options: each keeps its place, the others are hidden.
  public internal(set) var filter = TextInput()

  /// A chooser that sets the form's choice at `target`.
  public init(title: String, options: [String], selected: Int, target: FocusStop) {
    self.init(title: title, options: options, selected: selected, purpose: .setChoice(target))
  }

  public init(title: String, options: [String], selected: Int, purpose: Purpose) {
    self.title = title
    self.options = options
    self.selected = selected
    self.purpose = purpose
  }
}

extension Chooser {
  /// The options that match the filter (case and accents folded), as indices.
  public var visible: [Int] {
    let wanted = SearchKey.folded(filter.text)
    if wanted.isEmpty { return Array(options.indices) }
    return options.indices.filter { SearchKey.folded(options[$0]).contains(wanted) }
  }

  /// Moves the highlight `delta` matching options along, clamped to the ends.
  mutating func move(by delta: Int) {
    let shown = visible
    guard !shown.isEmpty else { return }
    let at = shown.firstIndex(of: selected) ?? 0
    selected = shown[max(0, min(shown.count - 1, at + delta))]
  }

  /// Applies a key or typed text to the filter; false when it does not edit text. The
  /// highlight stays on its option while that matches, else goes to the first match.
  mutating func editFilter(_ edit: TextInput.Edit) -> Bool {
    // Home, End and the arrows move in the list, not in what was typed.
    switch edit {
    case .text, .key(.character), .key(.backspace), .key(.control("u")), .key(.control("w")):
      break
    default:
      return false
    }
    guard filter.apply(edit) else { return false }
    let shown = visible
    if !shown.contains(selected), let first = shown.first { selected = first }
    return true
  }
}

/// What is drawn over the screen, taking the keys until it closes.
public enum Overlay: Equatable, Sendable {
  case help(scroll: Int)
  case dialog(Dialog)
  case chooser(Chooser)
}

/// A line of input in the status row: the filter (`/`) or the command line (`:`).
public struct Prompt: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case filter
    case command
  }

  public var kind: Kind
  public var input: TextInput
  /// The filter before the prompt opened, restored when it is cancelled.
  public var previousFilter: String
  /// Which earlier command ↑ ↓ show, counted back from the newest; nil while typing.
  public var historyPosition: Int?

  public init(kind: Kind, input: TextInput, previousFilter: String = "") {
    self.kind = kind
    self.input = input
    self.previousFilter = previousFilter
  }
}
