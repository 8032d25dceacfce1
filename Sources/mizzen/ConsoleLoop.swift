import MizzenConsole
import MizzenCore
import MizzenRuntime
import MizzenTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The console's main loop: input → update → effects → render → draw, until quit or a
/// signal. The only place where the pure console, the terminal and the store meet.
@MainActor
struct ConsoleLoop {
  /// How the loop ended.
  enum Ending: Equatable {
    case quit
    case signal(Int32)
  }

  /// How often results of running effects are looked for while some are out.
  static let busyPollMilliseconds: Int32 = 10
  /// How long an idle loop waits for input before it looks at the signals again (they
  /// arrive on a dispatch queue, not as input): no update and no drawing on such a turn.
  static let idleWaitMilliseconds: Int32 = 250

  let terminal: Terminal
  let runner: EffectRunner
  let signals: SignalTrap
  var state: ConsoleState
  var trace: StartupTrace?

  mutating func run() -> Ending {
    let tick = ConsoleModel.tickInterval
    var lastTick = ContinuousClock.now
    draw()
    // A large workspace is validated away from the key loop from the start.
    for effect in ConsoleModel.startEffects(&state) { runner.start(effect) }
    while true {
      if signals.takeInterrupt() {
        // ctrl-c asks first when changes would be lost; otherwise it ends as SIGINT.
        if ConsoleModel.update(&state, .interrupt).contains(.quit) {
          return .signal(SignalTrap.interrupt)
        }
        draw()
      }
      if let signal = signals.caught { return .signal(signal) }
      // Ticks only while something animates or expires (ConsoleModel.wantsTick).
      let ticking = ConsoleModel.wantsTick(state)
      if !ticking { lastTick = .now }
      let untilTick = tick - (ContinuousClock.now - lastTick)
      var wait = ticking ? max(0, Int32(untilTick / .milliseconds(1))) : Self.idleWaitMilliseconds
      if runner.isBusy { wait = min(wait, Self.busyPollMilliseconds) }
      // Everything the terminal has sent is read at once: a paste is one text event, and
      // the frame is drawn once for all of it.
      let inputs = terminal.nextInputs(timeoutMilliseconds: wait)
      var events = inputs.compactMap(Self.event(for:))
      if ticking && ContinuousClock.now - lastTick >= tick {
        events.append(.tick)
        lastTick = .now
      }
      events += runner.takeResults()
      if !events.isEmpty {
        if apply(events) { return .quit }
        draw()
      }
      // The terminal went away without a SIGHUP (end of file or hang-up on standard
      // input, as under runuser): end as a hang-up ends.
      if inputs.contains(.closed) { return .signal(SIGHUP) }
    }
  }

  /// Applies events and starts the effects they ask for; true when one asked to quit.
  private mutating func apply(_ events: [ConsoleEvent]) -> Bool {
    var quit = false
    for event in events {
      for effect in ConsoleModel.update(&state, event) {
        if case .quit = effect { quit = true } else { runner.start(effect) }
      }
    }
    return quit
  }

  private mutating func draw() {
    terminal.draw(ConsoleModel.render(state, terminal.size))
    trace?.firstFrameDrawn()
  }

  private static func event(for input: TerminalInput) -> ConsoleEvent? {
    switch input {
    case .key(let key): return .key(key)
    case .text(let text): return .text(text)
    case .paste(let text): return .paste(text)
    case .closed: return nil
    case .mouse(let mouse): return .mouse(mouse)
    case .resize(let size): return .resize(size)
    }
  }
}
