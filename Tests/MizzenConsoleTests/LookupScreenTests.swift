import MizzenConsole
import MizzenCore
import Testing

/// `L` from any list: type identity values, enter asks for the reads, each answer lands
/// on its rows as it arrives, and `t` test-sends the selected row.
@Suite struct LookupScreenTests {
  static func screen(_ state: ConsoleState) -> LookupState? {
    if case .lookup(let lookup) = state.screens.last { return lookup }
    return nil
  }

  static func answer(_ read: LookupRead, _ body: String) -> BrazeExchange {
    BrazeExchange(
      request: read.request, attempts: [BrazeAttempt(number: 1, status: 200, latencyMs: 5)],
      outcome: BrazeOutcome(kind: .success, status: 200, message: "Braze accepted the call."),
      latencyMs: 5, responseBody: Array(body.utf8))
  }

  @Test func lFromAnyListReadsEveryTopicAndChannelAsAnswersArrive() throws {
    for section in ["1", "2", "3", "4", "5"] {
      var state = try Fixtures.state(size: Size(width: 120, height: 40))
      press(&state, .character(Character(section)))
      #expect(trigger(&state, .lookUp) == [.signal(.recallIdentities)])
      #expect(Self.screen(state)?.spaces == ["email", "phone", "customer_id"])
    }
    var state = try Fixtures.state(size: Size(width: 120, height: 40))
    trigger(&state, .lookUp)
    type(&state, "ana@example.com")
    press(&state, .tab)
    type(&state, "+14155550123")
    let effects = press(&state, .enter)
    guard case .signal(.lookup(let plan, let id)) = effects.first else {
      Issue.record("enter asked for no look-up: \(effects)")
      return
    }
    #expect(plan.rows.map(\.id) == ["weekly_newsletter/email", "sale_jp/sms"])
    #expect(plan.reads.count == 2)
    var text = TestSendTests.text(state)
    #expect(text.contains("Reading 0 of 2"))
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(
          .lookupRead(
            id: id, index: 0,
            Self.answer(plan.reads[0], #"{"status":{"ana@example.com":"Subscribed"}}"#)))))
    text = TestSendTests.text(state)
    #expect(text.contains("Reading 1 of 2"))
    #expect(text.contains("Subscribed"))
    #expect(text.contains("reading…"))
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(
          .lookupRead(
            id: id, index: 1,
            Self.answer(plan.reads[1], #"{"status":{"+14155550123":"unknown"}}"#)))))
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.lookupFinished(id: id))))
    #expect(Self.screen(state)?.phase == .done)
    text = TestSendTests.text(state)
    #expect(text.contains("Unknown"))
    #expect(state.status?.text.contains("t test-sends") == true)

    press(&state, .down)
    #expect(Self.screen(state)?.selected == "sale_jp/sms")
    trigger(&state, .testSend)
    guard case .testSend(let send) = state.screens.last else {
      Issue.record("t opened no test-send")
      return
    }
    #expect(send.topic == "sale_jp" && send.channel == "sms")
    let text2 = TestSendTests.text(state)
    #expect(text2.contains("[+14155550123]"))
  }

  @Test func escCancelsTheReadsThenCloses() throws {
    var state = try Fixtures.state()
    trigger(&state, .lookUp)
    type(&state, "ana@example.com")
    let effects = press(&state, .enter)
    guard case .signal(.lookup(_, let id)) = effects.first else {
      Issue.record("no look-up")
      return
    }
    #expect(trigger(&state, .back) == [.signal(.cancel(id: id))])
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.lookupFinished(id: id))))
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
  }

  @Test func typingReplacesARememberedIdentity() throws {
    var state = try Fixtures.state()
    trigger(&state, .lookUp)
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.identitiesRecalled(["email": "ada@example.com"]))))
    #expect(TestSendTests.text(state).contains("remembered"))
    type(&state, "zed@example.com")
    #expect(Self.screen(state)?.values[0].text == "zed@example.com")
    #expect(!TestSendTests.text(state).contains("remembered"))
  }

  /// Braze's answer, the column read most, is whole when the terminal has room for it, and
  /// the other columns take only what their values need.
  @Test(arguments: [80, 200])
  func braze_sAnswerTakesTheRoomLeft(width: Int) throws {
    var state = try Fixtures.state(size: Size(width: width, height: 30))
    trigger(&state, .lookUp)
    type(&state, "ana@example.com")
    guard case .signal(.lookup(let plan, let id)) = press(&state, .enter).first else {
      Issue.record("no look-up")
      return
    }
    let refusal = #"{"message":"Subscription group is archived and cannot be read"}"#
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(
          .lookupRead(
            id: id, index: 0,
            BrazeExchange(
              request: plan.reads[0].request,
              attempts: [BrazeAttempt(number: 1, status: 400, latencyMs: 5)],
              outcome: BrazeOutcome(
                kind: .invalidRequest, status: 400,
                message: "Braze refused the request (HTTP 400)",
                brazeMessage: "Subscription group is archived and cannot be read"),
              latencyMs: 5, responseBody: Array(refusal.utf8))))))
    let row = TestSendTests.text(state).split(separator: "\n").first {
      $0.contains("weekly_newsletter/email")
    }
    let shown = try #require(row)
    #expect(shown.contains("ana@example.com"), "\(shown)")
    if width >= 120 {
      #expect(shown.contains("Braze refused the request (HTTP 400)"), "\(shown)")
    }
    #expect(DisplayWidth.of(String(shown)) <= width)
  }
}
