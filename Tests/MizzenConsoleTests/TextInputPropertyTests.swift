import MizzenConsole
import MizzenCore
import MizzenTestSupport
import Testing

/// Random edits of hard text into every kind of text input: nothing traps, the cursor is
/// always between clusters, no control character gets in, and the drawn line never takes
/// more cells than its field. Seeded: a failure names its seed and replays.
@Suite struct TextInputPropertyTests {
  /// Text that has broken editors: combining marks (decomposed and stacked), ZWJ and
  /// skin-tone emoji, VS16, regional indicators (paired and lone), Devanagari conjuncts,
  /// Hangul in jamo, Arabic, CJK, and the control characters that must be refused.
  static let corpus: [String] = [
    "e\u{301}", "\u{301}", "Z\u{324}\u{354}\u{367}\u{311}", "❤️", "\u{FE0F}", "👍🏽", "\u{1F3FD}",
    "👩‍💻", "👨‍👩‍👧", "\u{200D}", "🇫🇷", "🇺🇸", "🇩", "नमस्ते", "क्षि", "\u{94D}",
    "\u{1100}\u{1161}\u{11A8}", "\u{1100}", "\u{1161}", "\u{11A8}", "مرحبا", "\u{644}\u{627}",
    "日本語", "東京", "a", "Mal", " ", "~", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}",
    "\u{9B}", "\u{202E}", "\u{2028}", "\u{0}",
  ]

  /// A small, fast, seeded generator (SplitMix64).
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
  }

  enum Step {
    case text(String)
    case key(Key)
  }

  /// One random edit: typed or pasted hard text, a move, or a deletion.
  static func step(_ random: inout Random) -> Step {
    switch random.below(10) {
    case 0...3:
      let count = 1 + random.below(3)
      return .text((0..<count).map { _ in corpus[random.below(corpus.count)] }.joined())
    default:
      let keys: [Key] = [.left, .right, .home, .end, .backspace, .delete, .left, .backspace]
      return .key(keys[random.below(keys.count)])
    }
  }

  static func isBoundary(_ input: TextInput) -> Bool {
    input.cursor == input.text.endIndex || input.text.indices.contains(input.cursor)
  }

  /// 10,000 sequences straight into `TextInput`, drawn at the widths the console uses.
  @Test func tenThousandSequencesKeepEveryInvariant() async {
    let seed: UInt64 = 0x6D69_7A7A_656E
    // Long and synchronous: on a thread of its own, off the pool the other tests share.
    let problems = await onOwnThread { Self.straightSequences(seed: seed) }
    #expect(problems.isEmpty, "\(problems.count) problems; the first: \(problems.prefix(5))")
  }

  /// What went wrong in 10,000 seeded sequences typed straight into a `TextInput`.
  static func straightSequences(seed: UInt64) -> [String] {
    var problems: [String] = []
    var random = Random(state: seed)
    for sequence in 0..<10_000 {
      var input = TextInput(sequence % 7 == 0 ? "Mae\u{301}l 👩‍💻" : "")
      for _ in 0..<(1 + random.below(12)) {
        switch Self.step(&random) {
        case .text(let text):
          if random.below(2) == 0 {
            _ = input.apply(.text(text[...]))
          } else {
            for character in text { _ = input.handle(.character(character)) }
          }
        case .key(let key): _ = input.handle(key)
        }
        if !Self.isBoundary(input) {
          problems.append("seed \(seed) sequence \(sequence): cursor off a boundary")
        }
        if input.text.unicodeScalars.contains(where: TextInput.refuses) {
          problems.append("seed \(seed) sequence \(sequence): a control character got in")
        }
      }
      for width in [2, 3, 5, 12, 44] {
        let window = input.window(width: width)
        var frame = Frame(width: width, height: 1)
        let drawn = frame.draw(window.text, row: 0, column: 0, width: width, role: .input)
        if DisplayWidth.of(window.text) > width || drawn > width {
          problems.append("seed \(seed) sequence \(sequence): wider than \(width)")
        }
        if window.cursorColumn >= width {
          problems.append("seed \(seed) sequence \(sequence): cursor out at width \(width)")
        }
      }
    }
    return problems
  }

  /// The text inputs of the console, each opened from a fresh state, with how to read it.
  static let kinds: [(name: String, open: [Key], read: @Sendable (ConsoleState) -> TextInput?)] = [
    ("form field", [.enter], { formInput($0, "name") }),
    ("filter", [.character("/")], { $0.prompt?.input }),
    ("command line", [.character(":")], { $0.prompt?.input }),
    ("test-send value", [.character("2"), .character("t")], { testSendInput($0) }),
  ]

  static func formInput(_ state: ConsoleState, _ id: String) -> TextInput? {
    guard case .text(let input, _) = state.form?.focusedField.value else { return nil }
    return input
  }

  static func testSendInput(_ state: ConsoleState) -> TextInput? {
    guard case .testSend(let send) = state.screens.last, send.focus >= 1,
      send.focus <= send.values.count
    else { return nil }
    return send.values[send.focus - 1]
  }

  /// Through the console, 10,000 sequences into each kind of text input: typed runs,
  /// pastes and keys, a quarter of them into a value longer than its field. After each
  /// edit the input keeps its invariants; in each frame drawn (after every edit of the
  /// first 300 sequences, then at the end of every other one) the cursor is shown, inside
  /// the frame, and inside its field, whose end still shows on the screen.
  @Test(arguments: 0..<4)
  func consoleTextInputsKeepEveryInvariant(kind: Int) async throws {
    // Long and synchronous: on a thread of its own, off the pool the other tests share.
    let problems = try await onOwnThread { try Self.consoleSequences(kind: kind) }
    #expect(problems.isEmpty, "\(problems.count) problems; the first: \(problems.prefix(5))")
  }

  struct NoInput: Error, CustomStringConvertible {
    var description: String
  }

  /// What went wrong in 10,000 seeded sequences typed into one kind of text input.
  static func consoleSequences(kind: Int) throws -> [String] {
    let (name, open, read) = Self.kinds[kind]
    let seed = UInt64(0x7465_7874 + kind)
    var random = Random(state: seed)
    var start = try Fixtures.state()
    for key in open { _ = ConsoleModel.update(&start, .key(key)) }
    if kind == 3 { _ = ConsoleModel.update(&start, .key(.tab)) }
    guard read(start) != nil else {
      throw NoInput(description: "\(name): no text input has the focus")
    }
    // Every fourth sequence starts from a value longer than any field, which must scroll.
    let long = String(repeating: "日本語 👩‍💻 Mae\u{301}l ", count: 8)
    var longStart = start
    _ = ConsoleModel.update(&longStart, .key(.control("u")))
    _ = ConsoleModel.update(&longStart, .paste(long))
    guard read(longStart)?.text == long else {
      throw NoInput(description: "\(name): the long value did not go in")
    }
    var problems: [String] = []
    for sequence in 0..<10_000 {
      var state = sequence % 4 == 0 ? longStart : start
      let steps = 1 + random.below(8)
      for step in 0..<steps {
        switch Self.step(&random) {
        case .text(let text):
          let event: ConsoleEvent = random.below(2) == 0 ? .paste(text) : .text(text)
          _ = ConsoleModel.update(&state, event)
        case .key(let key):
          _ = ConsoleModel.update(&state, .key(key))
        }
        let at = "\(name) seed \(seed) sequence \(sequence)"
        guard let input = read(state) else {
          throw NoInput(description: "\(at): the text input lost the focus")
        }
        if !Self.isBoundary(input) { problems.append("\(at): cursor off a boundary") }
        if input.text.unicodeScalars.contains(where: TextInput.refuses) {
          problems.append("\(at): a control character got in")
        }
        // A frame costs most of the test's time: one after every edit of the first 300
        // sequences, then at the end of every even one (each long value's among them).
        guard sequence < 300 || (step == steps - 1 && sequence % 2 == 0) else { continue }
        if let problem = Self.drawnProblem(ConsoleModel.render(state, state.size), kind: kind) {
          problems.append("\(at): \(problem)")
        }
      }
    }
    return problems
  }

  /// What is wrong with how a frame draws the focused text input, if anything: no cursor,
  /// a cursor outside the frame, or (for a test-send value, a field between brackets) a
  /// field whose closing bracket is cut off or left of the cursor.
  static func drawnProblem(_ frame: Frame, kind: Int) -> String? {
    guard let cursor = frame.cursor else { return "no cursor shown" }
    guard cursor.column >= 0, cursor.column < frame.width, cursor.row >= 0,
      cursor.row < frame.height
    else { return "cursor \(cursor) outside the frame" }
    guard kind == 3 else { return nil }
    let close = (cursor.column..<frame.width).first { column in
      frame[cursor.row, column].text == "]"
    }
    guard let close else { return "the value's closing bracket is not drawn after the cursor" }
    return close < frame.width - 1 ? nil : "the value runs to the frame's edge"
  }

  /// The report's case: a decomposed é typed into a name field ended the process.
  @Test func aDecomposedAccentInANameIsOneCharacter() throws {
    var state = try FormEditingTests.editing("name")
    press(&state, .control("u"))
    type(&state, "Ma")
    type(&state, "e")
    type(&state, "\u{301}")
    type(&state, "l")
    #expect(state.form?.field("name")?.text == "Mae\u{301}l")
    press(&state, .left, .backspace)
    #expect(state.form?.field("name")?.text == "Mal")
  }

  @Test func controlCharactersAreRefusedWithAMessage() throws {
    var state = try FormEditingTests.editing("name")
    press(&state, .control("u"))
    _ = ConsoleModel.update(&state, .paste("a\tb\nc\u{1B}"))
    #expect(state.form?.field("name")?.text == "abc")
    let message = try #require(state.status?.text)
    #expect(message.contains("3 control characters") && message.contains("tab"))
  }

  @Test func aPasteOverAListRunsNoKey() throws {
    var state = try Fixtures.state()
    let before = state.screens.count
    _ = ConsoleModel.update(&state, .paste("dq/n"))
    #expect(state.screens.count == before && state.prompt == nil && state.overlay == nil)
    #expect(state.status?.text.contains("Nothing here takes pasted text") == true)
  }

  /// Typed fast, `/abc` opens the filter and types the rest into it as one edit.
  @Test func aTypedRunOpensTheFilterThenFillsIt() throws {
    var state = try Fixtures.state()
    _ = ConsoleModel.update(&state, .text("/東京"))
    #expect(state.prompt?.input.text == "東京")
  }
}
