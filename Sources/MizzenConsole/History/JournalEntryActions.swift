/// Keys on a journal entry's screen: scrolling, and back to History.
enum JournalEntryActions {
  /// Opens the selected History row in full.
  static func open(_ state: inout ConsoleState) {
    // With none selected, the binding's requirement (openable) has said so.
    guard let record = state.currentList.selectedRecord, state.journal.indices.contains(record)
    else { return }
    state.screens.append(.journalEntry(JournalEntryView(entry: state.journal[record])))
  }

  /// Rows of the body, where the entry's lines are drawn.
  static func height(_ state: ConsoleState) -> Int { max(1, state.size.height - 3) }

  /// Cells a line may take: the body less a margin of two on each side.
  static func width(_ state: ConsoleState) -> Int { max(1, state.size.width - 4) }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard case .journalEntry(var view) = state.screens.last else { return [] }
    let height = height(state)
    let count = view.lines(width: width(state)).count
    let last = max(0, count - height)
    switch action {
    case .moveUp: view.scroll -= 1
    case .moveDown: view.scroll += 1
    case .pageUp: view.scroll -= height
    case .pageDown: view.scroll += height
    case .moveTop: view.scroll = 0
    case .moveBottom: view.scroll = last
    case .back:
      state.screens.removeLast()
      return []
    default: return []
    }
    view.scroll = max(0, min(view.scroll, last))
    state.screens[state.screens.count - 1] = .journalEntry(view)
    return []
  }
}
