/// The filter (`/`) and the command line (`:`) in the status row.
enum PromptActions {
  /// The commands of the `:` line, with what they do (shown while completing).
  static let commands: [(name: String, summary: String)] = [
    ("connections", "show Connections"),
    ("topics", "show Topics"),
    ("spaces", "show Identity spaces"),
    ("properties", "show Properties"),
    ("history", "show History"),
    ("problems", "list every problem of the workspace"),
    ("help", "show the keys"),
    ("messages", "show the last 100 messages whole"),
    ("w", "say whether every change is saved"),
    ("w!", "allow changes and saves to a file opened read-only"),
    ("q", "quit"),
    ("quit", "quit"),
  ]

  /// A typed command as it is matched and remembered: trimmed, without a leading `:`, in
  /// lower case.
  static func normalized(_ text: String) -> String {
    var command = Substring(text.trimmingCharacters(in: .whitespaces))
    while command.first == ":" { command.removeFirst() }
    return command.trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// Typing into the prompt; the filter applies as you type. True when the key edited.
  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard var prompt = state.prompt, prompt.input.apply(edit) else { return false }
    state.prompt = prompt
    if prompt.kind == .filter {
      let text = prompt.input.text
      ListActions.withActiveList(&state) { $0.setFilter(text) }
    }
    prompt = state.prompt ?? prompt
    return true
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard let prompt = state.prompt else { return [] }
    switch action {
    case .back:
      state.prompt = nil
      if prompt.kind == .filter {
        ListActions.withActiveList(&state) { $0.setFilter(prompt.previousFilter) }
      }
    case .accept:
      state.prompt = nil
      if prompt.kind == .command {
        remember(&state, prompt.input.text)
        return run(&state, prompt.input.text)
      }
      let count = ListActions.activeList(state)?.visible.count ?? 0
      state.flash("\(count) match\(count == 1 ? "" : "es"); esc clears the filter.", .info)
    case .complete:
      guard prompt.kind == .command else { return [] }
      complete(&state, prompt)
    case .moveUp, .moveDown:
      guard prompt.kind == .command else { return [] }
      recall(&state, prompt, earlier: action == .moveUp)
    default: break
    }
    return []
  }

  /// The commands that start with `prefix`.
  static func candidates(_ prefix: String) -> [String] {
    let wanted = normalized(prefix)
    return commands.map(\.name).filter { $0.hasPrefix(wanted) }
  }

  private static func complete(_ state: inout ConsoleState, _ prompt: Prompt) {
    let found = candidates(prompt.input.text)
    if found.count == commands.count {
      // Nothing typed yet: tab lists every command with what it does.
      let lines = commands.map { ":" + TextFit.pad($0.name, to: 12) + $0.summary }
      state.overlay = .dialog(
        Dialog(purpose: .notice, title: "Commands", lines: lines, buttons: ["Close"]))
      return
    }
    guard let first = found.first else {
      state.flash("No command starts with “\(prompt.input.text)”.", .warning)
      return
    }
    var common = first
    for other in found.dropFirst() {
      while !other.hasPrefix(common) { common.removeLast() }
    }
    var updated = prompt
    updated.input.set(common)
    state.prompt = updated
    if found.count > 1 { state.flash(found.map { ":" + $0 }.joined(separator: "  "), .info) }
  }

  private static func run(_ state: inout ConsoleState, _ text: String) -> [Effect] {
    let typed = normalized(text)
    let found = commands.map(\.name).contains(typed) ? [typed] : candidates(typed)
    guard found.count == 1, !typed.isEmpty else {
      let known = commands.map { ":" + $0.name }.joined(separator: " ")
      state.flash("Unknown command “:\(typed)”. Commands: \(known)", .error)
      return []
    }
    switch found[0] {
    case "connections": ListActions.show(&state, .connections)
    case "topics": ListActions.show(&state, .topics)
    case "spaces": ListActions.show(&state, .identitySpaces)
    case "properties": ListActions.show(&state, .properties)
    case "history":
      // As with 5: History is read afresh each time it is shown.
      ListActions.show(&state, .history)
      return [.signal(.loadJournal)]
    case "problems": showProblems(&state)
    case "help": state.overlay = .help(scroll: 0)
    case "messages":
      // Shown afresh, not stacked on an older copy of itself.
      if case .journalEntry(let view) = state.screens.last, view.isMessages {
        state.screens.removeLast()
      }
      state.screens.append(.journalEntry(JournalEntryView(messages: state.messageLog)))
    case "w": sayHowSaved(&state)
    case "w!": allowWriting(&state)
    default: return ListActions.quit(&state)
    }
    return []
  }

  /// `:w`: there is nothing to write by hand, as every change is saved when it is made.
  private static func sayHowSaved(_ state: inout ConsoleState) {
    if state.options.readOnly {
      state.flash(ConsoleModel.readOnlyMessage(state.options) + " :w! allows saves.", .warning)
    } else if state.saveInFlight {
      state.flash("A save is under way: every change is saved as it is made.", .info)
    } else {
      state.flash("Nothing to write: every change was saved as it was made.", .success)
    }
  }

  /// `:w!`: the explicit choice to write a file that opened read-only because of its mode,
  /// owner or folder. `--read-only`, asked for by the admin, is not lifted.
  private static func allowWriting(_ state: inout ConsoleState) {
    guard state.options.readOnly else {
      state.flash("The file is writable: every change is saved as it is made.", .info)
      return
    }
    guard let reason = state.options.readOnlyReason else {
      state.flash(ConsoleModel.readOnlyMessage(state.options), .warning)
      return
    }
    state.options.readOnly = false
    state.options.readOnlyReason = nil
    state.flash(
      "Changes allowed: saves now write over the file, although \(reason.detail).", .warning)
  }

  static func showProblems(_ state: inout ConsoleState) {
    var list = ListState()
    list.reload(
      searchKeys: state.problems.map { SearchKey.folded($0.path.description + " " + $0.message) })
    if case .problems = state.screens.last { state.screens.removeLast() }
    state.screens.append(.problems(list))
    if state.problems.isEmpty { state.flash("No problems: the workspace is valid.", .success) }
  }

  /// Keeps a command for ↑ ↓: not blank, once only (run again, it becomes the newest),
  /// at most 50.
  private static func remember(_ state: inout ConsoleState, _ text: String) {
    let command = normalized(text)
    guard !command.isEmpty else { return }
    state.commandHistory.removeAll { $0 == command }
    state.commandHistory.append(command)
    if state.commandHistory.count > 50 { state.commandHistory.removeFirst() }
  }

  /// Shows an earlier (↑) or later (↓) command; past the newest the line is empty again.
  private static func recall(_ state: inout ConsoleState, _ prompt: Prompt, earlier: Bool) {
    let history = state.commandHistory
    guard !history.isEmpty else {
      state.flash("No earlier commands yet.", .info)
      return
    }
    var updated = prompt
    let current = prompt.historyPosition
    if earlier {
      updated.historyPosition = min((current ?? -1) + 1, history.count - 1)
    } else if let current, current > 0 {
      updated.historyPosition = current - 1
    } else {
      updated.historyPosition = nil
    }
    if let position = updated.historyPosition {
      updated.input.set(history[history.count - 1 - position])
    } else {
      updated.input.set("")
    }
    state.prompt = updated
  }
}
