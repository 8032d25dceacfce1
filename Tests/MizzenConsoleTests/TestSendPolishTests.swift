import MizzenConsole
import MizzenCore
import Testing

/// The test-send screen reads cleanly: remembered values are replaced by typing, labels
/// line up, the body is pretty-printed and wrapped between tokens, the rate limit's reset
/// is a countdown.
@Suite struct TestSendPolishTests {
  @Test func typingReplacesARememberedIdentity() throws {
    var (state, _) = try TestSendTests.opened()
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.identitiesRecalled(["email": "ada@example.com"]))))
    #expect(TestSendTests.text(state).contains("remembered"))
    type(&state, "zed@example.com")
    #expect(TestSendTests.screen(state)?.values[0].text == "zed@example.com")
    #expect(!TestSendTests.text(state).contains("remembered"))
  }

  @Test func backspaceClearsARememberedIdentityAndMovingKeepsIt() throws {
    var (state, _) = try TestSendTests.opened()
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.identitiesRecalled(["email": "ada@example.com"]))))
    press(&state, .left)
    type(&state, "x")
    #expect(TestSendTests.screen(state)?.values[0].text == "ada@example.coxm")
    var (other, _) = try TestSendTests.opened()
    _ = ConsoleModel.update(
      &other, .effectCompleted(.signal(.identitiesRecalled(["email": "ada@example.com"]))))
    press(&other, .backspace)
    #expect(TestSendTests.screen(other)?.values[0].text == "")
  }

  @Test func theLabelColumnFitsItsLongestLabel() throws {
    var workspace = Fixtures.workspace
    workspace.identitySpaces.append(
      IdentitySpace(code: "loyalty_member_id", name: "Loyalty member", type: .id))
    workspace.connections[0].identityMapping.append(
      IdentityMapping(identitySpace: "loyalty_member_id", field: .externalID))
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .testSend)
    let lines = TestSendTests.text(state).split(separator: "\n").map(String.init)
    let channel = try #require(lines.first { $0.contains("Channel") })
    let loyalty = try #require(lines.first { $0.contains("loyalty_member_id") })
    let email = try #require(lines.first { $0.contains("email ") && $0.contains("[") })
    let column = { (line: String, mark: Character) in
      line.firstIndex(of: mark).map { line.distance(from: line.startIndex, to: $0) }
    }
    #expect(column(channel, "‹") == column(loyalty, "["))
    #expect(column(email, "[") == column(loyalty, "["))
  }

  @Test func thePreviewPrettyPrintsTheBodyAndNeverCutsAnID() throws {
    var state = try Fixtures.state(size: Size(width: 60, height: 40))
    trigger(&state, .showTopics, .testSend)
    type(&state, TestSendTests.email)
    let lines = TestSendTests.text(state).split(separator: "\n").map(String.init)
    let group = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
    #expect(lines.contains { $0.contains("\"\(group)\"") })
    #expect(
      lines.contains { line in
        line.drop { $0 == " " }.hasPrefix("\"subscription_state\": ")
      })
  }

  @Test func theRateLimitResetReadsAsACountdown() throws {
    var (state, plan, id) = try TestSendTests.sending()
    let ok = BrazeOutcome(kind: .success, status: 201, message: "Braze accepted the change.")
    // 2026-01-01T00:00:00Z, when the fixture's entry was made, is 1767225600.
    let attempt = BrazeAttempt(
      number: 1, status: 201,
      rateLimit: RateLimitHeaders(limit: "50000", remaining: "49999", reset: "1767225642"),
      latencyMs: 12)
    let entry = TestSendTests.entry(plan, ok, attempts: [attempt])
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.sent(id: id, entry, journalError: nil))))
    #expect(TestSendTests.text(state).contains("resets in 42 s"))
  }
}
