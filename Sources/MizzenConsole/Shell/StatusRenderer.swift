/// The status row: the prompt while one is open, else the message of the moment, if any,
/// followed by the key hints.
enum StatusRenderer {
  static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

  static func draw(_ state: ConsoleState, row: Int, _ frame: inout Frame) {
    frame.clear(row: row, role: .status)
    let width = frame.width
    if let prompt = state.prompt {
      let lead = prompt.kind == .filter ? "/" : ":"
      frame.draw(lead, row: row, column: 0, width: 1, role: .input)
      let window = prompt.input.window(width: width - 2)
      frame.draw(window.text, row: row, column: 1, width: width - 2, role: .input)
      frame.cursor = Position(row: row, column: 1 + window.cursorColumn)
      if prompt.kind == .command {
        let used = 2 + DisplayWidth.of(window.text)
        let matches = PromptActions.candidates(state, prompt.input.text).map { ":" + $0 }
        if !prompt.input.text.isEmpty && used + 4 < width {
          frame.draw(
            matches.joined(separator: " "), row: row, column: used + 1, width: width - used - 1,
            role: .dim)
        }
      }
      return
    }
    var column = 0
    if state.saveInFlight {
      let glyph = spinner[state.ticks % spinner.count]
      column += frame.draw("\(glyph) saving ", row: row, column: 0, width: width, role: .status)
    }
    var hints = hints(state)
    if let message = state.status {
      let role: Role
      switch message.level {
      case .info: role = .status
      case .success: role = .success
      case .warning: role = .warning
      case .error: role = .error
      }
      // The hints stay in view: a long message is cut (`:messages` shows it whole) so that
      // they keep at least two fifths of the row, help first, as it leads to every key.
      hints = hints.filter(\.isHelp) + hints.filter { !$0.isHelp }
      let room = width - column
      let hintsWidth = hints.reduce(0) { $0 + $1.width }
      let limit = hintsWidth == 0 ? room : max(room - hintsWidth - 2, room * 3 / 5)
      column += frame.draw(
        TextFit.truncate(message.text, to: limit), row: row, column: column, width: limit,
        role: role)
      column += 2
    }
    var x = column
    for hint in hints {
      // A hint that does not fit is left out, but a shorter one after it (? help) may fit.
      guard x + hint.width <= width else { continue }
      x += frame.draw(" " + hint.key, row: row, column: x, width: width - x, role: .hintKey)
      x += frame.draw(" " + hint.text + " ", row: row, column: x, width: width - x, role: .hint)
    }
  }

  /// The hint strip, read from the binding table; keys that cannot act now are left out
  /// (so dangerous ones vanish under `--read-only`, and `t` shows only where it can send).
  private static func hints(_ state: ConsoleState)
    -> [(key: String, text: String, width: Int, isHelp: Bool)]
  {
    let contexts = KeyDispatch.contexts(state)
    let typing = TestSendActions.isTyping(state) || LookupActions.isTyping(state)
    var found: [(key: String, text: String, width: Int, isHelp: Bool)] = []
    for binding in state.options.bindings.bindings(in: contexts) where binding.inHints {
      if binding.keys.isEmpty || binding.disabledReason(state) != nil { continue }
      // While a value is typed, printable keys are text: offer F1 for help instead of ?.
      if typing ? binding.keys.allSatisfy(\.isPrintable) : binding.keys == [.function(1)] {
        continue
      }
      let key = binding.keys[0].label
      let width = DisplayWidth.of(key) + DisplayWidth.of(binding.hintText) + 3
      found.append((key, binding.hintText, width, binding.action == .help))
    }
    return found
  }
}
