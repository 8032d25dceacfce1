import CNcursesw
import MizzenConsole

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Terminal {
  /// Bytes read from the terminal in one call at most: a paste larger than this is
  /// delivered over several frames, so the screen moves and a key after it answers.
  static let readLimit = 4 << 20
  /// How long a paste may pause before its end marker is given up on.
  static let pasteTimeoutMilliseconds: Int32 = 500

  /// Waits up to `timeoutMilliseconds` for input and returns all that has come: every byte
  /// waiting is read and decoded at once, so a paste is one `.text` or `.paste` input.
  /// Empty when nothing came (or it meant nothing, like a mouse release or an unknown
  /// sequence); `.closed` when standard input reached its end or hung up.
  public func nextInputs(timeoutMilliseconds: Int32) -> [TerminalInput] {
    var inputs: [TerminalInput] = []
    var wait = max(0, timeoutMilliseconds)
    var total = 0
    while total < Self.readLimit {
      switch waitForBytes(milliseconds: wait) {
      case .resized:
        inputs.append(resized())
      case .bytes(let count, let bytes):
        total += count
        inputs += decoder.decode(bytes)
      case .closed:
        inputs += decoder.timedOut()
        inputs.append(.closed)
        return Self.merged(inputs)
      case .nothing:
        if decoder.isWaiting && wait > 0 {
          // The wait for the rest of a sequence (or paste) is over: take it as it is.
          inputs += decoder.timedOut()
        } else if decoder.isWaiting {
          wait = decoder.isPasting ? Self.pasteTimeoutMilliseconds : Self.escapeDelayMilliseconds
          continue
        }
        return Self.merged(inputs)
      }
      // After the first input, only what is already waiting (or the rest of a sequence).
      wait = 0
    }
    return Self.merged(inputs)
  }

  private enum Arrival {
    case nothing, resized, closed
    case bytes(Int, ArraySlice<UInt8>)
  }

  private func waitForBytes(milliseconds: Int32) -> Arrival {
    var watched = [
      pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
      pollfd(fd: ResizeSignal.descriptor, events: Int16(POLLIN), revents: 0),
    ]
    let ready = poll(&watched, nfds_t(watched.count), milliseconds)
    if ready < 0 { return errno == EINTR ? .nothing : .closed }
    if ready == 0 { return .nothing }
    if watched[1].revents & Int16(POLLIN) != 0 {
      ResizeSignal.drain()
      return .resized
    }
    let events = watched[0].revents
    if events & Int16(POLLIN) != 0 {
      let count = readBuffer.withUnsafeMutableBytes {
        read(inputDescriptor, $0.baseAddress, $0.count)
      }
      if count > 0 { return .bytes(count, readBuffer[0..<count]) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { return .nothing }
      return .closed
    }
    if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
    return .nothing
  }

  /// ncurses is told the terminal's new size; what the terminal shows is unknown now
  /// (emulators reflow), so the next draw repaints everything from a cleared screen.
  private func resized() -> TerminalInput {
    var window = winsize()
    if ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0,
      window.ws_col > 0
    {
      mizzen_resize_term(Int32(window.ws_row), Int32(window.ws_col))
    }
    shown = nil
    mizzen_clearok(self.window, true)
    return .resize(size)
  }

  /// Neighbouring runs of text joined, so that what one call read is one edit.
  nonisolated public static func merged(_ inputs: [TerminalInput]) -> [TerminalInput] {
    var result: [TerminalInput] = []
    var run = ""
    var runIsPaste: Bool?
    func flush() {
      guard let pasted = runIsPaste else { return }
      result.append(pasted ? .paste(run) : .text(run))
      run = ""
      runIsPaste = nil
    }
    func append(_ text: String, pasted: Bool) {
      if runIsPaste != pasted { flush() }
      run += text
      runIsPaste = pasted
    }
    for input in inputs {
      switch input {
      case .text(let text): append(text, pasted: false)
      case .paste(let text): append(text, pasted: true)
      default:
        flush()
        result.append(input)
      }
    }
    flush()
    return result
  }
}
