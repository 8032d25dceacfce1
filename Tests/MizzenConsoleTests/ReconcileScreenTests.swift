import BrazeSandbox
import Foundation
import MizzenConsole
import MizzenCore
import MizzenRuntime
import MizzenTestSupport
import Testing

/// `:reconcile FILE` in the console: the read-only compare runs as a job of the real
/// runner against the sandbox on 127.0.0.1, its progress and summary are drawn, esc stops
/// it after the call in flight, and the report's rows filter and open the person's look-up
/// (enter) or a test-send (t).
@Suite(.serialized) struct ReconcileScreenTests {
  static let key = "console-reconcile-key-0123456789"
  static let group = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"

  /// A sandbox that knows the fixture's email group, a workspace whose `braze_us` points
  /// at it (the key in the runner's environment only), and a console on that workspace.
  final class Harness {
    let server: SandboxServer
    let folder: URL
    let store: WorkspaceStore
    let runner: EffectRunner
    var state: ConsoleState

    init(latency: Duration = .zero) throws {
      var configuration = SandboxConfiguration(keys: [key: SandboxConfiguration.allPermissions])
      configuration.groups = [group: .email]
      configuration.latency = latency
      server = try SandboxServer.start(configuration) { _ in }
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("mizzen-console-reconcile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var workspace = Fixtures.workspace
      workspace.connections[0].endpoint = server.baseURL
      store = WorkspaceStore(path: folder.appendingPathComponent("mizzen.json").path)
      _ = try store.save(workspace, expecting: nil)
      runner = EffectRunner(
        store: store, environment: RuntimeEnvironment(variables: ["BRAZE_US_API_KEY": key]))
      state = ConsoleModel.initialState(
        loaded: try store.load(), loadError: nil,
        options: ConsoleOptions(workspacePath: store.path), size: Size(width: 120, height: 40))
    }

    deinit {
      runner.waitUntilIdle()
      server.stop()
      try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` into the workspace's folder.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
      let path = folder.appendingPathComponent(name).path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      return path
    }

    /// Seeds Braze's side from rows in the export format.
    func seed(_ text: String) throws {
      let path = try write("braze-side.csv", text)
      _ = try SandboxSeed.load(path: path, workspace: try store.load().workspace, into: server)
    }

    /// Types `:command` and enter; starts what it asks for.
    @discardableResult
    func command(_ text: String) -> [Effect] {
      press(&state, .character(":"))
      type(&state, text)
      return run(press(&state, .enter))
    }

    /// Starts `effects` on the real runner and returns them.
    @discardableResult
    func run(_ effects: [Effect]) -> [Effect] {
      for effect in effects { runner.start(effect) }
      return effects
    }

    /// Feeds the runner's results to the console until `done`, starting the effects they
    /// ask for; returns every result seen.
    @discardableResult
    func pump(until done: (ConsoleState) -> Bool) async throws -> [ConsoleEvent] {
      let deadline = ContinuousClock.now + hangGuard
      var seen: [ConsoleEvent] = []
      while !done(state) {
        guard ContinuousClock.now < deadline else {
          Issue.record("waited \(hangGuard); the screen:\n\(TestSendTests.text(state))")
          throw CancellationError()
        }
        let events = runner.takeResults()
        for event in events { run(ConsoleModel.update(&state, event)) }
        seen += events
        try await Task.sleep(for: .milliseconds(5))
      }
      return seen
    }

    var screen: ReconcileState? {
      if case .reconcile(let run) = state.screens.last { return run }
      return nil
    }

    var text: String { TestSendTests.text(state) }
  }

  static func ended(_ state: ConsoleState) -> Bool {
    state.screens.contains { screen in
      if case .reconcile(let run) = screen { return run.phase == .ended }
      return false
    }
  }

  /// `count` people on the weekly newsletter's email group: the export's rows, and Braze's
  /// side with every tenth person the opposite (drift) and every seventh from 3 missing.
  static func people(_ count: Int) -> (export: String, braze: String, drift: Int, unknown: Int) {
    var export = "email,topic,channel,state\n"
    var braze = "email,topic,channel,state\n"
    var drift = 0
    var unknown = 0
    for person in 0..<count {
      let state = person % 3 == 0 ? "denied" : "granted"
      export += "p\(person)@example.com,weekly_newsletter,email,\(state)\n"
      if person % 7 == 3 {
        unknown += 1
      } else if person % 10 == 0 {
        drift += 1
        let opposite = state == "granted" ? "denied" : "granted"
        braze += "p\(person)@example.com,weekly_newsletter,email,\(opposite)\n"
      } else {
        braze += "p\(person)@example.com,weekly_newsletter,email,\(state)\n"
      }
    }
    return (export, braze, drift, unknown)
  }

  @Test func reconcileFileRunsTheCompareThenShowsTheCountsAndTheReport() async throws {
    let harness = try Harness()
    let people = Self.people(120)
    try harness.seed(people.braze)
    // A row naming a topic with a terminal escape in it: refused, and drawn escaped.
    let hostile = "x@example.com,\u{1b}]0;pwned\u{7}news,email,granted\n"
    let input = try harness.write("export.csv", people.export + hostile)
    // A relative FILE is taken from the workspace's folder.
    let effects = harness.command("reconcile export.csv")
    guard case .signal(.reconcile(let job, let id))? = effects.first else {
      Issue.record(":reconcile asked for no run: \(effects)")
      return
    }
    #expect(job.inputPath == input)
    #expect(harness.screen?.phase == .running(id: id))
    #expect(harness.text.contains("esc stops after the call in flight"))
    let seen = try await harness.pump(until: Self.ended)
    #expect(
      seen.contains {
        if case .effectCompleted(.signal(.reconcileProgress(id, _))) = $0 { return true }
        return false
      }, "no progress reached the console")
    let run = try #require(harness.screen)
    let result = try #require(run.result)
    #expect(result.failure == nil && !result.stopped)
    let counts = try #require(result.counts.first { $0.topic == "weekly_newsletter" })
    #expect(counts.drift == people.drift)
    #expect(counts.unknown == people.unknown)
    #expect(counts.agree == 120 - people.drift - people.unknown)
    #expect(result.findingsTotal == people.drift + people.unknown + 1)
    #expect(run.list.visible.count == result.findings.count)
    let text = harness.text
    #expect(text.contains("Done: reading 120/120 rows 100%"), "\(text)")
    #expect(text.contains("drift \(people.drift)"))
    #expect(text.contains("weekly_newsletter/email"))
    #expect(text.contains("Report: \(people.drift + people.unknown + 1) rows"))
    #expect(text.contains("email=p0@example.com"))
    #expect(!text.contains("\u{1b}") && !text.contains("\u{7}"), "an escape reached the screen")
    #expect(harness.state.status?.text.contains("\(people.drift) rows drift") == true)
    // Refused input rows come first; they name no person to look up or send to.
    #expect(run.selectedFinding?.kind == .refused)
    press(&harness.state, .enter)
    #expect(harness.state.status?.text.contains("This input row was refused") == true)
    press(&harness.state, .character("t"))
    #expect(harness.state.status?.text.contains("This input row was refused") == true)
    #expect(harness.screen != nil)
  }

  @Test func progressIsABarWithDoneTotalRateETADriftAndErrors() throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 30))
    press(&state, .character(":"))
    type(&state, "reconcile /tmp/export.csv")
    guard case .signal(.reconcile(_, let id))? = press(&state, .enter).first else {
      Issue.record("no run")
      return
    }
    #expect(TestSendTests.text(state).contains("reading the export…"))
    #expect(ConsoleModel.wantsTick(state))
    let progress = ReconcileProgress(
      phase: .read, done: 500, total: 2000, drift: 7, errors: 2, requests: 10, rateLimited: 0,
      elapsed: .seconds(1))
    _ = ConsoleModel.update(&state, .effectCompleted(.signal(.reconcileProgress(id: id, progress))))
    let text = TestSendTests.text(state)
    // 120 columns give a bar of 24 cells; a quarter of it is done.
    #expect(text.contains("reading [######------------------]"), "\(text)")
    #expect(text.contains("500/2,000 rows 25%"))
    #expect(text.contains("500 rows/s"))
    #expect(text.contains("ETA 0:03"))
    #expect(text.contains("drift 7"))
    #expect(text.contains("errors 2"))
    // Progress of another run (one closed earlier) does not land here.
    let other = ReconcileProgress(
      phase: .read, done: 1999, total: 2000, drift: 99, errors: 0, requests: 40, rateLimited: 0,
      elapsed: .seconds(1))
    _ = ConsoleModel.update(
      &state, .effectCompleted(.signal(.reconcileProgress(id: id + 1, other))))
    #expect(!TestSendTests.text(state).contains("drift 99"))
  }

  @Test func escStopsTheRunAfterTheCallInFlightThenASecondEscCloses() async throws {
    let harness = try Harness(latency: .milliseconds(100))
    let people = Self.people(2000)
    try harness.seed(people.braze)
    try harness.write("big.csv", people.export)
    guard case .signal(.reconcile(_, let id))? = harness.command("reconcile big.csv").first else {
      Issue.record("no run")
      return
    }
    #expect(harness.run(press(&harness.state, .escape)) == [.signal(.cancel(id: id))])
    #expect(harness.screen?.phase == .stopping(id: id))
    #expect(harness.text.contains("Stopping after the call in flight"))
    try await harness.pump(until: Self.ended)
    let result = try #require(harness.screen?.result)
    #expect(result.stopped)
    #expect(result.failure == nil)
    // 2,000 rows are 40 reads of 50; it stopped long before them.
    #expect(result.requests < 40, "\(result.requests) reads")
    #expect(harness.text.contains("Stopped: reading"))
    // The journal has the read phase, marked stopped.
    let journal = try String(
      contentsOfFile: harness.store.path + ".reconcile.jsonl", encoding: .utf8)
    let last = try #require(journal.split(separator: "\n").last)
    #expect(last.contains("\"kind\":\"reconcile.read\"") && last.contains("\"stopped\":true"))
    press(&harness.state, .escape)
    #expect(harness.state.screens.isEmpty)
  }

  @Test func aSecondEscWhileStoppingClosesAndTheLateEndIsOnlyAnnounced() async throws {
    let harness = try Harness(latency: .milliseconds(100))
    let people = Self.people(500)
    try harness.seed(people.braze)
    try harness.write("export.csv", people.export)
    harness.command("reconcile export.csv")
    harness.run(press(&harness.state, .escape))
    press(&harness.state, .escape)
    #expect(harness.state.screens.isEmpty)
    try await harness.pump { $0.status?.text.contains("A reconcile that was closed") == true }
  }

  @Test func aMissingFileSaysSoOnTheScreen() async throws {
    let harness = try Harness()
    harness.command("reconcile no-such-export.csv")
    try await harness.pump(until: Self.ended)
    let text = harness.text
    #expect(text.contains("Could not compare:"), "\(text)")
    #expect(text.contains("Cannot open the input"))
    #expect(text.contains("no-such-export.csv"))
    #expect(harness.state.status?.level == .error)
    // A quoted name with a space is taken whole.
    press(&harness.state, .escape)
    try harness.write("my export.csv", "email,topic,channel,state\n")
    harness.command("reconcile \"my export.csv\"")
    try await harness.pump(until: Self.ended)
    #expect(harness.screen?.result?.failure == nil, "\(harness.text)")
    #expect(harness.text.contains("Reconcile my export.csv"))
    #expect(harness.text.contains("Nothing to compare: the export has no row"))
    // Without a FILE the command says how it is used.
    press(&harness.state, .escape)
    harness.command("reconcile")
    #expect(harness.state.status?.text.contains("Usage: :reconcile FILE") == true)
  }

  /// A finished run with the fixture's drift, for the report's keys.
  static func finished() async throws -> Harness {
    let harness = try Harness()
    let people = Self.people(120)
    try harness.seed(people.braze)
    try harness.write("export.csv", people.export)
    harness.command("reconcile export.csv")
    try await harness.pump(until: Self.ended)
    return harness
  }

  @Test func slashFiltersTheReportAndEscClearsItThenCloses() async throws {
    let harness = try await Self.finished()
    let all = try #require(harness.screen?.list.visible.count)
    press(&harness.state, .character("/"))
    type(&harness.state, "p20@")
    press(&harness.state, .enter)
    let run = try #require(harness.screen)
    #expect(run.list.visible.count == 1)
    #expect(run.selectedFinding?.identifier == "p20@example.com")
    #expect(run.selectedFinding?.kind == .drift)
    #expect(harness.text.contains("filter “p20@”"))
    press(&harness.state, .escape)
    #expect(harness.screen?.list.visible.count == all)
    press(&harness.state, .character("/"))
    type(&harness.state, "unknown")
    press(&harness.state, .enter)
    #expect(harness.screen?.list.visible.count == Self.people(120).unknown)
    #expect(harness.screen?.selectedFinding?.kind == .unknown)
    press(&harness.state, .escape)
    #expect(harness.screen?.list.visible.count == all)
    press(&harness.state, .escape)
    #expect(harness.state.screens.isEmpty)
  }

  @Test func enterOpensThePersonsLookUpFilledInAndReading() async throws {
    let harness = try await Self.finished()
    press(&harness.state, .character("/"))
    type(&harness.state, "p20@")
    press(&harness.state, .enter)
    let effects = harness.run(press(&harness.state, .enter))
    guard case .lookup(let lookup) = harness.state.screens.last else {
      Issue.record("enter opened no look-up")
      return
    }
    let email = try #require(lookup.spaces.firstIndex(of: "email"))
    #expect(lookup.values[email].text == "p20@example.com")
    #expect(lookup.values.enumerated().allSatisfy { $0.offset == email || $0.element.text.isEmpty })
    #expect(lookup.selected == "weekly_newsletter/email")
    guard case .signal(.lookup(_, let id))? = effects.first else {
      Issue.record("the look-up did not start reading: \(effects)")
      return
    }
    try await harness.pump { state in
      if case .lookup(let lookup) = state.screens.last { return lookup.phase == .done }
      return false
    }
    // p20 is granted in the export (20 % 3 != 0); Braze holds the opposite.
    let row = harness.text.split(separator: "\n").first { $0.contains("weekly_newsletter/email") }
    #expect(row?.contains("Unsubscribed") == true, "\(harness.text)")
    #expect(id > 0)
    press(&harness.state, .escape)
    #expect(harness.screen?.selectedFinding?.identifier == "p20@example.com")
  }

  @Test func tOpensTheTestSendWithThePersonAndTheExpectedState() async throws {
    let harness = try await Self.finished()
    // p30 is denied in the export (30 % 3 == 0) and subscribed in Braze.
    press(&harness.state, .character("/"))
    type(&harness.state, "p30@")
    press(&harness.state, .enter)
    #expect(harness.screen?.selectedFinding?.expected == "denied")
    press(&harness.state, .character("t"))
    guard case .testSend(let send) = harness.state.screens.last else {
      Issue.record("t opened no test-send")
      return
    }
    #expect(send.topic == "weekly_newsletter" && send.channel == "email")
    #expect(send.choice == .denied)
    let email = try #require(send.spaces.firstIndex(of: "email"))
    #expect(send.values[email].text == "p30@example.com")
    #expect(harness.text.contains("[p30@example.com]"))
    press(&harness.state, .escape)
    #expect(harness.screen != nil)
  }

  /// The report sits below the summary, so a click on the summary selects no row; the
  /// wheel moves the selection.
  @Test func aClickSelectsNoReportRowAndTheWheelMoves() async throws {
    let harness = try await Self.finished()
    let first = harness.screen?.list.selected
    _ = ConsoleModel.update(&harness.state, .mouse(.click(Position(row: 6, column: 4))))
    #expect(harness.screen?.list.selected == first)
    _ = ConsoleModel.update(&harness.state, .mouse(.scrollDown(Position(row: 20, column: 4))))
    #expect(harness.screen?.list.selected == (first ?? 0) + 3)
  }

  @Test func theReportKeysWaitForTheRunToEnd() throws {
    var state = try Fixtures.state()
    press(&state, .character(":"))
    type(&state, "reconcile export.csv")
    press(&state, .enter)
    press(&state, .enter)
    #expect(state.status?.text.contains("The report opens when the run ends") == true)
    press(&state, .character("t"))
    #expect(state.status?.text.contains("The report opens when the run ends") == true)
    guard case .reconcile = state.screens.last else {
      Issue.record("a key left the running reconcile")
      return
    }
  }
}
