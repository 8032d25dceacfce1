import MizzenCore

/// Text typed at once (the printable characters of one read from the terminal) or pasted:
/// where it goes, and what is left out.
///
/// When a text input has the focus (a form field, the `/` filter, the `:` line, a
/// test-send value) the whole run is one insertion, so the filter narrows once per run and
/// a long paste costs its length, not its length squared. Elsewhere each typed character
/// is a key press; pasted text is refused, so that a paste over a list never runs its keys.
enum TypedText {
  /// Types `text` into whatever has the focus, as one edit where a text input takes it.
  static func typed(_ state: inout ConsoleState, _ text: String, pasted: Bool) -> [Effect] {
    var effects: [Effect] = []
    var rest = Substring(text)
    while let first = rest.first {
      if edit(&state, .text(rest)) { break }
      if pasted {
        state.flash("Nothing here takes pasted text: paste into a field, / or :.", .warning)
        return effects
      }
      if !first.unicodeScalars.contains(where: TextInput.refuses) {
        effects += KeyDispatch.dispatch(&state, .character(first))
      }
      rest = rest.dropFirst()
    }
    let refused = Array(text.unicodeScalars.lazy.filter(TextInput.refuses))
    if !refused.isEmpty { state.flash(refusal(refused), .warning) }
    return effects
  }

  /// Gives an edit to the text input with the focus; false when none has it or the key
  /// does not edit text.
  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    let contexts = KeyDispatch.contexts(state)
    if contexts == [.prompt] { return PromptActions.edit(&state, edit) }
    if contexts == [.chooser] { return OverlayActions.chooserEdit(&state, edit) }
    if contexts.contains(.form) { return FormActions.edit(&state, edit) }
    if contexts[0] == .testSend { return TestSendActions.edit(&state, edit) }
    if contexts[0] == .lookup { return LookupActions.edit(&state, edit) }
    return false
  }

  /// The message for control characters left out of typed or pasted text.
  static func refusal(_ scalars: [Unicode.Scalar]) -> String {
    var names: [String] = []
    for scalar in scalars {
      let name = Self.name(scalar)
      if !names.contains(name) { names.append(name) }
    }
    let count = scalars.count
    let listed = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "")
    return "Left out \(count) control character\(count == 1 ? "" : "s") (\(listed)): "
      + "text here is printable characters only."
  }

  private static func name(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x09: return "tab"
    case 0x0A: return "line feed"
    case 0x0D: return "carriage return"
    case 0x1B: return "escape"
    default: return TerminalText.codePoint(scalar)
    }
  }
}
