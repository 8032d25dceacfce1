import MizzenConsole
import MizzenCore
import Testing

/// Ticks are asked for only while something moves: an idle console sleeps.
@Suite struct TickRequestTests {
  @Test func anIdleConsoleWantsNoTick() throws {
    var state = try Fixtures.state()
    _ = ConsoleModel.update(&state, .tick)
    #expect(state.status == nil)
    #expect(!ConsoleModel.wantsTick(state))
  }

  /// The first frame is drawn before the workspace is validated ("checking…"): with no key
  /// pressed, one tick must still come to do it, or the header says "checking…" for ever.
  @Test func aWorkspaceNotYetCheckedWantsTheTickThatChecksIt() throws {
    var state = try Fixtures.state()
    #expect(!state.problemsChecked)
    #expect(ConsoleModel.wantsTick(state))
    _ = ConsoleModel.update(&state, .tick)
    #expect(state.problemsChecked)
    #expect(!ConsoleModel.wantsTick(state))
  }

  @Test func anExpiringMessageWantsTicksUntilItIsGone() throws {
    var state = try Fixtures.state()
    StatusMessageTests.run(&state, "xyz")
    #expect(state.status?.expiresAtTick != nil)
    #expect(ConsoleModel.wantsTick(state))
    var ticks = 0
    while ConsoleModel.wantsTick(state) && ticks < 1_000 {
      _ = ConsoleModel.update(&state, .tick)
      ticks += 1
    }
    #expect(state.status == nil)
    #expect(!ConsoleModel.wantsTick(state))
  }

  @Test func aSaveInFlightWantsTicksForItsSpinner() throws {
    let (store, started) = try SaveAndReloadTests.start()
    var state = started
    let effects = trigger(&state, .delete) + pressButton(&state, "Delete")
    #expect(state.saveInFlight)
    #expect(ConsoleModel.wantsTick(state))
    _ = SaveAndReloadTests.run(effects, &state, store)
    #expect(!state.saveInFlight)
  }
}
