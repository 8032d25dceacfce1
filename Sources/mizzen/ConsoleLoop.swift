import MizzenConsole
import MizzenCore
import MizzenTerminal

/// The console's main loop: input → update → effects → render → draw, until quit or a
/// signal. The only place where the pure console, the terminal and the store meet.
@MainActor
struct ConsoleLoop {
  /// How the loop ended.
  enum Ending: Equatable {
    case quit
    case signal(Int32)
  }

  /// At most this many inputs are applied before the screen is drawn again, so that a
  /// paste or a held key costs one draw, and the screen still moves under a long paste.
  static let inputsPerFrame = 64
  /// How often results of running effects are looked for while some are out.
  static let busyPollMilliseconds: Int32 = 10

  let terminal: Terminal
  let runner: EffectRunner
  let signals: SignalTrap
  var state: ConsoleState
  var trace: StartupTrace?

  mutating func run() -> Ending {
    let tick = ConsoleModel.tickInterval
    var lastTick = ContinuousClock.now
    draw()
    while true {
      var events: [ConsoleEvent] = []
      if signals.takeInterrupt() {
        // ctrl-c asks first when changes would be lost; otherwise it ends as SIGINT.
        if ConsoleModel.update(&state, .interrupt).contains(.quit) {
          return .signal(SignalTrap.interrupt)
        }
        draw()
      }
      if let signal = signals.caught { return .signal(signal) }
      let untilTick = tick - (ContinuousClock.now - lastTick)
      var wait = max(0, Int32(untilTick / .milliseconds(1)))
      if runner.isBusy { wait = min(wait, Self.busyPollMilliseconds) }
      while events.count < Self.inputsPerFrame,
        let input = terminal.nextInput(timeoutMilliseconds: events.isEmpty ? wait : 0)
      {
        events.append(Self.event(for: input))
      }
      if ContinuousClock.now - lastTick >= tick {
        events.append(.tick)
        lastTick = .now
      }
      events += runner.takeResults()
      if events.isEmpty { continue }
      if apply(events) { return .quit }
      draw()
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

  private static func event(for input: TerminalInput) -> ConsoleEvent {
    switch input {
    case .key(let key): return .key(key)
    case .mouse(let mouse): return .mouse(mouse)
    case .resize(let size): return .resize(size)
    }
  }
}
