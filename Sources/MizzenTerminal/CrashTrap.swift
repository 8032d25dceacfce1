#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives the terminal back when the process traps (a Swift runtime trap is SIGILL or
/// SIGTRAP), faults or aborts: leaves the alternate screen, shows the cursor, turns mouse
/// reporting and bracketed paste off, restores the terminal's modes, prints one line saying
/// what happened, then raises the signal again with its default action.
///
/// The handler only calls write(2), tcsetattr(3) and raise(3), which are async-signal-safe,
/// on bytes prepared by `install`.
enum CrashTrap {
  static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

  /// What the handler sends to the terminal: mouse modes and bracketed paste off, plain
  /// attributes, the cursor shown, the alternate screen left.
  static let restoreSequence =
    "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1005l\u{1B}[?1006l\u{1B}[?1015l"
    + "\u{1B}[?2004l\u{1B}[0m\u{1B}[?12l\u{1B}[?25h\u{1B}[?1049l"

  /// The line printed for `signal`.
  static func message(for signal: Int32) -> String {
    let what: String
    switch signal {
    case SIGILL: what = "SIGILL (illegal instruction: a Swift runtime trap)"
    case SIGTRAP: what = "SIGTRAP (trace trap: a Swift runtime trap)"
    case SIGSEGV: what = "SIGSEGV (segmentation fault)"
    case SIGBUS: what = "SIGBUS (bus error)"
    case SIGABRT: what = "SIGABRT (abort)"
    default: what = "SIGFPE (arithmetic error)"
    }
    return "\nmizzen: the console stopped on \(what); the terminal was restored, and "
      + "unsaved edits in an open form were lost.\n"
  }

  /// Installs the handler; `output` is the terminal's descriptor, `modes` its modes from
  /// before the console changed them (set back on `input`).
  static func install(output: Int32, input: Int32, modes: termios?) {
    crashOutput = output
    crashInput = input
    if let modes {
      crashModes.pointee = modes
      crashHasModes = true
    }
    crashRestore = allocate(restoreSequence)
    for signal in signals where signal < 32 {
      crashMessages[Int(signal)] = allocate(message(for: signal))
      var action = sigaction()
      action.__sigaction_handler.sa_handler = crashHandler
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND) | UInt32(SA_NODEFER))
      sigaction(signal, &action, &crashPrevious[Int(signal)])
    }
    crashInstalled = true
  }

  /// Puts back the handlers found by `install`, once the terminal is given back.
  static func uninstall() {
    guard crashInstalled else { return }
    crashInstalled = false
    for signal in signals where signal < 32 {
      sigaction(signal, &crashPrevious[Int(signal)], nil)
    }
  }

  private static func allocate(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = buffer.initialize(from: bytes)
    return buffer
  }
}

nonisolated(unsafe) private var crashInstalled = false
nonisolated(unsafe) private var crashOutput: Int32 = -1
nonisolated(unsafe) private var crashInput: Int32 = -1
nonisolated(unsafe) private var crashHasModes = false
nonisolated(unsafe) private let crashModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private var crashRestore = UnsafeMutableBufferPointer<UInt8>(
  start: nil, count: 0)
nonisolated(unsafe) private var crashMessages = [UnsafeMutableBufferPointer<UInt8>?](
  repeating: nil, count: 32)
nonisolated(unsafe) private var crashPrevious: [sigaction] = Array(repeating: .init(), count: 32)

private let crashHandler: @convention(c) (Int32) -> Void = { signal in
  if let base = crashRestore.baseAddress { _ = write(crashOutput, base, crashRestore.count) }
  if crashHasModes { _ = tcsetattr(crashInput, TCSANOW, crashModes) }
  if signal >= 0, signal < 32, let message = crashMessages[Int(signal)],
    let base = message.baseAddress
  {
    _ = write(STDERR_FILENO, base, message.count)
  }
  // SA_RESETHAND gave the signal its default action back; SA_NODEFER lets it in now.
  raise(signal)
}
