import MizzenConsole
import MizzenCore
import Testing

/// History: the journal as a generic list (filter, selection, keys), and one entry opened
/// in full.
@Suite struct HistoryTests {
  static let group = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
  static let setURL = "https://rest.iad-01.braze.com/subscription/status/set"
  static let getURL =
    "https://rest.iad-01.braze.com/subscription/status/get?subscription_group_id=" + group
    + "&email=ana%40example.com"

  static func request(_ purpose: RequestPurpose, _ url: String, body: String?)
    -> PlannedRequest
  {
    PlannedRequest(
      purpose: purpose, method: body == nil ? "GET" : "POST", url: url, path: "",
      headers: [], body: body.map { Array($0.utf8) },
      permission: purpose == .verify ? .subscriptionStatusGet : .subscriptionStatusSet)
  }

  static func entry(
    _ time: String, _ topic: String = "weekly_newsletter", _ channel: String = "email",
    space: String = "email", value: String = "ana@example.com", state: String = "granted",
    requests: [BrazeExchange], verification: VerificationResult? = nil
  ) -> JournalEntry {
    JournalEntry(
      time: time, topic: topic, channel: channel,
      connection: topic == "sale_jp" ? "braze_jp" : "braze_us", identitySpace: space,
      identityValue: value, brazeField: space == "customer_id" ? "external_id" : space,
      state: state, subscriptionGroupId: group, requests: requests.map(JournalRequest.init),
      latencyMs: requests.reduce(0) { $0 + $1.latencyMs },
      attempts: requests.reduce(0) { $0 + $1.attempts.count },
      outcome: requests[0].outcome, verification: verification)
  }

  static let ok201 = BrazeOutcome(
    kind: .success, status: 201, message: "Braze accepted the change.", brazeMessage: "success")

  /// The journal as stored, oldest first: a send, its verify, a failed send with retries,
  /// and a send for a CJK customer id.
  static let journal: [JournalEntry] = {
    let body =
      "{\"subscription_groups\":[{\"email\":[\"ana@example.com\"],\"subscription_group_id\":\""
      + group + "\",\"subscription_state\":\"subscribed\"}]}"
    let sent = BrazeExchange(
      request: request(.send, setURL, body: body),
      attempts: [
        BrazeAttempt(
          number: 1, status: 201, body: "{\"message\":\"success\"}",
          rateLimit: RateLimitHeaders(limit: "5000", remaining: "4999", reset: "1772359260"),
          latencyMs: 42)
      ],
      outcome: ok201, latencyMs: 42)
    let read = BrazeExchange(
      request: request(.verify, getURL, body: nil),
      attempts: [
        BrazeAttempt(
          number: 1, status: 200,
          body: "{\"status\":{\"ana@example.com\":\"Subscribed\"},\"message\":\"success\"}",
          latencyMs: 30)
      ],
      outcome: BrazeOutcome(kind: .success, status: 200, message: "Braze answered."),
      latencyMs: 30)
    let failed = BrazeOutcome(
      kind: .serverError, status: 503,
      message: "Braze had a server error (HTTP 503) after 3 attempts. Check status.braze.com.")
    let flaky = BrazeExchange(
      request: request(.send, setURL, body: "{}"),
      attempts: (1...3).map {
        BrazeAttempt(number: $0, status: 503, body: "upstream down", latencyMs: 5, waitMs: 100)
      },
      outcome: failed, latencyMs: 215)
    let verified = VerificationResult(
      expected: "Subscribed", observed: "Subscribed", matches: true,
      message: "Braze reports Subscribed for ana@example.com, as sent.")
    return [
      entry("2026-03-01T10:00:00.000Z", requests: [sent]),
      entry("2026-03-01T10:00:05.000Z", requests: [read], verification: verified),
      entry(
        "2026-03-01T10:01:00.000Z", "sale_jp", "sms", space: "phone", value: "+819012345678",
        state: "denied", requests: [flaky]),
      entry(
        "2026-03-01T10:02:00.000Z", space: "customer_id", value: "山田太郎_会員番号0042",
        state: "denied", requests: [sent]),
    ]
  }()

