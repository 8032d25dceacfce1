/// The filter (`/`) and the command line (`:`) in the status row.
///
/// A `:` command is another name of a binding (``Binding/commands``): the line finds the
/// binding in the binding table, and runs it as its key would, refused with the same reason
/// (`KeyDispatch.run`). Completion and the list of commands read the same table.
enum PromptActions {
  /// The `:` commands that work where the line was opened, in table order, each with its
  /// binding (the contexts under the prompt, and under the list of commands over it).
  static func commands(_ state: ConsoleState) -> [(name: String, binding: Binding)] {
    var under = state
    under.prompt = nil
    under.overlay = nil
    var found: [(name: String, binding: Binding)] = []
    for binding in state.options.bindings.bindings(in: KeyDispatch.contexts(under)) {
      for name in binding.commands where !found.contains(where: { $0.name == name }) {
        found.append((name, binding))
      }
    }
    return found
  }

  /// A typed command: its name (trimmed, without a leading `:`, in lower case) and the rest
  /// of the line after a space, as typed but trimmed (nil when there is none), which an
  /// argument-taking command receives.
  struct Typed: Equatable {
    var name: String
    var argument: String?

    init(_ text: String) {
      var line = Substring(text.trimmingCharacters(in: .whitespaces))
      while line.first == ":" { line.removeFirst() }
      line = line.drop(while: \.isWhitespace)
      if let space = line.firstIndex(where: \.isWhitespace) {
        name = line[..<space].lowercased()
        let rest = line[space...].trimmingCharacters(in: .whitespaces)
        argument = rest.isEmpty ? nil : rest
      } else {
        name = line.lowercased()
        argument = nil
      }
    }

    /// As the line is remembered and quoted: the name, then the argument.
    var normalized: String { argument.map { name + " " + $0 } ?? name }
  }

  /// A typed command as it is matched and remembered: trimmed, without a leading `:`, its
  /// name in lower case.
  static func normalized(_ text: String) -> String { Typed(text).normalized }

  /// Typing into the prompt; the filter applies as you type. True when the key edited.
  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard var prompt = state.prompt, prompt.input.apply(edit) else { return false }
    state.prompt = prompt
    if prompt.kind == .filter {
      let text = prompt.input.text
      ListActions.withActiveList(&state) { $0.setFilter(text) }
    }
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

  /// The commands whose name starts with the name typed in `text` (with what it takes
  /// after it, when something is typed after the name).
  static func candidates(_ state: ConsoleState, _ text: String) -> [String] {
    let typed = Typed(text)
    return commands(state).filter { $0.name.hasPrefix(typed.name) }.map { command in
      guard typed.argument != nil, let argument = command.binding.argument else {
        return command.name
      }
      return command.name + " " + argument
    }
  }

  private static func complete(_ state: inout ConsoleState, _ prompt: Prompt) {
    let all = commands(state)
    let typed = Typed(prompt.input.text)
    if typed.name.isEmpty {
      // Nothing typed yet: tab lists every command with what it does, and its keys.
      let lines = all.map { command in
        let binding = command.binding
        let keys = binding.keys.map(\.label).joined(separator: " ")
        let name = command.name + (binding.argument.map { " " + $0 } ?? "")
        return ":" + TextFit.pad(name, to: 12) + binding.description
          + (keys.isEmpty ? "" : " (\(keys))")
      }
      state.overlay = .dialog(
        Dialog(purpose: .notice, title: "Commands", lines: lines, buttons: ["Close"]))
      return
    }
    // After the name, the argument is typed whole: tab completes names only.
    guard typed.argument == nil else { return }
    let found = all.map(\.name).filter { $0.hasPrefix(typed.name) }
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

  /// Runs the command line: the binding whose command is the name typed (or the only one
  /// it begins), through `KeyDispatch.run`, with the rest of the line as its argument.
  static func run(_ state: inout ConsoleState, _ text: String) -> [Effect] {
    let typed = Typed(text)
    let all = commands(state)
    let found =
      all.first { $0.name == typed.name }.map { [$0] }
      ?? all.filter { $0.name.hasPrefix(typed.name) }
    guard found.count == 1, !typed.name.isEmpty else {
      let known = all.map { ":" + $0.name }.joined(separator: " ")
      state.flash("Unknown command “:\(typed.normalized)”. Commands: \(known)", .error)
      return []
    }
    let binding = found[0].binding
    if typed.argument != nil && binding.argument == nil {
      state.flash("“:\(found[0].name)” takes nothing after it.", .error)
      return []
    }
    return KeyDispatch.run(
      &state, binding, in: KeyDispatch.contexts(state), argument: typed.argument)
  }

  /// `:messages`: the last messages whole, shown afresh, not stacked on an older copy of
  /// itself.
  static func showMessages(_ state: inout ConsoleState) {
    if case .journalEntry(let view) = state.screens.last, view.isMessages {
      state.screens.removeLast()
    }
    state.screens.append(.journalEntry(JournalEntryView(messages: state.messageLog)))
  }

  /// `:w`: there is nothing to write by hand, as every change is saved when it is made.
  static func sayHowSaved(_ state: inout ConsoleState) {
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
  static func allowWriting(_ state: inout ConsoleState) {
    guard state.options.readOnly else {
      state.flash("The file is writable: every change is saved as it is made.", .info)
      return
    }
    // Under --read-only the binding's requirement (readOnlyByFile) has refused.
    guard let reason = state.options.readOnlyReason else { return }
    state.options.readOnly = false
    state.options.readOnlyReason = nil
    state.flash(
      "Changes allowed: saves now write over the file, although \(reason.detail).", .warning)
  }

  static func showProblems(_ state: inout ConsoleState) {
    // An empty list: `refreshDerived` makes its search keys, as for every later version.
    if case .problems = state.screens.last { state.screens.removeLast() }
    state.screens.append(.problems(ListState()))
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
