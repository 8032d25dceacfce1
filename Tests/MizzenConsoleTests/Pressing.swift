import MizzenConsole
import MizzenCore
import Testing

/// Triggers actions by name, as a person would reach them: each action's binding is looked
/// up where the console is now, and its key is pressed (or, for an action that only a `:`
/// command runs, the command is typed). An action that nothing binds here fails the test,
/// since the binding table is the only way to reach an action; a test so reads as what it
/// does, not as keys whose meaning depends on a screen's layout.
@discardableResult
func trigger(
  _ state: inout ConsoleState, _ actions: Action...,
  sourceLocation: SourceLocation = #_sourceLocation
) -> [Effect] {
  var effects: [Effect] = []
  for action in actions {
    effects += trigger(&state, action, sourceLocation: sourceLocation)
  }
  return effects
}

private func trigger(
  _ state: inout ConsoleState, _ action: Action, sourceLocation: SourceLocation
) -> [Effect] {
  let contexts = ConsoleModel.bindingContexts(state)
  let table = state.options.bindings
  guard let binding = table.bindings(in: contexts).first(where: { $0.action == action }) else {
    Issue.record(
      "\(action.rawValue) has no binding in \(contexts.map(\.rawValue)): it cannot be reached",
      sourceLocation: sourceLocation)
    return []
  }
  // The first of its keys that reaches it here: an earlier context may take another.
  if let key = binding.keys.first(where: { table.binding(for: $0, in: contexts) == binding }) {
    return ConsoleModel.update(&state, .key(key))
  }
  guard let name = binding.commands.first else {
    Issue.record(
      "no key reaches \(action.rawValue) in \(contexts.map(\.rawValue)), and it has no command",
      sourceLocation: sourceLocation)
    return []
  }
  return command(&state, name, sourceLocation: sourceLocation)
}

/// Runs a `:` command: opens the line through its binding, types `text`, accepts it.
@discardableResult
func command(
  _ state: inout ConsoleState, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
) -> [Effect] {
  var effects = trigger(&state, .command, sourceLocation: sourceLocation)
  guard state.prompt?.kind == .command else {
    Issue.record("the : line did not open", sourceLocation: sourceLocation)
    return effects
  }
  effects += ConsoleModel.update(&state, .text(text))
  effects += trigger(&state, .accept, sourceLocation: sourceLocation)
  return effects
}

/// Presses the button of the open dialog whose label starts with `label` ("Delete" for
/// "Delete with 2 channels"), moving the focus to it with the dialog's own keys, whatever
/// the order of its buttons.
@discardableResult
func pressButton(
  _ state: inout ConsoleState, _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> [Effect] {
  guard case .dialog(let dialog) = state.overlay else {
    Issue.record("no dialog is open to press “\(label)” in", sourceLocation: sourceLocation)
    return []
  }
  guard let wanted = dialog.buttons.firstIndex(where: { $0.hasPrefix(label) }) else {
    Issue.record(
      "the dialog “\(dialog.title)” has no button “\(label)”: \(dialog.buttons)",
      sourceLocation: sourceLocation)
    return []
  }
  var effects: [Effect] = []
  for _ in dialog.buttons {
    guard case .dialog(let open) = state.overlay, open.focus != wanted else { break }
    effects += trigger(&state, .nextButton, sourceLocation: sourceLocation)
  }
  return effects + trigger(&state, .confirm, sourceLocation: sourceLocation)
}
