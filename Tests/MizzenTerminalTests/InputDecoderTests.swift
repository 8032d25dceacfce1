import MizzenConsole
import Testing

@testable import MizzenTerminal

/// The byte decoder, table by table: each terminal's encodings of the same keys.
struct InputDecoderTests {
  /// Decodes `bytes` fed in one read, then as a pause would end it.
  static func decode(_ bytes: [UInt8], mouse: Bool = true) -> [TerminalInput] {
    var decoder = InputDecoder(mouse: mouse)
    return Terminal.merged(decoder.decode(bytes) + decoder.timedOut())
  }

  static func decode(_ text: String) -> [TerminalInput] { decode(Array(text.utf8)) }

  static let esc = "\u{1B}"

  /// Home, End, PgUp, PgDn, Insert, Delete and F1–F12 as each terminal sends them.
  static let keys: [(terminal: String, bytes: String, key: Key)] = [
    // xterm (normal and application cursor mode), with modifiers.
    ("xterm", "[H", .home), ("xterm", "[F", .end), ("xterm", "OH", .home), ("xterm", "OF", .end),
    ("xterm", "[1;5H", .home), ("xterm", "[1;2F", .end), ("xterm", "[A", .up),
    ("xterm", "OB", .down), ("xterm", "[1;3C", .right), ("xterm", "OD", .left),
    ("xterm", "[2~", .insert), ("xterm", "[3~", .delete), ("xterm", "[3;5~", .delete),
    ("xterm", "[5~", .pageUp), ("xterm", "[6~", .pageDown), ("xterm", "[6;2~", .pageDown),
    ("xterm", "OP", .function(1)), ("xterm", "OQ", .function(2)), ("xterm", "OR", .function(3)),
    ("xterm", "OS", .function(4)), ("xterm", "[1;2P", .function(1)),
    ("xterm", "O2S", .function(4)), ("xterm", "[15~", .function(5)),
    ("xterm", "[17~", .function(6)), ("xterm", "[18~", .function(7)),
    ("xterm", "[19~", .function(8)), ("xterm", "[20~", .function(9)),
    ("xterm", "[21~", .function(10)), ("xterm", "[23~", .function(11)),
    ("xterm", "[24~", .function(12)), ("xterm", "[15;5~", .function(5)),
    ("xterm", "[Z", .backTab),
    // vt220, screen and tmux (End inside tmux is `[4~` whatever TERM says).
    ("tmux", "[1~", .home), ("tmux", "[4~", .end), ("tmux", "[2~", .insert),
    ("tmux", "[3~", .delete), ("tmux", "[5~", .pageUp), ("tmux", "[6~", .pageDown),
    ("vt220", "[11~", .function(1)), ("vt220", "[14~", .function(4)),
    // rxvt: Home/End 7/8, `$` `^` `@` finals for shift, ctrl, ctrl-shift, modified arrows.
    ("rxvt", "[7~", .home), ("rxvt", "[8~", .end), ("rxvt", "[7$", .home),
    ("rxvt", "[8^", .end), ("rxvt", "[3@", .delete), ("rxvt", "[5^", .pageUp),
    ("rxvt", "[2$", .insert), ("rxvt", "[a", .up), ("rxvt", "Ob", .down),
    ("rxvt", "[12~", .function(2)), ("rxvt", "[13~", .function(3)),
    ("rxvt", "[23$", .function(11)),
    // The Linux console.
    ("linux", "[[A", .function(1)), ("linux", "[[B", .function(2)),
    ("linux", "[[E", .function(5)), ("linux", "[1~", .home), ("linux", "[4~", .end),
  ]

  @Test(arguments: keys)
  func keyDecodes(terminal: String, bytes: String, key: Key) {
    #expect(Self.decode(Self.esc + bytes) == [.key(key)], "\(terminal): ESC \(bytes)")
  }

  /// Each key cut at every byte between two reads decodes the same.
  @Test(arguments: keys)
  func keyCutBetweenReadsDecodes(terminal: String, bytes: String, key: Key) {
    let all = Array((Self.esc + bytes).utf8)
    for cut in 1..<all.count {
      var decoder = InputDecoder()
      let got = decoder.decode(all[..<cut]) + decoder.decode(all[cut...]) + decoder.timedOut()
      #expect(got == [.key(key)], "\(terminal): ESC \(bytes) cut at \(cut)")
    }
  }

  /// An unknown sequence goes whole: nothing of it is typed, and what follows still is.
  @Test(arguments: [
    "[99~", "[1;5X", "[?1;2c", "[>0;276;0c", "[E", "[I", "[O", "O5w", "[201~",
    "[" + String(repeating: "1;", count: 40) + "~",
  ])
  func unknownSequenceIsDroppedWhole(bytes: String) {
    #expect(Self.decode(Self.esc + bytes + "ab") == [.text("ab")], "ESC \(bytes)")
  }

