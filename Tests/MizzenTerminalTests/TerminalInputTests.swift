import MizzenConsole
import Testing

@testable import MizzenTerminal

/// Bytes as a terminal sends them, through real curses key decoding, to `TerminalInput`.
@MainActor
@Suite(.serialized)
struct TerminalInputTests {
  static let sequences: [(bytes: String, input: TerminalInput)] = [
    ("a", .key(.character("a"))),
    ("日", .key(.character("日"))),
    ("é", .key(.character("é"))),
    ("🎉", .key(.character("🎉"))),
    ("\u{1B}OA", .key(.up)),
    ("\u{1B}OB", .key(.down)),
    ("\u{1B}OC", .key(.right)),
    ("\u{1B}OD", .key(.left)),
    ("\u{1B}[5~", .key(.pageUp)),
    ("\u{1B}[6~", .key(.pageDown)),
    ("\u{1B}OH", .key(.home)),
    ("\u{1B}OF", .key(.end)),
    ("\u{1B}[3~", .key(.delete)),
    ("\u{1B}[Z", .key(.backTab)),
    ("\u{1B}OP", .key(.function(1))),
    ("\u{1B}[15~", .key(.function(5))),
    ("\u{1B}[24~", .key(.function(12))),
    ("\t", .key(.tab)),
    ("\r", .key(.enter)),
    ("\n", .key(.enter)),
    ("\u{7F}", .key(.backspace)),
    ("\u{08}", .key(.backspace)),
    ("\u{13}", .key(.control("s"))),
    ("\u{01}", .key(.control("a"))),
    ("\u{1A}", .key(.control("z"))),
    ("\u{1B}", .key(.escape)),
    ("\u{1B}[<0;5;3M", .mouse(.click(Position(row: 2, column: 4)))),
    ("\u{1B}[<64;10;7M", .mouse(.scrollUp(Position(row: 6, column: 9)))),
    ("\u{1B}[<65;1;1M", .mouse(.scrollDown(Position(row: 0, column: 0)))),
  ]

  @Test func everySequenceDecodesToItsInput() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    for (bytes, expected) in Self.sequences {
      screen.type(bytes)
      let got = screen.terminal.nextInput(timeoutMilliseconds: 1_000)
      #expect(got == expected, "bytes \(Array(bytes.unicodeScalars.map(\.value)))")
    }
  }

  @Test func nothingTypedTimesOutWithNoInput() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    let start = ContinuousClock.now
    #expect(screen.terminal.nextInput(timeoutMilliseconds: 50) == nil)
    #expect(ContinuousClock.now - start >= .milliseconds(45))
  }

  @Test func mouseIsIgnoredWhenTurnedOff() throws {
    let screen = try VirtualScreen(
      size: Size(width: 80, height: 24), options: Terminal.Options(mouse: false))
    defer { screen.close() }
    screen.type("\u{1B}[<0;5;3M")
    var inputs: [TerminalInput] = []
    while let input = screen.terminal.nextInput(timeoutMilliseconds: 100) { inputs.append(input) }
    #expect(!inputs.contains(.mouse(.click(Position(row: 2, column: 4)))))
  }
}

/// The pure part of key decoding: codes a terminal can send that no sequence above covers.
struct KeyDecoderTests {
  @Test(arguments: [
    (UInt32(0), Key?.none), (0x1C, nil), (0x1F, nil), (0x85, nil), (0x9B, nil),
    (0x20, .character(" ")), (0x7E, .character("~")), (0xA0, .character("\u{A0}")),
    (0x1F600, .character("😀")), (0x0B, .control("k")), (0x0D, .enter), (0x1B, .escape),
  ])
  func characterCodes(code: UInt32, key: Key?) {
    #expect(KeyDecoder.character(code) == key)
  }

  @Test func surrogateCodesAreNotCharacters() {
    #expect(KeyDecoder.character(0xD800) == nil)
  }

  @Test func unknownKeyCodesAreIgnored() {
    #expect(KeyDecoder.keyCode(0o777) == nil)
  }
}
