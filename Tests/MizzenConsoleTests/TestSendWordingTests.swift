import MizzenConsole
import MizzenCore
import Testing

/// What the test-send screen says and shows, in the console's own terms: the fields it
/// has, not the command line's options; the focus marked without colour.
@Suite struct TestSendWordingTests {
  @Test func aMissingValueNamesTheFieldNotTheCommandLineOption() throws {
    var (state, _) = try TestSendTests.opened()
    let screen = TestSendTests.text(state)
    #expect(screen.contains("Cannot send yet: Enter a value for Email address (email)"))
    #expect(!screen.contains("--identity"))
    #expect(press(&state, .enter).isEmpty)
    let status = try #require(state.status)
    #expect(status.level == .error)
    #expect(status.text.hasPrefix("Not sent: Enter a value for Email address (email)"))
    #expect(!status.text.contains("--identity"))
  }

  @Test func theCommandLineKeepsItsWordingAndTheSpacesAreNamed() throws {
    let signal = Signal(
      topic: "weekly_newsletter", channel: "email", identities: [:], state: .granted)
    #expect(throws: SignalPlanError.self) { try SignalPlanner.plan(signal, in: Fixtures.workspace) }
    do {
      _ = try SignalPlanner.plan(signal, in: Fixtures.workspace)
    } catch {
      #expect(error.kind == .missingIdentity)
      #expect(error.message.contains("--identity email=VALUE"))
      #expect(error.identitySpaces.first == "email")
    }
  }

  /// The row of the screen that holds `text`.
  static func row(_ state: ConsoleState, _ text: String) -> String? {
    TestSendTests.text(state).split(separator: "\n").map(String.init).first { $0.contains(text) }
  }

  @Test func theFocusedFieldIsMarkedWithoutColour() throws {
    var (state, _) = try TestSendTests.opened()
    let spaces = try #require(TestSendTests.screen(state)?.spaces)
    #expect(spaces.first == "email")
    #expect(Self.row(state, "[")?.contains("› email") == true)
    #expect(Self.row(state, "Channel")?.contains("› Channel") == false)
    press(&state, .backTab)
    #expect(Self.row(state, "Channel")?.contains("› Channel") == true)
    #expect(Self.row(state, "[")?.contains("› email") == false)
    for _ in 0...spaces.count { press(&state, .tab) }
    #expect(Self.row(state, "Choice")?.contains("› Choice") == true)
    let marked = TestSendTests.text(state).split(separator: "\n").filter { $0.hasPrefix("  › ") }
    #expect(marked.count == 1)
  }
}
