import Glibc
import MizzenConsole
import Testing

/// Our width table must agree with the C library that ncurses and tmux measure with.
///
/// On a newer glibc this fails until the table is generated again from it:
/// `python3 scripts/generate-display-width-table.py`, then `swift format -i` the table.
@Suite struct DisplayWidthTests {
  /// Every code point except surrogates. `wcwidth` answers -1 for what it cannot print;
  /// the console draws nothing for those, so they count 0 cells and are `.notPrintable`.
  @Test func agreesWithGlibcWcwidthOnEveryCodePoint() throws {
    let locale = setlocale(LC_CTYPE, "C.UTF-8")
    try #require(locale != nil, "the C.UTF-8 locale is needed to compare with glibc")
    let wcwidth = try #require(Self.glibcWcwidth(), "glibc's wcwidth could not be found")
    var disagreements: [String] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected = Int(wcwidth(wchar_t(value)))
      let kind = DisplayWidth.kind(of: scalar)
      let agrees: Bool
      switch expected {
      case -1: agrees = kind == .notPrintable
      case 0: agrees = kind == .zeroWidth || (value == 0 && kind == .notPrintable)
      default: agrees = kind.cells == expected
      }
      if !agrees && disagreements.count < 20 {
        disagreements.append("U+\(String(value, radix: 16)): glibc \(expected), ours \(kind)")
      }
    }
    #expect(
      disagreements.isEmpty,
      "\(disagreements); if glibc was upgraded, run scripts/generate-display-width-table.py")
  }

  /// glibc declares `wcwidth` only under `_XOPEN_SOURCE`, which Swift's Glibc module does
  /// not set, so the symbol is looked up at run time.
  static func glibcWcwidth() -> (@convention(c) (wchar_t) -> Int32)? {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") else {
      return nil
    }
    return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
  }

  @Test(arguments: [
    ("abc", 3),
    ("東京", 4),
    ("🗼", 2),
    ("e\u{301}", 1),
    ("👨‍👩‍👧", 6),
    ("🇯🇵", 2),
    ("a\u{7}b", 2),
    ("☺\u{FE0F}", 1),
  ])
  func measuresStrings(text: String, cells: Int) {
    #expect(DisplayWidth.of(text) == cells)
  }
}
