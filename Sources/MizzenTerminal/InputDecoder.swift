import MizzenConsole

/// Turns the bytes a terminal sends into inputs, the same whatever `TERM` says.
///
/// Keys are read in the xterm (CSI and SS3, with modifiers), rxvt, screen/tmux, vt220 and
/// Linux console encodings alike (`EscapeSequence`); an escape sequence nobody knows is
/// dropped whole, never replayed as separate keys. Printable text read together comes out
/// as one `.text` run and a bracketed paste as `.paste`, so that the console inserts it in
/// one edit. Bytes that are not UTF-8 are dropped alone, never the rest of the read.
///
/// Pure and linear in the bytes fed; what a read ends in the middle of (a sequence, a
/// character, a paste's end marker) waits for the next read, or for `timedOut()`.
public struct InputDecoder: Sendable {
  static let escape: UInt8 = 0x1B
  static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

  /// False when mouse reporting is off: mouse reports are then dropped.
  let mouse: Bool
  private var pending: [UInt8] = []
  /// True between a bracketed paste's start and end markers.
  public private(set) var isPasting = false

  public init(mouse: Bool = true) {
    self.mouse = mouse
  }

  /// True when the last bytes may be the start of something longer: the caller waits a
  /// little for the rest, then calls `timedOut()`.
  public var isWaiting: Bool { !pending.isEmpty || isPasting }

  /// The inputs in `bytes`, after what earlier calls left waiting.
  public mutating func decode(_ bytes: some Collection<UInt8>) -> [TerminalInput] {
    var buffer = pending
    buffer.append(contentsOf: bytes)
    pending = []
    var output = Output()
    buffer.withUnsafeBufferPointer { run(over: $0, into: &output) }
    return output.inputs
  }

  /// No more bytes came: a lone Esc is the Esc key, a paste without its end marker ends,
  /// and an unfinished sequence or character is dropped.
  public mutating func timedOut() -> [TerminalInput] {
    var output = Output()
    if isPasting {
      isPasting = false
      pending.withUnsafeBufferPointer { output.appendPaste(UTF8Scan.valid($0[...])) }
    } else if pending == [Self.escape] {
      output.inputs.append(.key(.escape))
    }
    pending = []
    output.flushText()
    return output.inputs
  }

  private mutating func run(over bytes: UnsafeBufferPointer<UInt8>, into output: inout Output) {
    var index = 0
    while index < bytes.count {
      if isPasting {
        index = pasted(bytes, from: index, into: &output)
        continue
      }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        var end = index + 1
        while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x7F { end += 1 }
        output.text.append(contentsOf: bytes[index..<end])
        index = end
      } else if byte >= 0x80 {
        switch UTF8Scan.scalar(bytes, at: index) {
        case .incomplete:
          keep(bytes, from: index)
          index = bytes.count
        case .invalid(let length):
          index += length
        case .valid(let scalar, let length):
          // C1 controls are never typed in, as no terminal sends them as keys.
          if !(0x80...0x9F).contains(scalar.value) {
            output.text.append(contentsOf: bytes[index..<index + length])
          }
          index += length
        }
      } else if byte == Self.escape {
        index = escapeSequence(bytes, from: index, into: &output)
      } else {
        output.flushText()
        if let key = KeyDecoder.character(UInt32(byte)) { output.inputs.append(.key(key)) }
        index += 1
      }
    }
    output.flushText()
  }

  /// Reads an escape sequence at `start`; returns where reading goes on.
  private mutating func escapeSequence(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout Output
  ) -> Int {
    output.flushText()
    switch EscapeSequence.read(bytes, at: start) {
    case .incomplete:
      keep(bytes, from: start)
      return bytes.count
    case .malformed(let length):
      return start + length
    case .complete(let sequence, let length):
      switch sequence.meaning(mouse: mouse) {
      case .input(let input): output.inputs.append(input)
      case .pasteStart: isPasting = true
      case .nothing: break
      }
      return start + length
    }
  }

  /// Takes paste content from `start` up to the end marker; returns where reading goes on.
  private mutating func pasted(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout Output
  ) -> Int {
    let marker = Self.pasteEnd
    var index = start
    while index < bytes.count {
      if bytes[index] == Self.escape {
        let available = min(marker.count, bytes.count - index)
        if bytes[index..<index + available].elementsEqual(marker[..<available]) {
          if available < marker.count {
            // Perhaps the marker, cut by the read: wait for the rest.
            appendPaste(bytes, start..<index, into: &output)
            keep(bytes, from: index)
            return bytes.count
          }
          appendPaste(bytes, start..<index, into: &output)
          isPasting = false
          return index + marker.count
        }
      }
      index += 1
    }
    appendPaste(bytes, start..<bytes.count, into: &output)
    return bytes.count
  }

  /// Adds paste content, keeping a character cut by the read's end for the next read.
  private mutating func appendPaste(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout Output
  ) {
    let cut = UTF8Scan.incompleteTail(bytes[range])
    output.appendPaste(UTF8Scan.valid(bytes[range.lowerBound..<range.upperBound - cut]))
    if cut > 0 { pending.append(contentsOf: bytes[(range.upperBound - cut)..<range.upperBound]) }
  }

  private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
    pending.append(contentsOf: bytes[start...])
  }

  /// What one call produces, with the printable bytes not yet made a `.text` input.
  private struct Output {
    var inputs: [TerminalInput] = []
    var text: [UInt8] = []

    mutating func flushText() {
      guard !text.isEmpty else { return }
      inputs.append(.text(String(decoding: text, as: UTF8.self)))
      text.removeAll(keepingCapacity: true)
    }

    mutating func appendPaste(_ bytes: [UInt8]) {
      guard !bytes.isEmpty else { return }
      let content = String(decoding: bytes, as: UTF8.self)
      if case .paste(let earlier) = inputs.last {
        inputs[inputs.count - 1] = .paste(earlier + content)
      } else {
        inputs.append(.paste(content))
      }
    }
  }
}
