import Foundation
import MizzenConsole
import MizzenCore
import MizzenRuntime
import MizzenTestSupport
import Testing

/// The console's effect runner takes what it reads from the world from
/// `RuntimeEnvironment`, as the command-line commands do.
@Suite struct EffectRunnerEnvironmentTests {
  /// The configurations a runner asked its client factory for.
  final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var configurations: [BrazeClientConfiguration] = []
    var all: [BrazeClientConfiguration] { lock.withLock { configurations } }
    func add(_ configuration: BrazeClientConfiguration) {
      lock.withLock { configurations.append(configuration) }
    }
  }

  @Test func theConsolesClientHonoursMizzenTimeoutSeconds() throws {
    let (store, _) = try SaveAndReloadTests.start()
    let asked = Asked()
    let environment = RuntimeEnvironment(variables: ["MIZZEN_TIMEOUT_SECONDS": "0.3"]) {
      asked.add($0)
      return BrazeClient(configuration: $0)
    }
    _ = EffectRunner(store: store, environment: environment)
    #expect(asked.all.map(\.attemptTimeout) == [.milliseconds(300)])
  }

  @Test func withoutTheVariableTheClientKeepsTheProductTimeout() {
    let environment = RuntimeEnvironment(variables: ["MIZZEN_TIMEOUT_SECONDS": "soon"])
    #expect(environment.clientConfiguration.attemptTimeout == .seconds(30))
  }

  /// A key comes from the runner's environment, not from the process's.
  @Test func aSendReadsItsKeyFromTheRunnersEnvironment() throws {
    let (store, _) = try SaveAndReloadTests.start()
    let runner = EffectRunner(store: store, environment: RuntimeEnvironment(variables: [:]))
    let workspace = try store.load().workspace
    let topic = try #require(workspace.topics.first { !$0.channels.isEmpty })
    let channel = topic.channels[0]
    let connection = try #require(workspace.connections.first { $0.code == channel.connection })
    guard case .environment(let name) = connection.apiKey else {
      Issue.record("the fixture's first channel should take its key from the environment")
      return
    }
    #expect(ProcessInfo.processInfo.environment[name] == nil)
    let space = try #require(workspace.identitySpaces.first)
    let signal = Signal(
      topic: topic.code, channel: channel.channel, identities: [space.code: "a@example.com"],
      state: .granted)
    let plan = try SignalPlanner.plan(signal, in: workspace)
    runner.start(.signal(.send(plan, id: 7)))
    runner.waitUntilIdle()
    let results = runner.takeResults()
    guard case .effectCompleted(.signal(.refused(let id, let message)))? = results.first else {
      Issue.record("expected the send refused for want of a key, got \(results)")
      return
    }
    #expect(id == 7)
    #expect(message.contains(name))
  }

  /// Reading History gives the reconcile runs and then the journal: one effect, one end.
  /// Counted as two ends, the runner went below zero effects out and stopped polling
  /// quickly for the rest of the session, whatever was running.
  @Test func readingTheJournalEndsOneEffect() throws {
    let (store, _) = try SaveAndReloadTests.start()
    let runner = EffectRunner(store: store, environment: RuntimeEnvironment(variables: [:]))
    var results: [ConsoleEvent] = []
    for _ in 0..<2 {
      runner.start(.signal(.loadJournal))
      runner.waitUntilIdle()
      let deadline = Date().addingTimeInterval(hangGuardSeconds)
      var loaded = false
      while !loaded && Date() < deadline {
        let taken = runner.takeResults()
        results += taken
        loaded = taken.contains {
          if case .effectCompleted(.signal(.journalLoaded)) = $0 { return true }
          return false
        }
        if !loaded { Thread.sleep(forTimeInterval: 0.01) }
      }
      #expect(loaded, "the journal was not read")
    }
    #expect(runner.runningEffects == 0)
    #expect(
      results.contains {
        if case .effectCompleted(.signal(.reconcileRunsLoaded)) = $0 { return true }
        return false
      })
  }
}
