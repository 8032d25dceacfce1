import MizzenConsole

/// One escape sequence a terminal sent, and the key or mouse action it means.
///
/// The encodings of the common terminals are all accepted, whatever `TERM` says:
/// - xterm: `CSI A`–`D`, `CSI H`/`F`, `SS3 A`–`D`/`H`/`F`/`P`–`S`, `CSI n ~`, each with an
///   optional modifier parameter (`CSI 1;5 H`, `CSI 3;2 ~`), which is ignored;
/// - vt220, screen and tmux: `CSI 1 ~` Home … `CSI 4 ~` End, `CSI 11 ~` F1 …;
/// - rxvt: `CSI 7 ~`/`CSI 8 ~` Home/End, `$`, `^` and `@` as finals for shift and ctrl,
///   `CSI a`–`d` and `SS3 a`–`d` for modified arrows;
/// - the Linux console: `CSI [ A` … `CSI [ E` for F1–F5;
/// - mouse reports, SGR (`CSI < b;x;y M`) and X10 (`CSI M b x y`).
struct EscapeSequence: Equatable {
  /// `[` for CSI, `O` for SS3, `linuxFunction`, `x10Mouse` or `escapeKey`.
  var introducer: UInt8
  /// A private marker such as `<`, or nil.
  var marker: UInt8?
  var parameters: [Int]
  var final: UInt8

  static let escapeKey: UInt8 = 0
  static let linuxFunction: UInt8 = 1
  static let x10Mouse: UInt8 = 2

  /// The longest sequence read; a longer one is dropped as malformed.
  static let maximumLength = 1_024

  enum Reading: Equatable {
    case complete(EscapeSequence, length: Int)
    /// Not a sequence: this many bytes (the Esc and what followed it) are dropped.
    case malformed(length: Int)
    /// Cut by the end of the bytes.
    case incomplete
  }

  /// What a complete sequence means to the console.
  enum Meaning: Equatable {
    case input(TerminalInput)
    case pasteStart
    /// Known but unused (a release, focus, a paste end without a start) or unknown.
    case nothing
  }

