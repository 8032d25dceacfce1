import MizzenCore

/// A line of text being edited, with a cursor between grapheme clusters.
///
/// The cursor is kept as a UTF-8 offset that always falls on a cluster boundary, so moving,
/// inserting and deleting cost the size of what changes, not the length of the text:
/// pasting a megabyte is one insertion. Text is moved over and deleted a whole cluster at a
/// time (`e` + U+0301, `👩‍💻`, `👍🏽`, a Hangul syllable in jamo), and measured in cells
/// with `DisplayWidth`. Control characters, C1 controls and bidirectional overrides are
/// never inserted (`refuses`); the console says so when it leaves some out.
public struct TextInput: Equatable, Sendable {
  /// An edit: a key, or a run of text typed or pasted at once.
  public enum Edit: Sendable {
    case key(Key)
    case text(Substring)
  }

  public private(set) var text: String
  /// UTF-8 offset of the cursor in `text`, always on a grapheme cluster boundary.
  private var offset: Int

  public init(_ text: String = "") {
    self.text = text
    self.offset = text.utf8.count
  }

  /// Where the cursor is: a cluster boundary of `text`.
  public var cursor: String.Index { index(offset) }

  /// Whether a scalar is never typed into a text: what `TerminalText` would escape.
  public static func refuses(_ scalar: Unicode.Scalar) -> Bool {
    TerminalText.needsEscaping(scalar)
  }

  /// Applies an edit; returns false when it is a key that does not edit text.
  public mutating func apply(_ edit: Edit) -> Bool {
    switch edit {
    case .key(let key): return handle(key)
    case .text(let text):
      insert(text)
      return true
    }
  }

  /// Applies an editing key; returns false when the key is not an editing key.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      insert(String(character)[...])
    case .left:
      if offset > 0 { offset = utf8Offset(text.index(before: cursor)) }
    case .right:
      if offset < text.utf8.count { offset = utf8Offset(text.index(after: cursor)) }
    case .home, .control("a"): offset = 0
    case .end, .control("e"): offset = text.utf8.count
    case .backspace:
      guard offset > 0 else { return true }
      let start = text.index(before: cursor)
      let safe = start > text.startIndex ? utf8Offset(text.index(before: start)) : 0
      let target = utf8Offset(start)
      text.removeSubrange(start..<cursor)
      offset = boundary(from: safe, atOrBefore: target)
    case .delete:
      guard offset < text.utf8.count else { return true }
      let here = cursor
      let safe = offset > 0 ? utf8Offset(text.index(before: here)) : 0
      text.removeSubrange(here..<text.index(after: here))
      offset = boundary(from: safe, atOrBefore: offset)
    case .control("u"):
      set("")
    case .control("w"):
      // The word before the cursor, with the spaces after it.
      var start = cursor
      let end = start
      while start > text.startIndex, text[text.index(before: start)] == " " {
        start = text.index(before: start)
      }
      while start > text.startIndex, text[text.index(before: start)] != " " {
        start = text.index(before: start)
      }
      guard start < end else { return true }
      let safe = start > text.startIndex ? utf8Offset(text.index(before: start)) : 0
      let target = utf8Offset(start)
      text.removeSubrange(start..<end)
      offset = boundary(from: safe, atOrBefore: target)
    default:
      return false
    }
    return true
  }

  /// Inserts `typed` at the cursor, leaving out what `refuses` names, and puts the cursor
  /// after it (after the cluster it ends in, when it joined the text that follows).
  public mutating func insert(_ typed: Substring) {
    var clean = typed
    if typed.unicodeScalars.contains(where: Self.refuses) {
      var kept = String.UnicodeScalarView()
      kept.append(contentsOf: typed.unicodeScalars.lazy.filter { !Self.refuses($0) })
      clean = Substring(String(kept))
    }
    guard !clean.isEmpty else { return }
    // Boundaries before the edit stay boundaries; the one at the cursor may not.
    let safe = offset > 0 ? utf8Offset(text.index(before: cursor)) : 0
    let target = offset + clean.utf8.count
    text.insert(contentsOf: clean, at: cursor)
    offset = boundary(from: safe, atOrAfter: target)
  }

  /// Replaces the whole text and puts the cursor at its end.
  public mutating func set(_ newText: String) {
    text = newText
    offset = newText.utf8.count
  }

  private func index(_ utf8Offset: Int) -> String.Index {
    text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset)
  }

  private func utf8Offset(_ index: String.Index) -> Int {
    text.utf8.distance(from: text.utf8.startIndex, to: index)
  }

  /// The first cluster boundary at or after `target`, walking from the boundary `safe`.
  private func boundary(from safe: Int, atOrAfter target: Int) -> Int {
    var position = index(safe)
    var at = safe
    while at < target {
      position = text.index(after: position)
      at = utf8Offset(position)
    }
    return at
  }

  /// The last cluster boundary at or before `target`, walking from the boundary `safe`.
  private func boundary(from safe: Int, atOrBefore target: Int) -> Int {
    var position = index(safe)
    var at = safe
    while position < text.endIndex {
      let next = text.index(after: position)
      let nextAt = utf8Offset(next)
      if nextAt > target { break }
      position = next
      at = nextAt
    }
    return at
  }
}

extension TextInput {
  /// What to show in `width` cells and where the cursor lands: the text scrolled so that
  /// the cursor stays visible, never cutting a wide character or a cluster.
  ///
  /// Looks only at the clusters near the start and before the cursor, so drawing a long
  /// text costs the width of the field, not the length of the text.
  public func window(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 1 else { return ("", 0) }
    let end = cursor
    // From the start: the clusters that fit, and the cursor's column when it is among them.
    var position = text.startIndex
    var cells = 0
    var cursorColumn: Int?
    while position < text.endIndex, cells <= width {
      if position == end { cursorColumn = cells }
      let next = text.index(after: position)
      cells += DisplayWidth.of(text[position..<next])
      position = next
    }
    if position == end, cells <= width { cursorColumn = cells }
    if position == text.endIndex, cells < width { return (text, cursorColumn ?? cells) }
    if let column = cursorColumn, column < width {
      return (TextFit.truncate(String(text[..<position]), to: width), column)
    }
    // Scrolled: the longest run of clusters before the cursor that leaves a cell for it.
    var start = end
    var shown = 0
    while start > text.startIndex {
      let previous = text.index(before: start)
      let cells = DisplayWidth.of(text[previous..<start])
      if shown + cells > width - 1 { break }
      shown += cells
      start = previous
    }
    return (Self.fitted(text[start...], width: width), shown)
  }

  /// `tail` cut to `width` cells, measuring no more of it than that.
  private static func fitted(_ tail: Substring, width: Int) -> String {
    var position = tail.startIndex
    var cells = 0
    while position < tail.endIndex, cells <= width {
      let next = tail.index(after: position)
      cells += DisplayWidth.of(tail[position..<next])
      position = next
    }
    return TextFit.truncate(String(tail[..<position]), to: width)
  }
}
