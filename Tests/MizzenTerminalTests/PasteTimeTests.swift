import Foundation
import MizzenConsole
import MizzenCore
import MizzenTerminal
import Testing

/// Issue 11.5 in the normal test run (the release figure is Benchmarks/bench-paste): a 1 MB
/// paste, decoded from the terminal's bytes, applied and drawn as the loop does, fills each
/// kind of text input in time linear in its length, and Esc answers right after it. Time is
/// this thread's CPU time, so other work on the machine does not count; a debug build takes
/// about 3-6 s per case. A quadratic input took 13 s for 64 KB (about an hour for 1 MB), so
/// the budget fails it within its first reads instead.
@Suite struct PasteTimeTests {
  static let megabyte = 1 << 20
  static let budget = Duration.seconds(20)

  /// CPU time of the calling thread (the test is synchronous, so it stays on one thread).
  static func cpuTime() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
  }
  static let read = 64 << 10

  static func text(_ piece: String) -> String {
    String(repeating: piece, count: megabyte / piece.utf8.count)
  }

  static let pastes: [(name: String, text: String, bracketed: Bool)] = [
    ("typed ASCII", text("The quick brown fox jumps over the lazy dog 0123456789. "), false),
    ("bracketed CJK/emoji", text("東京 👩‍💻 👍🏽 ❤️ e\u{301} नमस्ते \u{1100}\u{1161}\u{11A8} مرحبا 🇫🇷 "), true),
  ]

  /// Each kind of text input, the keys that open it from the topic list's state, and how
  /// to read its text.
  static let inputs: [(name: String, open: [Key], text: @Sendable (ConsoleState) -> String?)] = [
    ("filter", [.character("2"), .character("/")], { $0.prompt?.input.text }),
    (": line", [.character(":")], { $0.prompt?.input.text }),
    ("form field", [.character("1"), .character("n")], { formName($0) }),
    ("test-send value", [.character("2"), .character("t")], { testSendValue($0) }),
  ]

  static func formName(_ state: ConsoleState) -> String? {
    guard case .text(let input, _) = state.form?.focusedField.value else { return nil }
    return input.text
  }

  static func testSendValue(_ state: ConsoleState) -> String? {
    guard case .testSend(let send) = state.screens.last, send.focus >= 1,
      send.focus <= send.values.count
    else { return nil }
    return send.values[send.focus - 1].text
  }

  static func console() throws -> ConsoleState {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-paste-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let channel = TopicChannel(
      kind: .email, connection: "braze_us",
      subscriptionGroupId: "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
    let workspace = Workspace(
      name: "Paste",
      connections: [
        Connection(
          code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
          apiKey: .environment("BRAZE_US_API_KEY"),
          identityMapping: [IdentityMapping(identitySpace: "email", field: .email)])
      ],
      identitySpaces: [
        IdentitySpace(code: "email", name: "Email", type: .email, marketingPreference: true)
      ],
      topics: (0..<1_000).map {
        Topic(code: "topic_\($0)", name: "Topic \($0) 東京", channels: [channel])
      })
    let store = WorkspaceStore(path: folder.appendingPathComponent("w.json").path)
    try store.save(workspace, expecting: nil)
    var state = ConsoleModel.initialState(
      loaded: try store.load(), loadError: nil,
      options: ConsoleOptions(workspacePath: store.path), size: Size(width: 200, height: 50))
    _ = ConsoleModel.update(&state, .tick)
    return state
  }

  static func event(_ input: TerminalInput) -> ConsoleEvent? {
    switch input {
    case .key(let key): .key(key)
    case .text(let text): .text(text)
    case .paste(let text): .paste(text)
    case .mouse(let mouse): .mouse(mouse)
    case .resize(let size): .resize(size)
    case .closed: nil
    }
  }

  @Test(arguments: 0..<4)
  func aMegabytePasteIsLinearAndEscAnswersAfterIt(input index: Int) throws {
    let input = Self.inputs[index]
    var opened = try Self.console()
    for key in input.open { _ = ConsoleModel.update(&opened, .key(key)) }
    try #require(input.text(opened) == "", "\(input.name) did not open empty")
    for paste in Self.pastes {
      let label: Comment = "\(input.name), \(paste.name)"
      let bytes = Array(
        ((paste.bracketed ? "\u{1B}[200~" : "") + paste.text
          + (paste.bracketed ? "\u{1B}[201~" : ""))
          .utf8)
      var state = opened
      var decoder = InputDecoder()
      let start = Self.cpuTime()
      var offset = 0
      // The terminal's reads, each decoded, applied and drawn as the loop does; a read that
      // takes the whole budget ends the case at once.
      while offset < bytes.count, Self.cpuTime() - start < Self.budget {
        let end = min(bytes.count, offset + Self.read)
        for terminal in Terminal.merged(decoder.decode(bytes[offset..<end])) {
          if let event = Self.event(terminal) { _ = ConsoleModel.update(&state, event) }
        }
        _ = ConsoleModel.render(state, state.size)
        offset = end
      }
      let pasted = Self.cpuTime() - start
      #expect(pasted < Self.budget, "\(input.name), \(paste.name): \(pasted) of CPU")
      #expect(offset == bytes.count, label)
      #expect(input.text(state)?.count == paste.text.count, label)
      // Esc is read once the terminal has nothing more to say; the input closes.
      let escaped = Self.cpuTime()
      for terminal in decoder.decode([0x1B]) + decoder.timedOut() {
        if let event = Self.event(terminal) { _ = ConsoleModel.update(&state, event) }
      }
      _ = ConsoleModel.render(state, state.size)
      #expect(Self.cpuTime() - escaped < .seconds(5), label)
      // Esc closes the input, or asks first whether to drop what was typed.
      #expect(input.text(state) == nil || state.overlay != nil, "\(input.name): Esc unanswered")
    }
  }
}
