import MizzenTestSupport
import Testing

@testable import MizzenCore

@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("plain text, 週刊 🎉 नमस्ते é", "plain text, 週刊 🎉 नमस्ते é"),
    ("\u{1B}]0;owned\u{07}title", "\\e]0;owned\\u{0007}title"),
    ("a\r\nFAKE-LOG-LINE", "a\\r\\nFAKE-LOG-LINE"),
    ("tab\there", "tab\\there"),
    ("c1 \u{9B}31m", "c1 \\u{009B}31m"),
    ("bidi \u{202E}gnp.exe", "bidi \\u{202E}gnp.exe"),
    ("nul\u{0}del\u{7F}", "nul\\u{0000}del\\u{007F}"),
  ])
  func escapesWhatATerminalWouldActOn(input: String, expected: String) {
    #expect(TerminalText.escaped(input) == expected)
  }

  @Test func keepsOurOwnLineBreaksWhenAsked() {
    #expect(TerminalText.escaped("one\ntwo\u{1B}", keepingNewlines: true) == "one\ntwo\\e")
    #expect(TerminalText.escaped("one\ntwo", keepingNewlines: false) == "one\\ntwo")
  }

  /// Random bytes, decoded as a terminal or a file reader would, never leave a scalar a
  /// terminal acts on, and text with nothing to escape comes back unchanged.
  @Test func fuzzedBytesComeOutInert() {
    var generator = SeededGenerator(seed: 0x5EED_7E47)
    let interesting: [UInt8] = [0x1B, 0x0D, 0x0A, 0x07, 0x9B, 0xC2, 0xE2, 0x80, 0xAE, 0x5B, 0x41]
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...48, using: &generator)
      let bytes = (0..<length).map { _ in
        Bool.random(using: &generator)
          ? interesting.randomElement(using: &generator)!
          : UInt8.random(in: 0...255, using: &generator)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      for keepingNewlines in [false, true] {
        let safe = TerminalText.escaped(text, keepingNewlines: keepingNewlines)
        #expect(
          !safe.unicodeScalars.contains {
            TerminalText.needsEscaping($0, keepingNewlines: keepingNewlines)
          }, "unsafe output for bytes \(bytes)")
        if !text.unicodeScalars.contains(where: {
          TerminalText.needsEscaping($0, keepingNewlines: keepingNewlines)
        }) {
          #expect(safe == text)
        }
      }
    }
  }
}
