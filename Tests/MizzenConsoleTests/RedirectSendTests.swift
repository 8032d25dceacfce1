import Foundation
import MizzenConsole
import MizzenCore
import MizzenRuntime
import MizzenTestSupport
import Testing

/// The console's own test-send, keys to effect runner to screen, against an endpoint that
/// answers with a redirect to a second loopback host: the key never goes there, and the
/// screen and the journal say the call failed and name the other host.
@Suite struct RedirectSendTests {
  static let key = "console-redirect-key-0042"

  @Test(arguments: [302, 307, 308])
  func aTestSendFromTheConsoleIsNeverRedirected(status: Int) async throws {
    let elsewhere = try RawHTTPServer(address: "127.0.0.2") { _, write in
      _ = write(RawHTTPServer.answer(201, body: #"{"message":"success"}"#))
    }
    let target = elsewhere.baseURL + "/subscription/status/set"
    let endpoint = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(status, headers: ["Location": target], body: ""))
    }
    var workspace = Fixtures.workspace
    let index = try #require(workspace.connections.firstIndex { $0.code == "braze_us" })
    workspace.connections[index].endpoint = endpoint.baseURL
    let (store, loaded) = try Fixtures.loaded(workspace)
    var state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil, options: ConsoleOptions(workspacePath: store.path),
      size: Size(width: 120, height: 30))
    let runner = EffectRunner(
      store: store,
      environment: RuntimeEnvironment(variables: ["BRAZE_US_API_KEY": Self.key]))

    trigger(&state, .showTopics)
    trigger(&state, .testSend)
    #expect(TestSendTests.screen(state)?.topic == "weekly_newsletter")
    type(&state, TestSendTests.email)
    let effects = press(&state, .enter)
    #expect(effects.contains { if case .signal(.send) = $0 { true } else { false } })
    for effect in effects { runner.start(effect) }
    var sentEntry: JournalEntry?
    let deadline = ContinuousClock.now + hangGuard
    while sentEntry == nil && ContinuousClock.now < deadline {
      for event in runner.takeResults() {
        if case .effectCompleted(.signal(.sent(_, let entry, _))) = event { sentEntry = entry }
        for effect in ConsoleModel.update(&state, event) { runner.start(effect) }
      }
      // Gives the pool back: the runner's calls run on it.
      try await Task.sleep(for: .milliseconds(5))
    }

    let entry = try #require(sentEntry, "the runner gave no send result")
    #expect(!entry.succeeded)
    #expect(entry.outcome.status == status)
    #expect(entry.outcome.message.contains("127.0.0.2"))
    #expect(endpoint.requests.count == 1)
    #expect(elsewhere.requests.isEmpty)
    #expect(elsewhere.authorizations.isEmpty)
    let screen = TestSendTests.text(state)
    #expect(screen.contains("127.0.0.2"), "\(screen)")
    #expect(!screen.contains("accepted"), "\(screen)")
    #expect(!screen.contains(Self.key))
    let journal = try String(contentsOfFile: store.path + ".journal.jsonl", encoding: .utf8)
    #expect(journal.contains("\"status\":\(status)"))
    #expect(!journal.contains(Self.key))
  }
}
