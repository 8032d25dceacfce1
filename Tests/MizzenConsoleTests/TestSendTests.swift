import MizzenConsole
import MizzenCore
import Testing

/// Test-send driven by keys, with the effect runner played by the test: each effect the
/// console asks for is answered by feeding a result back as an event.
@Suite struct TestSendTests {
  static let email = "ana@example.com"

  /// The console on the Topics list with the test-send screen open on the first topic.
  static func opened() throws -> (ConsoleState, [Effect]) {
    var state = try Fixtures.state()
    trigger(&state, .showTopics)
    let effects = trigger(&state, .testSend)
    return (state, effects)
  }

  static func screen(_ state: ConsoleState) -> TestSendState? {
    if case .testSend(let send) = state.screens.last { return send }
    return nil
  }

  static func text(_ state: ConsoleState) -> String {
    let frame = ConsoleModel.render(state, state.size)
    return (0..<frame.height).map { frame.text(ofRow: $0) }.joined(separator: "\n")
  }

  /// Opens, types the email, presses enter; returns the send effect's plan and id.
  static func sending(_ choice: SignalState = .granted) throws -> (ConsoleState, SignalPlan, Int) {
    var (state, _) = try opened()
    type(&state, email)
    if choice == .denied {
      press(&state, .tab, .tab, .right)
    }
    let effects = press(&state, .enter)
    for case .signal(.send(let plan, let id)) in effects { return (state, plan, id) }
    Issue.record("enter asked for no send: \(effects)")
    throw CancellationError()
  }

  static func entry(_ plan: SignalPlan, _ outcome: BrazeOutcome, attempts: [BrazeAttempt] = [])
    -> JournalEntry
  {
    let exchange = BrazeExchange(
      request: plan.requests[0],
      attempts: attempts.isEmpty
        ? [BrazeAttempt(number: 1, status: outcome.status, latencyMs: 12)] : attempts,
      outcome: outcome, latencyMs: 12)
    return JournalEntry(
      time: "2026-01-01T00:00:00.000Z", topic: plan.signal.topic, channel: plan.signal.channel,
      connection: plan.connection, identitySpace: plan.identitySpace,
      identityValue: plan.identityValue, brazeField: plan.brazeField.rawValue,
      state: plan.state.rawValue, subscriptionGroupId: plan.subscriptionGroupId,
      requests: [JournalRequest(exchange)], latencyMs: 12,
      attempts: exchange.attempts.count, outcome: outcome)
  }

