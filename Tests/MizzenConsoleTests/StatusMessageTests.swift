import MizzenConsole
import MizzenCore
import Testing

/// A status message belongs to the moment: the next key or click ends it, the hints stay
/// in view beside it, and `:messages` shows the latest ones whole.
@Suite struct StatusMessageTests {
  @discardableResult
  static func run(_ state: inout ConsoleState, _ command: String) -> [Effect] {
    trigger(&state, .command)
    type(&state, command)
    return press(&state, .enter)
  }

  static func statusRow(_ state: ConsoleState) -> String {
    let frame = ConsoleModel.render(state, state.size)
    return frame.text(ofRow: frame.height - 1)
  }

  @Test func anUnknownCommandDoesNotSurviveAScreenSwitch() throws {
    var state = try Fixtures.state()
    Self.run(&state, "xyz")
    #expect(state.status?.text.hasPrefix("Unknown command “:xyz”") == true)
    trigger(&state, .showTopics)
    #expect(state.section == .topics)
    #expect(state.status == nil)
    #expect(!Self.statusRow(state).contains("Unknown command"))
  }

  @Test func theNextKeyEndsAMessageEvenWithoutATick() throws {
    var state = try Fixtures.state()
    trigger(&state, .filter)
    type(&state, "braze")
    press(&state, .enter)
    #expect(state.status?.text.contains("match") == true)
    press(&state, .down)
    #expect(state.status == nil)
  }

  @Test func aClickEndsAMessage() throws {
    var state = try Fixtures.state()
    Self.run(&state, "xyz")
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 3, column: 4))))
    #expect(state.status == nil)
  }

  @Test func theHintsStayInViewBesideALongMessage() throws {
    var state = try Fixtures.state()
    let hints = Self.statusRow(state)
    #expect(hints.contains("q quit"))
    Self.run(&state, "xyz")
    let row = Self.statusRow(state)
    #expect(row.hasPrefix("Unknown command “:xyz”"))
    #expect(row.contains("…"))
    #expect(row.contains("? help"))
    #expect(row.contains("enter open"))
  }

  @Test func colonMessagesShowsTheLastOnesWhole() throws {
    var state = try Fixtures.state(size: Size(width: 80, height: 40))
    Self.run(&state, "xyz")
    let whole = try #require(state.status?.text)
    #expect(whole.count > 80)
    trigger(&state, .back)
    Self.run(&state, "messages")
    let frame = ConsoleModel.render(state, state.size)
    let body = (1..<(frame.height - 2)).map { frame.text(ofRow: $0) }
    let shown =
      body.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.hasPrefix("• ") || $0.hasPrefix("Unknown") || $0.hasPrefix(":") }
      .joined(separator: " ")
    #expect(shown.contains(whole))
    #expect(Self.statusRow(state).contains("esc"))
    Self.run(&state, "messages")
    #expect(state.screens.count == 1)
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
  }

  @Test func theLogKeepsTheLastHundred() throws {
    var state = try Fixtures.state()
    for number in 1...130 { Self.run(&state, "x\(number)") }
    #expect(state.messageLog.count == StatusMessage.logLimit)
    #expect(state.messageLog.first?.text.hasPrefix("Unknown command “:x31”") == true)
    #expect(state.messageLog.last?.text.hasPrefix("Unknown command “:x130”") == true)
  }
}