  /// The console on History with `journal` read.
  static func history(
    _ journal: [JournalEntry] = journal, size: Size = Size(width: 100, height: 30)
  ) throws -> ConsoleState {
    var state = try Fixtures.state(size: size)
    #expect(trigger(&state, .showHistory) == [.signal(.loadJournal)])
    loaded(&state, journal)
    return state
  }

  /// A workspace edit cannot change the journal, so History's filter keys stay as read.
  @Test func aWorkspaceEditLeavesHistoryAsRead() throws {
    var state = try Self.history()
    let history = Section.history.rawValue - 1
    trigger(&state, .showTopics, .delete)
    pressButton(&state, "Delete")
    #expect(state.undoStack.count == 1, "no topic was deleted")
    #expect(state.lists[history].madeFor == nil, "History's keys are the journal's")
    #expect(state.lists[Section.topics.rawValue - 1].madeFor == state.workspaceVersion)
    trigger(&state, .showHistory, .filter)
    for character in "verify" { press(&state, .character(character)) }
    #expect(state.currentList.visible.count == 1, "verify matches only the read-back")
  }

  static func loaded(_ state: inout ConsoleState, _ journal: [JournalEntry]) {
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.journalLoaded(.success(JournalRead(journal))))))
  }

  static func selected(_ state: ConsoleState) -> JournalEntry? {
    state.currentList.selectedRecord.map { state.journal[$0] }
  }

  static func entryView(_ state: ConsoleState) -> JournalEntryView? {
    if case .journalEntry(let view) = state.screens.last { return view }
    return nil
  }

  @Test func theEntryShowsBrazesRequestId() throws {
    var journal = Self.journal
    journal[0].requestId = "c0ffee-42"
    var state = try Self.history(journal, size: Size(width: 100, height: 60))
    trigger(&state, .moveBottom)
    press(&state, .enter)
    #expect(Self.entryView(state)?.entry == journal[0])
    #expect(TestSendTests.text(state).contains("Request id     c0ffee-42"))
  }

  @Test func theListShowsTheJournalNewestFirstWithAVerifyRow() throws {
    let state = try Self.history(size: Size(width: 140, height: 30))
    #expect(state.currentList.visible.count == 4)
    let screen = TestSendTests.text(state)
    let rows = screen.split(separator: "\n").map(String.init)
    let newest = try #require(rows.firstIndex { $0.contains("03-01 10:02:00") })
    let verify = try #require(rows.firstIndex { $0.contains("03-01 10:00:05") })
    let oldest = try #require(rows.firstIndex { $0.contains("03-01 10:00:00") })
    #expect(newest < verify && verify < oldest)
    #expect(rows[verify].contains("verify") && rows[verify].contains("read Subscribed"))
    // A read-back that Braze answered says what it read; its HTTP 200 is in the detail.
    #expect(!rows[verify].contains("success 200"), "\(rows[verify])")
    #expect(rows[newest].contains("山田太郎_会員番号0042"))
    let failed = try #require(rows.first { $0.contains("10:01:00") })
    #expect(failed.contains("✗") && failed.contains("server error 503, 3 attempts"))
    #expect(screen.contains("1/4"))
  }

  @Test func aFailedRowIsDrawnAsAWarning() throws {
    var state = try Self.history()
    trigger(&state, .moveTop)
    let frame = ConsoleModel.render(state, state.size)
    // Row 2 is the selected newest entry; row 3 the failed send, not selected.
    #expect(frame.text(ofRow: 3).contains("server error"))
    #expect(frame[3, 5].role == .warning)
    #expect(frame[4, 5].role == .normal)
  }

  static let filters: [(String, [String])] = [
    ("山田", ["2026-03-01T10:02:00.000Z"]),
    ("verify", ["2026-03-01T10:00:05.000Z"]),
    ("servererror", ["2026-03-01T10:01:00.000Z"]),
    ("503", ["2026-03-01T10:01:00.000Z"]),
    ("braze_jp", ["2026-03-01T10:01:00.000Z"]),
    ("phone=", ["2026-03-01T10:01:00.000Z"]),
    ("denied", ["2026-03-01T10:02:00.000Z", "2026-03-01T10:01:00.000Z"]),
    ("10:00:0", ["2026-03-01T10:00:05.000Z", "2026-03-01T10:00:00.000Z"]),
    ("SALE_JP/SMS", ["2026-03-01T10:01:00.000Z"]),
    ("nothing-like-this", []),
  ]

  @Test(arguments: filters)
  func theFilterNarrowsAsYouType(text: String, times: [String]) throws {
    var state = try Self.history()
    trigger(&state, .filter)
    type(&state, text)
    #expect(state.currentList.visible.map { state.journal[$0].time } == times)
    press(&state, .enter)
    #expect(state.currentList.filter == text)
    trigger(&state, .back)
    #expect(state.currentList.filter.isEmpty)
    #expect(state.currentList.visible.count == 4)
  }

  @Test(arguments: ["élodie.ça@example", "ÉLODIE.ÇA@EXAMPLE.COM", "Élodie", "山田"])
  func theFilterIgnoresCaseBeyondASCII(text: String) throws {
    var accented = Self.journal[3]
    accented.identityValue = "Élodie.ÇA@Example.COM 山田"
    var state = try Self.history([Self.journal[0], accented])
    trigger(&state, .filter)
    type(&state, text)
    #expect(state.currentList.visible.map { state.journal[$0] } == [accented])
  }

  @Test func aJournalReplacedByAnotherIsSearchedAfresh() throws {
    var state = try Self.history()
    var other = Self.journal[2]
    other.topic = "replaced_topic"
    Self.loaded(&state, [other, Self.journal[1]])
    trigger(&state, .filter)
    type(&state, "replaced")
    #expect(state.currentList.visible.map { state.journal[$0] } == [other])
    trigger(&state, .back)
    trigger(&state, .filter)
    type(&state, "山田")
    #expect(state.currentList.visible.isEmpty)
  }

  @Test func theSelectionStaysOnItsEntryWhenTheJournalIsReadAgain() throws {
    var state = try Self.history()
    press(&state, .down, .down)
    let chosen = try #require(Self.selected(state))
    #expect(chosen.time == "2026-03-01T10:00:05.000Z")
    var newer = Self.journal[0]
    newer.time = "2026-03-01T11:00:00.000Z"
    Self.loaded(&state, Self.journal + [newer])
    #expect(state.journal.count == 5)
    #expect(Self.selected(state) == chosen)
    // Filtered, the same holds, and the new entry joins when it matches.
    trigger(&state, .filter)
    type(&state, "ana@")
    press(&state, .enter)
    let filtered = try #require(Self.selected(state))
    Self.loaded(&state, Self.journal + [newer, newer])
    #expect(Self.selected(state) == filtered)
    #expect(state.currentList.visible.count == 4)
  }

  @Test func movingKeysAndTheMouseWorkAsOnOtherLists() throws {
    var state = try Self.history(size: Size(width: 100, height: 30))
    trigger(&state, .moveBottom)
    #expect(Self.selected(state)?.time == "2026-03-01T10:00:00.000Z")
    press(&state, .character("k"))
    #expect(Self.selected(state)?.time == "2026-03-01T10:00:05.000Z")
    press(&state, .pageUp)
    #expect(state.currentList.selected == 0)
    press(&state, .pageDown)
    #expect(state.currentList.selected == 3)
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 3, column: 10))))
    #expect(state.currentList.selected == 1)
  }

  static let inapplicable: [(Character, String)] = [
    ("n", "written by test-sends"), ("e", "written by test-sends"),
    ("d", "written by test-sends"), ("c", "written by test-sends"),
    ("x", "works on a connection"), ("P", "works on a connection"),
    ("t", "test-sends from a topic"),
  ]

  @Test(arguments: inapplicable)
  func keysThatMeanNothingHereSayWhy(key: Character, reason: String) throws {
    var state = try Self.history()
    let before = state.journal
    #expect(press(&state, .character(key)).isEmpty)
    #expect(state.screens.isEmpty && state.overlay == nil)
    #expect(state.status?.level == .warning)
    #expect(state.status?.text.contains(reason) == true)
    #expect(state.journal == before)
  }

  @Test func enterOpensTheEntryWithEveryRequestAndAnswer() throws {
    var state = try Self.history(size: Size(width: 100, height: 60))
    trigger(&state, .moveBottom)
    press(&state, .enter)
    let view = try #require(Self.entryView(state))
    #expect(view.entry == Self.journal[0])
    let screen = TestSendTests.text(state)
    for expected in [
      "Test-send at 2026-03-01T10:00:00.000Z", "Topic/channel  weekly_newsletter/email",
      "Connection     braze_us", "email=ana@example.com, sent as Braze email",
      "granted → subscribed", "Group id       " + Self.group,
      "Request 1 of 1: send", "POST " + Self.setURL,
      "needs the permission subscription.status.set",
      "\"subscription_group_id\": \"" + Self.group + "\",", "Attempt 1: HTTP 201 in 42 ms",
      "X-RateLimit-Limit 5000, X-RateLimit-Remaining 4999, X-RateLimit-Reset 1772359260",
      "\"message\": \"success\"", "Outcome: success, HTTP 201", "Braze accepted the change.",
    ] {
      #expect(screen.contains(expected), "missing: \(expected)")
    }
    #expect(screen.contains("Send 03-01 10:00:00"))
    #expect(!screen.contains("Bearer"))
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
    #expect(state.section == .history)
    #expect(Self.selected(state) == Self.journal[0])
  }

  @Test func aVerifyEntryShowsExpectedAndObserved() throws {
    var state = try Self.history(size: Size(width: 160, height: 40))
    press(&state, .down, .down, .enter)
    let screen = TestSendTests.text(state)
    #expect(screen.contains("Verify (read back) at 2026-03-01T10:00:05.000Z"))
    #expect(screen.contains("Request 1 of 1: verify"))
    #expect(screen.contains("GET " + Self.getURL))
    #expect(screen.contains("Expected       Subscribed"))
    #expect(screen.contains("Observed       Subscribed"))
  }

  @Test func aFailedEntryShowsEachAttemptAndWhatToCheck() throws {
    var state = try Self.history(size: Size(width: 100, height: 50))
    press(&state, .down, .enter)
    let screen = TestSendTests.text(state)
    #expect(screen.contains("Attempt 3: HTTP 503 in 5 ms, then waited 100 ms"))
    #expect(screen.contains("upstream down"))
    #expect(screen.contains("Outcome: server error, HTTP 503"))
    #expect(screen.contains("Check status.braze.com."))
  }

  @Test func theEntryScrollsAndStopsAtItsEnds() throws {
    var state = try Self.history(size: Size(width: 80, height: 16))
    press(&state, .character("G"), .enter)
    let top = TestSendTests.text(state)
    #expect(top.contains("Test-send at"))
    press(&state, .character("j"))
    #expect(Self.entryView(state)?.scroll == 1)
    press(&state, .down)
    #expect(Self.entryView(state)?.scroll == 2)
    press(&state, .up)
    #expect(Self.entryView(state)?.scroll == 1)
    trigger(&state, .moveBottom)
    let last = try #require(Self.entryView(state)?.scroll)
    #expect(last > 2)
    let bottom = TestSendTests.text(state)
    #expect(!bottom.contains("Test-send at"))
    #expect(bottom.contains("Braze accepted the change."))
    press(&state, .pageDown, .down)
    #expect(Self.entryView(state)?.scroll == last)
    press(&state, .pageUp)
    #expect(Self.entryView(state)?.scroll == max(0, last - 13))
    trigger(&state, .moveTop)
    #expect(Self.entryView(state)?.scroll == 0)
    press(&state, .character("k"))
    #expect(Self.entryView(state)?.scroll == 0)
    let selected = state.currentList.selected
    _ = ConsoleModel.update(&state, .mouse(.scrollDown(Position(row: 4, column: 4))))
    #expect(Self.entryView(state)?.scroll == 3)
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 4, column: 4))))
    _ = ConsoleModel.update(&state, .mouse(.scrollUp(Position(row: 4, column: 4))))
    #expect(Self.entryView(state)?.scroll == 0)
    #expect(state.currentList.selected == selected)
    trigger(&state, .back)
    #expect(state.screens.isEmpty)
  }

  @Test func untilTheJournalIsReadHistorySaysSo() throws {
    var state = try Fixtures.state()
    trigger(&state, .showHistory)
    let reading = TestSendTests.text(state)
    #expect(reading.contains("Reading the journal…"))
    #expect(!reading.contains("No test-send yet"))
    Self.loaded(&state, [])
    #expect(TestSendTests.text(state).contains("No test-send yet"))
  }

  @Test func helpOnAnEntryListsItsKeys() throws {
    var state = try Self.history(size: Size(width: 100, height: 40))
    press(&state, .enter, .character("?"))
    let help = TestSendTests.text(state)
    #expect(help.contains("One journal entry in full"))
    #expect(help.contains("Journal entry (History)"))
    #expect(help.contains("scroll down"))
    #expect(help.contains("back to History"))
    trigger(&state, .back)
    #expect(state.overlay == nil && Self.entryView(state) != nil)
  }

  @Test func enterOnAnEmptyHistorySaysSo() throws {
    var state = try Self.history([])
    #expect(TestSendTests.text(state).contains("No test-send yet"))
    press(&state, .enter)
    #expect(state.screens.isEmpty)
    #expect(state.status?.text == "No journal entry is selected.")
  }

  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  @Test(arguments: sizes)
  func historySnapshots(size: Size) throws {
    var state = try Self.history(size: size)
    press(&state, .down)
    state = RenderSnapshotTests.quiet(state)
    expectSnapshot(
      ConsoleModel.render(state, size), named: RenderSnapshotTests.name("history-list", size))
    press(&state, .character("g"), .enter)
    state = RenderSnapshotTests.quiet(state)
    expectSnapshot(
      ConsoleModel.render(state, size), named: RenderSnapshotTests.name("history-entry", size))
  }
}

/// The hint strip offers `t` where it can send, and only there.
@Suite struct TestSendHintTests {
  static let places: [(String, [Key], Bool)] = [
    ("Topics", [.character("2")], true),
    ("a topic's channels", [.character("2"), .enter], true),
    ("Connections", [.character("1")], false),
    ("Identity spaces", [.character("3")], false),
    ("Properties", [.character("4")], false),
    ("a property's captures", [.character("4"), .enter], false),
    ("History", [.character("5")], false),
  ]

  @Test(arguments: places)
  func tIsHintedOnlyWhereItCanSend(place: String, keys: [Key], hinted: Bool) throws {
    for width in [80, 120] {
      var state = try Fixtures.state(size: Size(width: width, height: 24))
      for key in keys { _ = ConsoleModel.update(&state, .key(key)) }
      state = RenderSnapshotTests.quiet(state)
      let strip = ConsoleModel.render(state, state.size).text(ofRow: 23)
      #expect(strip.contains(" t test-send ") == hinted, "\(place) at \(width): \(strip)")
      #expect(strip.contains("? help"), "\(place) at \(width): \(strip)")
    }
  }
}