  @Test func tOpensTheScreenAndRecallsTheLastValues() throws {
    var (state, effects) = try Self.opened()
    #expect(effects == [.signal(.recallIdentities)])
    let send = try #require(Self.screen(state))
    #expect(send.topic == "weekly_newsletter")
    #expect(send.spaces == ["email", "customer_id"])
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.identitiesRecalled(["customer_id": "c-42"]))))
    #expect(Self.text(state).contains("[c-42]"))
  }

  @Test func tOnAChannelRowSendsOnThatChannel() throws {
    var state = try Fixtures.state()
    press(&state, .character("2"), .down, .enter)
    #expect(state.childList?.kind == .channels)
    let effects = trigger(&state, .testSend)
    #expect(effects == [.signal(.recallIdentities)])
    let send = try #require(Self.screen(state))
    #expect(send.topic == "sale_jp")
    #expect(send.channel == "sms")
    #expect(send.spaces == ["phone"])
  }

  @Test func tOutsideTopicsSaysWhere() throws {
    var state = try Fixtures.state()
    let effects = trigger(&state, .testSend)
    #expect(effects.isEmpty)
    #expect(state.screens.isEmpty)
    #expect(state.status?.text.contains("Topics") == true)
  }

  @Test func previewShowsTheRequestWithoutTheKey() throws {
    var (state, _) = try Self.opened()
    type(&state, Self.email)
    let screen = Self.text(state)
    #expect(screen.contains("POST https://rest.iad-01.braze.com/subscription/status/set"))
    #expect(screen.contains("subscription.status.set"))
    #expect(screen.contains("$BRAZE_US_API_KEY"))
    #expect(screen.contains("subscribed"))
  }

  @Test func sendThenVerifyShowsTheResultAndTheReadBack() throws {
    var (state, plan, id) = try Self.sending(.denied)
    #expect(plan.state == .denied)
    #expect(plan.identityValue == Self.email)
    #expect(Self.text(state).contains("Sending"))
    let ok = BrazeOutcome(
      kind: .success, status: 201, message: "Braze accepted the change.",
      brazeMessage: "success")
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.sent(id: id, Self.entry(plan, ok), journalError: nil))))
    var screen = Self.text(state)
    #expect(screen.contains("Result: success  HTTP 201"))
    #expect(screen.contains("Braze: success"))
    let effects = trigger(&state, .verify)
    guard case .signal(.verify(let verifyPlan, let verifyID)) = effects.first else {
      Issue.record("v asked for no verify: \(effects)")
      return
    }
    let request = try #require(verifyPlan.requests.last)
    #expect(request.purpose == .verify)
    #expect(request.url.contains("/subscription/status/get"))
    #expect(verifyPlan.state == .denied && verifyPlan.identityValue == Self.email)
    let verification = VerificationResult(
      expected: "Unsubscribed", observed: "Unsubscribed", matches: true,
      message: "Braze reports Unsubscribed for \(Self.email), as sent.")
    let answered = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.verified(id: verifyID, verification, ok, journalError: nil))))
    // The read-back is journaled, so History is read again to list it.
    #expect(answered == [.signal(.loadJournal)])
    screen = Self.text(state)
    #expect(screen.contains("Verify: Braze reports Unsubscribed"))
  }

  @Test func escCancelsTheSendAndTheCancelledResultIsShown() throws {
    var (state, plan, id) = try Self.sending()
    let effects = trigger(&state, .back)
    #expect(effects == [.signal(.cancel(id: id))])
    #expect(Self.screen(state) != nil)
    let cancelled = BrazeOutcome(kind: .cancelled, message: "The call was cancelled.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, Self.entry(plan, cancelled), journalError: nil))))
    #expect(Self.text(state).contains("Result: cancelled"))
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
  }

  static let failures: [(BrazeOutcome.Kind, Int?, String)] = [
    (.unauthorized, 401, "Braze refused the API key: check that the key is right."),
    (.forbidden, 403, "The key lacks the permission subscription.status.set."),
    (.invalidRequest, 400, "Braze found the request invalid: check the group id."),
    (.rateLimited, 429, "Too many requests: wait until the rate-limit window resets."),
    (.serverError, 503, "Braze had a server error: try again later."),
    (.networkError, nil, "No connection to the endpoint: check the URL and network."),
    (.timeout, nil, "Braze did not answer in time: check the network."),
  ]

  @Test(arguments: failures)
  func failureShowsWhatToCheck(kind: BrazeOutcome.Kind, status: Int?, advice: String) throws {
    var (state, plan, id) = try Self.sending()
    let outcome = BrazeOutcome(
      kind: kind, status: status, message: advice, brazeErrors: status == 400 ? ["bad id"] : [])
    let attempts = [
      BrazeAttempt(number: 1, status: status, latencyMs: 5, waitMs: 100),
      BrazeAttempt(
        number: 2, status: status, rateLimit: RateLimitHeaders(limit: "50", remaining: "0"),
        latencyMs: 6, error: status == nil ? "connection refused" : nil),
    ]
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.sent(id: id, Self.entry(plan, outcome, attempts: attempts), journalError: nil))))
    let screen = Self.text(state)
    #expect(screen.contains("Result: \(kind.words)"))
    #expect(screen.contains("2 attempts"))
    #expect(screen.contains("retried after 100 ms"))
    #expect(screen.contains("rate limit 50, remaining 0"))
    #expect(screen.contains(String(advice.prefix(30))))
    #expect(state.status?.level == .error)
    if status == 400 { #expect(screen.contains("error: bad id")) }
  }

  @Test func anAnswerAfterLeavingIsAnnouncedNotShown() throws {
    var (state, plan, id) = try Self.sending()
    trigger(&state, .showConnections)
    #expect(state.screens.isEmpty)
    #expect(state.section == .connections)
    let ok = BrazeOutcome(kind: .success, status: 201, message: "Applied.")
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.sent(id: id, Self.entry(plan, ok), journalError: nil))))
    #expect(state.screens.isEmpty)
    #expect(state.status?.text.contains("weekly_newsletter/email succeeded") == true)
  }

  @Test func aStaleAnswerDoesNotOverwriteANewerSend() throws {
    var (state, plan, id) = try Self.sending()
    trigger(&state, .back)
    let cancelled = BrazeOutcome(kind: .cancelled, message: "Cancelled.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, Self.entry(plan, cancelled), journalError: nil))))
    press(&state, .enter)
    let effects = press(&state, .enter)
    guard case .signal(.send(_, let second)) = effects.first else {
      Issue.record("no second send: \(effects)")
      return
    }
    #expect(second != id)
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, Self.entry(plan, cancelled), journalError: nil))))
    #expect(Self.screen(state)?.phase == .sending(id: second))
  }

  @Test func aRefusedSendReturnsToEditingWithTheReason() throws {
    var (state, _, id) = try Self.sending()
    let reason = "The environment variable BRAZE_US_API_KEY is not set."
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.refused(id: id, reason))))
    #expect(Self.screen(state)?.phase == .editing)
    #expect(Self.text(state).contains("BRAZE_US_API_KEY is not set"))
  }

  @Test func theSpinnerTurnsWithTicksAndKeysStillWork() throws {
    var (state, _, _) = try Self.sending()
    let before = Self.text(state)
    _ = ConsoleModel.update(&state, .tick)
    #expect(Self.text(state) != before)
    trigger(&state, .help)
    #expect(state.overlay != nil)
  }
}

