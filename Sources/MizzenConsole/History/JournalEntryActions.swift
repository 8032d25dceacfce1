import MizzenCore

/// Keys on a journal entry's screen: scrolling, and back to History.
enum JournalEntryActions {
  /// Opens the selected History row in full: a send, or a reconcile run, whose batches
  /// are read from its part of the reconcile journal.
  static func open(_ state: inout ConsoleState) -> [Effect] {
    switch state.currentList.selectedRecord.flatMap({ HistoryList.row($0, in: state) }) {
    case .send(let index)?:
      state.screens.append(.journalEntry(JournalEntryView(entry: state.journal[index])))
      return []
    case .run(let run)?:
      state.screens.append(.journalEntry(JournalEntryView(run: run)))
      return [.signal(.loadReconcileBatches(run))]
    case nil:
      state.flash("No journal entry is selected.", .warning)
      return []
    }
  }

  /// A run's batches were read: shown on its screen when it is still open (found by the
  /// run's id, wherever it is in the stack).
  static func batchesLoaded(
    _ state: inout ConsoleState, runID: String,
    _ result: Result<[ReconcileBatchEntry], ReconcileError>
  ) {
    for (position, screen) in state.screens.enumerated() {
      guard case .journalEntry(var view) = screen, case .run(let run, _) = view.content,
        run.id == runID
      else { continue }
      switch result {
      case .success(let batches): view.content = .run(run, .loaded(batches))
      case .failure(let error): view.content = .run(run, .failed(error.message))
      }
      state.screens[position] = .journalEntry(view)
    }
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
