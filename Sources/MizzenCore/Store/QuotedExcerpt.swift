/// A value from a file, cut and made inert for quoting in a one-line message.
///
/// A message names what it found (`the number 123… is too large`, `the key "x" appears
/// twice`), and a hostile or broken file can make that value megabytes long, or put line
/// breaks and escape sequences in it: it is cut to `limit` Unicode scalars, marked with
/// "…", and its control characters are shown escaped (`TerminalText`), so an error stays
/// one short line that acts on no terminal.
enum QuotedExcerpt {
  /// The most scalars of a value a message shows.
  static let limit = 40

  /// `text` whole when it has at most `limit` scalars, else its first `limit` and "…";
  /// escaped either way.
  static func cut(_ text: some StringProtocol) -> String {
    let scalars = text.unicodeScalars
    guard
      let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
      end != scalars.endIndex
    else { return TerminalText.escaped(String(text)) }
    return TerminalText.escaped(String(text[..<end])) + "…"
  }
}
