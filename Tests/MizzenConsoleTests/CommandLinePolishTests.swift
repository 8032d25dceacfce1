import MizzenConsole
import MizzenCore
import Testing

/// The `:` line forgives what people type and shows what it knows.
@Suite struct CommandLinePolishTests {
  @Test func colonThenTabListsEveryCommand() throws {
    var state = try Fixtures.state()
    press(&state, .character(":"), .tab)
    let screen = ConsoleModel.render(state, state.size).text
    for command in [":connections", ":problems", ":messages", ":quit", ":w!"] {
      #expect(screen.contains(command), "\(command) is listed")
    }
    trigger(&state, .back)
    #expect(state.overlay == nil)
    #expect(state.prompt != nil)
  }

  @Test(arguments: ["  Topics ", "TOPICS", ":topics", " top"])
  func commandsAreCaseInsensitiveAndTrimmed(typed: String) throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, typed)
    press(&state, .enter)
    #expect(state.section == .topics)
  }

  @Test(arguments: ["q", "quit", "Q", " quit "])
  func qAndQuitQuit(typed: String) throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, typed)
    #expect(press(&state, .enter) == [.quit])
  }

  @Test func wSaysEveryChangeIsSaved() throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, "w")
    #expect(press(&state, .enter).isEmpty)
    #expect(state.status?.text.hasPrefix("Nothing to write") == true)
    #expect(state.status?.level != .error)
  }

  @Test func aCommandRunAgainIsRecalledOnce() throws {
    var state = try Fixtures.state()
    for command in ["topics", "spaces", "Topics "] {
      trigger(&state, .command)
      type(&state, command)
      press(&state, .enter)
    }
    #expect(state.commandHistory == ["spaces", "topics"])
    press(&state, .character(":"), .up)
    #expect(state.prompt?.input.text == "topics")
    press(&state, .up)
    #expect(state.prompt?.input.text == "spaces")
  }
}