  /// Reads the sequence at `start`, which holds Esc.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Reading {
    guard start + 1 < bytes.count else { return .incomplete }
    let introducer = bytes[start + 1]
    switch introducer {
    case UInt8(ascii: "["): return control(bytes, at: start)
    case UInt8(ascii: "O"): return singleShift(bytes, at: start)
    default:
      // Esc and then a key, sent together (typed ahead, or `tmux send-keys Escape q`):
      // the Esc is a key of its own, and what follows is read as it comes.
      return .complete(EscapeSequence(introducer: escapeKey, parameters: [], final: 0), length: 1)
    }
  }

  /// `Esc [ …`: parameters, then a final byte.
  private static func control(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Reading {
    let first = start + 2
    guard first < bytes.count else { return .incomplete }
    if bytes[first] == UInt8(ascii: "[") {
      guard first + 1 < bytes.count else { return .incomplete }
      return .complete(
        EscapeSequence(introducer: linuxFunction, parameters: [], final: bytes[first + 1]),
        length: 4)
    }
    if bytes[first] == UInt8(ascii: "M") {
      guard first + 3 < bytes.count else { return .incomplete }
      let values = (1...3).map { Int(bytes[first + $0]) - 32 }
      return .complete(
        EscapeSequence(introducer: x10Mouse, parameters: values, final: 0), length: 6)
    }
    return parameterized(bytes, at: start, introducer: UInt8(ascii: "["))
  }

  /// `Esc O …`: optional parameters (`Esc O 1;2 P`), then a final byte.
  private static func singleShift(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int)
    -> Reading
  {
    parameterized(bytes, at: start, introducer: UInt8(ascii: "O"))
  }

  private static func parameterized(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, introducer: UInt8
  ) -> Reading {
    var index = start + 2
    var marker: UInt8?
    var parameters: [Int] = []
    var current: Int?
    var inSubparameter = false
    while true {
      guard index < bytes.count else { return .incomplete }
      // A runaway sequence: dropped as far as it went (what follows is read as keys).
      guard index - start < maximumLength else { return .malformed(length: index - start) }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if !inSubparameter {
          current = min(99_999, (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0")))
        }
      case UInt8(ascii: ";"):
        if parameters.count < 16 { parameters.append(current ?? 1) }
        current = nil
        inSubparameter = false
      case UInt8(ascii: ":"):
        inSubparameter = true
      case UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "?"):
        if index == start + 2 { marker = byte }
      case UInt8(ascii: "$"), 0x40...0x7E:
        if let current { parameters.append(current) }
        let sequence = EscapeSequence(
          introducer: introducer, marker: marker, parameters: parameters, final: byte)
        return .complete(sequence, length: index - start + 1)
      case 0x20...0x2F:
        break
      default:
        // A control byte or non-ASCII inside a sequence: drop what came before it.
        return .malformed(length: index - start)
      }
      index += 1
    }
  }

  func meaning(mouse: Bool) -> Meaning {
    switch introducer {
    case Self.escapeKey: return .input(.key(.escape))
    case Self.linuxFunction:
      guard (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final) else { return .nothing }
      return .input(.key(.function(Int(final - UInt8(ascii: "A")) + 1)))
    case UInt8(ascii: "["):
      if marker == UInt8(ascii: "<") {
        return mouse ? Self.mouseReport(parameters, pressed: final == UInt8(ascii: "M")) : .nothing
      }
      guard marker == nil else { return .nothing }
      return controlMeaning()
    case UInt8(ascii: "O"):
      return Self.letterKey(final).map { .input(.key($0)) } ?? .nothing
    case Self.x10Mouse:
      guard mouse, parameters.count == 3 else { return .nothing }
      let button = parameters[0]
      return Self.mouseReport(
        [button, parameters[1], parameters[2]], pressed: button & 3 != 3 || button & 64 != 0)
    default:
      return .nothing
    }
  }

  private func controlMeaning() -> Meaning {
    // A key is its number or letter and at most one modifier parameter (`CSI 3;5 ~`).
    guard parameters.count <= 2 else { return .nothing }
    switch final {
    case UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "^"), UInt8(ascii: "@"):
      let number = parameters.first ?? 0
      if number == 200 { return .pasteStart }
      return Self.numberedKey(number).map { .input(.key($0)) } ?? .nothing
    case UInt8(ascii: "Z"): return .input(.key(.backTab))
    default:
      return Self.letterKey(final).map { .input(.key($0)) } ?? .nothing
    }
  }

  /// `CSI n ~` in the xterm, vt220, screen and rxvt numberings.
  static func numberedKey(_ number: Int) -> Key? {
    switch number {
    case 1, 7: return .home
    case 2: return .insert
    case 3: return .delete
    case 4, 8: return .end
    case 5: return .pageUp
    case 6: return .pageDown
    case 11...15: return .function(number - 10)
    case 17...21: return .function(number - 11)
    case 23...26: return .function(number - 12)
    case 28, 29: return .function(number - 13)
    case 31...34: return .function(number - 14)
    default: return nil
    }
  }

  /// The letter finals of CSI and SS3 (and the Linux console's `CSI [ A`–`E`).
  static func letterKey(_ final: UInt8) -> Key? {
    switch final {
    case UInt8(ascii: "A"), UInt8(ascii: "a"): return .up
    case UInt8(ascii: "B"), UInt8(ascii: "b"): return .down
    case UInt8(ascii: "C"), UInt8(ascii: "c"): return .right
    case UInt8(ascii: "D"), UInt8(ascii: "d"): return .left
    case UInt8(ascii: "H"): return .home
    case UInt8(ascii: "F"): return .end
    case UInt8(ascii: "M"): return .enter
    case UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"):
      return .function(Int(final - UInt8(ascii: "P")) + 1)
    default: return nil
    }
  }

  private static func mouseReport(_ values: [Int], pressed: Bool) -> Meaning {
    guard pressed, values.count >= 3, values[1] >= 1, values[2] >= 1 else { return .nothing }
    let button = values[0]
    let position = Position(row: values[2] - 1, column: values[1] - 1)
    if button & 32 != 0 { return .nothing }
    if button & 64 != 0 {
      switch button & 3 {
      case 0: return .input(.mouse(.scrollUp(position)))
      case 1: return .input(.mouse(.scrollDown(position)))
      default: return .nothing
      }
    }
    return button & 3 == 0 ? .input(.mouse(.click(position))) : .nothing
  }
}
