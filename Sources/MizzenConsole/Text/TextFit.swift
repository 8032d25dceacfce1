/// Fitting text into a number of terminal cells, never cutting through a wide character.
public enum TextFit {
  /// The ellipsis that marks text cut short.
  public static let ellipsis: Character = "…"

  /// `text` as it fits in `width` cells: unchanged when it fits, else cut and ended with `…`.
  ///
  /// Characters that are not printable are dropped. A wide character that would straddle the
  /// cut is left out and its cell becomes a space before the `…`, so the result is never
  /// wider than `width` and never holds half a character. Only the scalars up to the cut
  /// are looked at, so fitting a megabyte into a field costs the field's width.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    let scalars = text.unicodeScalars
    var total = 0
    var allPrintable = true
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let kind = DisplayWidth.kind(of: scalars[index])
      if kind == .notPrintable { allPrintable = false }
      total += kind.cells
      if total > width { break }
      index = scalars.index(after: index)
    }
    let fits = index == scalars.endIndex
    if fits && allPrintable { return text }
    let limit = fits ? width : width - 1
    var out = String.UnicodeScalarView()
    var used = 0
    for scalar in scalars[..<index] {
      let kind = DisplayWidth.kind(of: scalar)
      if kind == .notPrintable { continue }
      if used + kind.cells > limit { break }
      if kind == .zeroWidth && out.isEmpty { continue }
      out.append(scalar)
      used += kind.cells
    }
    var result = String(out)
    if !fits {
      result += String(repeating: " ", count: max(0, width - 1 - used))
      result.append(ellipsis)
    }
    return result
  }

  /// `text` fitted to exactly `width` cells: truncated, or padded with spaces on the right.
  public static func pad(_ text: String, to width: Int) -> String {
    let fitted = truncate(text, to: width)
    let used = DisplayWidth.of(fitted)
    return used >= width ? fitted : fitted + String(repeating: " ", count: width - used)
  }

  /// `text` centred in `width` cells (truncated first when it is too long).
  public static func center(_ text: String, in width: Int) -> String {
    let fitted = truncate(text, to: width)
    let left = max(0, (width - DisplayWidth.of(fitted)) / 2)
    return pad(String(repeating: " ", count: left) + fitted, to: width)
  }
}

extension TextFit {
  /// `text` broken into lines of at most `width` cells, at spaces where possible. A
  /// newline in `text` (e.g. in a message Braze sent) always starts a new line.
  public static func wrap(_ text: String, to width: Int) -> [String] {
    guard width > 0 else { return [] }
    if text.contains(where: \.isNewline) {
      return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        .flatMap { wrap(String($0), to: width) }
    }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let wordWidth = DisplayWidth.of(word)
      let needed = line.isEmpty ? wordWidth : lineWidth + 1 + wordWidth
      if needed <= width {
        if !line.isEmpty { line += " " }
        line += word
        lineWidth = needed
        continue
      }
      if !line.isEmpty { lines.append(line) }
      var rest = String(word)
      while DisplayWidth.of(rest) > width {
        var head = ""
        var used = 0
        for character in rest {
          let cells = DisplayWidth.of(String(character))
          if used + cells > width { break }
          head.append(character)
          used += cells
        }
        if head.isEmpty { break }
        lines.append(head)
        rest.removeFirst(head.count)
      }
      line = rest
      lineWidth = DisplayWidth.of(rest)
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
