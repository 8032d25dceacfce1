import MizzenConsole
import Testing

@testable import MizzenTerminal

/// Bytes as a terminal sends them, read from a real descriptor by a real curses terminal.
@MainActor
@Suite(.serialized)
struct TerminalInputTests {
  static let sequences: [(bytes: String, input: TerminalInput)] = [
    ("a", .text("a")),
    ("日", .text("日")),
    ("é", .text("é")),
    ("🎉", .text("🎉")),
    ("\u{1B}OA", .key(.up)),
    ("\u{1B}[4~", .key(.end)),
    ("\u{1B}[5~", .key(.pageUp)),
    ("\u{1B}[3~", .key(.delete)),
    ("\u{1B}[Z", .key(.backTab)),
    ("\t", .key(.tab)),
    ("\r", .key(.enter)),
    ("\u{7F}", .key(.backspace)),
    ("\u{13}", .key(.control("s"))),
    ("\u{1B}", .key(.escape)),
    ("\u{1B}[<0;5;3M", .mouse(.click(Position(row: 2, column: 4)))),
    ("\u{1B}[200~a\tb\u{1B}[201~", .paste("a\tb")),
  ]

  @Test func everySequenceDecodesToItsInput() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    for (bytes, expected) in Self.sequences {
      screen.type(bytes)
      let got = screen.terminal.nextInputs(timeoutMilliseconds: 1_000)
      #expect(got == [expected], "bytes \(Array(bytes.unicodeScalars.map(\.value)))")
    }
  }

  @Test func nothingTypedTimesOutWithNoInput() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    let start = ContinuousClock.now
    #expect(screen.terminal.nextInputs(timeoutMilliseconds: 50).isEmpty)
    #expect(ContinuousClock.now - start >= .milliseconds(45))
  }

  @Test func mouseIsIgnoredWhenTurnedOff() throws {
    let screen = try VirtualScreen(
      size: Size(width: 80, height: 24), options: Terminal.Options(mouse: false))
    defer { screen.close() }
    screen.type("\u{1B}[<0;5;3M")
    #expect(screen.terminal.nextInputs(timeoutMilliseconds: 100).isEmpty)
  }

  /// What is waiting is read in one call: a long typed run is one text input.
  @Test func everythingWaitingIsOneInput() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    let text = String(repeating: "Mae\u{301}l 👩‍💻 ", count: 2_000)
    screen.type(text + "\r")
    var inputs: [TerminalInput] = []
    while !inputs.contains(.key(.enter)) {
      let more = screen.terminal.nextInputs(timeoutMilliseconds: 1_000)
      try #require(!more.isEmpty)
      inputs += more
    }
    #expect(Terminal.merged(inputs) == [.text(text), .key(.enter)])
  }

  /// The terminal gone (end of file on standard input) is `.closed`, not a wait forever.
  @Test func endOfInputIsClosed() throws {
    let screen = try VirtualScreen(size: Size(width: 80, height: 24))
    defer { screen.close() }
    screen.type("x")
    screen.closeInput()
    let start = ContinuousClock.now
    #expect(screen.terminal.nextInputs(timeoutMilliseconds: 5_000) == [.text("x"), .closed])
    #expect(ContinuousClock.now - start < .seconds(2))
  }
}

/// The pure part of key decoding: single codes a terminal can send.
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
}
