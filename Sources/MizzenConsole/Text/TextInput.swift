/// A line of text being edited, with a cursor counted in characters.
public struct TextInput: Equatable, Sendable {
  public private(set) var text: String
  /// Characters before the cursor.
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    self.text = text
    self.cursor = text.count
  }

  /// Applies an editing key; returns false when the key is not an editing key.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      insert(character)
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = text.count
    case .backspace:
      guard cursor > 0 else { return true }
      let index = text.index(text.startIndex, offsetBy: cursor - 1)
      text.remove(at: index)
      cursor -= 1
    case .delete:
      guard cursor < text.count else { return true }
      text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    case .control("u"):
      text = ""
      cursor = 0
    default:
      return false
    }
    return true
  }

  public mutating func insert(_ character: Character) {
    guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else { return }
    text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
    cursor += 1
  }

  /// Replaces the whole text and puts the cursor at its end.
  public mutating func set(_ newText: String) {
    text = newText
    cursor = newText.count
  }

  /// What to show in `width` cells and where the cursor lands: the text scrolled so that
  /// the cursor stays visible, never cutting a wide character.
  public func window(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 1 else { return ("", 0) }
    let before = String(text.prefix(cursor))
    let beforeWidth = DisplayWidth.of(before)
    if DisplayWidth.of(text) < width { return (text, beforeWidth) }
    if beforeWidth < width {
      return (TextFit.truncate(text, to: width), beforeWidth)
    }
    var start = before.startIndex
    var shown = beforeWidth
    while shown > width - 1, start < before.endIndex {
      shown -= DisplayWidth.of(before[start...start])
      start = before.index(after: start)
    }
    let visible = String(text[start...])
    return (TextFit.truncate(visible, to: width), shown)
  }
}