/// `v` is journaled like a send: History is read again, and a journal failure is shown.
@Suite struct VerifyJournalTests {
  static func verifying() throws -> (ConsoleState, SignalPlan, Int) {
    var (state, plan, id) = try TestSendTests.sending()
    let ok = BrazeOutcome(kind: .success, status: 201, message: "Applied.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.sent(id: id, TestSendTests.entry(plan, ok), journalError: nil))))
    let effects = trigger(&state, .verify)
    guard case .signal(.verify(let verifyPlan, let verifyID)) = effects.first else {
      Issue.record("v asked for no verify: \(effects)")
      throw CancellationError()
    }
    return (state, verifyPlan, verifyID)
  }

  @Test func theVerifyEntryJoinsHistory() throws {
    var (state, plan, id) = try Self.verifying()
    let read = BrazeOutcome(kind: .success, status: 200, message: "Braze answered.")
    let verification = VerificationResult(
      expected: "Subscribed", observed: "Subscribed", matches: true, message: "As sent.")
    let answered = ConsoleModel.update(
      &state,
      .effectCompleted(.signal(.verified(id: id, verification, read, journalError: nil))))
    #expect(answered == [.signal(.loadJournal)])
    let send = TestSendTests.entry(plan, BrazeOutcome(kind: .success, status: 201, message: "."))
    let request = try #require(plan.requests.last)
    var verify = send
    verify.time = "2026-01-01T00:00:09.000Z"
    verify.requests = [
      JournalRequest(
        BrazeExchange(
          request: request, attempts: [BrazeAttempt(number: 1, status: 200, latencyMs: 9)],
          outcome: read, latencyMs: 9))
    ]
    verify.outcome = read
    verify.verification = verification
    trigger(&state, .back, .showHistory)
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.journalLoaded(.success(JournalRead([send, verify]))))))
    let rows = TestSendTests.text(state).split(separator: "\n")
    let first = try #require(rows.first { $0.contains("01-01 00:00:09") })
    #expect(first.contains("verify") && first.contains("read Subscribed"))
  }

  @Test func aJournalFailureIsShownOnTheScreen() throws {
    var (state, _, id) = try Self.verifying()
    let read = BrazeOutcome(kind: .success, status: 200, message: "Braze answered.")
    _ = ConsoleModel.update(
      &state,
      .effectCompleted(
        .signal(.verified(id: id, nil, read, journalError: "The disk is full."))))
    #expect(TestSendTests.text(state).contains("Not journaled: The disk is full."))
  }

  @Test func anAnswerAfterLeavingStillRefreshesHistory() throws {
    var (state, _, id) = try Self.verifying()
    trigger(&state, .back)
    let read = BrazeOutcome(kind: .success, status: 200, message: "Braze answered.")
    let answered = ConsoleModel.update(
      &state, .effectCompleted(.signal(.verified(id: id, nil, read, journalError: nil))))
    #expect(answered == [.signal(.loadJournal)])
  }
}