  /// Esc and a key sent together (typed ahead, `tmux send-keys Escape q`) are both keys.
  @Test func escapeThenAKeyInOneReadIsBothKeys() {
    #expect(Self.decode(Self.esc + "q") == [.key(.escape), .text("q")])
    #expect(Self.decode(Self.esc + "é") == [.key(.escape), .text("é")])
    #expect(Self.decode(Self.esc + "\u{7F}") == [.key(.escape), .key(.backspace)])
  }

  @Test func controlInsideSequenceEndsItAndIsAKey() {
    #expect(Self.decode(Self.esc + "[12\r") == [.key(.enter)])
  }

  @Test func loneEscapeIsTheKeyOnlyAfterThePause() {
    var decoder = InputDecoder()
    #expect(decoder.decode([0x1B]).isEmpty)
    #expect(decoder.isWaiting)
    #expect(decoder.timedOut() == [.key(.escape)])
    #expect(Self.decode(Self.esc + Self.esc) == [.key(.escape), .key(.escape)])
    #expect(Self.decode(Self.esc + Self.esc + "[A") == [.key(.escape), .key(.up)])
  }

  @Test func unfinishedSequenceAtThePauseIsDropped() {
    #expect(Self.decode(Self.esc + "[1;5").isEmpty)
    #expect(Self.decode(Self.esc + "O").isEmpty)
  }

  @Test func mouseReportsInEveryEncoding() {
    let click = TerminalInput.mouse(.click(Position(row: 2, column: 4)))
    #expect(Self.decode(Self.esc + "[<0;5;3M") == [click])
    #expect(Self.decode(Self.esc + "[<0;5;3m").isEmpty)
    #expect(
      Self.decode(Self.esc + "[<64;10;7M") == [.mouse(.scrollUp(Position(row: 6, column: 9)))])
    #expect(
      Self.decode(Self.esc + "[<65;1;1M") == [.mouse(.scrollDown(Position(row: 0, column: 0)))])
    #expect(Self.decode(Self.esc + "[<32;5;3M").isEmpty)
    #expect(Self.decode(Self.esc + "[M %#") == [click])
    #expect(Self.decode(Self.esc + "[M#%#").isEmpty)
    #expect(Self.decode(Array((Self.esc + "[<0;5;3M").utf8), mouse: false).isEmpty)
  }

  @Test func textBetweenKeysIsOneRunEach() {
    #expect(
      Self.decode("Mae\u{301}l\r👩‍💻\t\u{1B}[Dx") == [
        .text("Mae\u{301}l"), .key(.enter), .text("👩‍💻"), .key(.tab), .key(.left), .text("x"),
      ])
    #expect(Self.decode("\u{01}\u{00}\u{1C}") == [.key(.control("a"))])
  }

  /// Bytes that are not UTF-8 are dropped alone; the rest of the read is kept.
  @Test func invalidUTF8DropsOnlyTheBadBytes() {
    #expect(Self.decode([0x61, 0xFF, 0x62]) == [.text("ab")])
    #expect(Self.decode([0x61, 0xC3, 0x28, 0x62]) == [.text("a(b")])
    #expect(Self.decode([0xE2, 0x82, 0x61]) == [.text("a")])
    #expect(Self.decode([0xED, 0xA0, 0x80, 0x61]) == [.text("a")])
    #expect(Self.decode([0xC0, 0xAF, 0xF8, 0x61, 0xC2, 0x85]) == [.text("a")])
    #expect(Self.decode([0x61, 0xE2, 0x82]) == [.text("a")])
    var decoder = InputDecoder()
    let cut = decoder.decode([0x61, 0xE2, 0x82]) + decoder.decode([0xAC, 0x62])
    #expect(Terminal.merged(cut) == [.text("a€b")])
  }

  @Test func bracketedPasteKeepsEverythingInside() {
    let inside = "a\tb\r\nc\u{1B}[Ad"
    #expect(
      Self.decode(Self.esc + "[200~" + inside + Self.esc + "[201~x") == [
        .paste(inside), .text("x"),
      ])
    let all = Array((Self.esc + "[200~é👍🏽" + Self.esc + "[201~" + Self.esc + "[4~").utf8)
    for cut in 1..<all.count {
      var decoder = InputDecoder()
      let got = decoder.decode(all[..<cut]) + decoder.decode(all[cut...])
      #expect(Terminal.merged(got) == [.paste("é👍🏽"), .key(.end)], "cut at \(cut)")
    }
    var broken = InputDecoder()
    #expect(Terminal.merged(broken.decode(Array((Self.esc + "[200~ab").utf8))) == [.paste("ab")])
    #expect(broken.isWaiting)
    #expect(broken.timedOut().isEmpty)
    #expect(!broken.isPasting)
    #expect(Self.decode([0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E, 0x61, 0xFF, 0x62]) == [.paste("ab")])
  }
}
