/// Identity values filled in from memory (the remembered-identities file) and not touched
/// since, shared by test-send and the look-up: they show as remembered, typing replaces
/// them instead of adding to them, and backspace or delete erases them whole.
struct RecalledValues: Equatable, Sendable {
  private(set) var indexes: Set<Int> = []

  func contains(_ index: Int) -> Bool { indexes.contains(index) }

  /// Fills every empty field that has a remembered value, and marks it.
  mutating func fill(_ inputs: inout [TextInput], spaces: [String], from values: [String: String]) {
    for (index, space) in spaces.enumerated() where inputs[index].text.isEmpty {
      if let value = values[space] {
        inputs[index].set(value)
        indexes.insert(index)
      }
    }
  }

  /// Applies an edit to field `index` of `inputs`, a remembered value being replaced or
  /// erased whole; true when the edit was used.
  mutating func apply(_ edit: TextInput.Edit, to inputs: inout [TextInput], at index: Int) -> Bool {
    if indexes.contains(index) {
      switch edit {
      case .text, .key(.character):
        inputs[index].set("")
      case .key(.backspace), .key(.delete):
        inputs[index].set("")
        indexes.remove(index)
        return true
      default:
        break
      }
    }
    let used = inputs[index].apply(edit)
    if used { indexes.remove(index) }
    return used
  }

  /// The note shown beside a remembered field.
  static let note = "  remembered: typing replaces it, backspace clears it"
}
