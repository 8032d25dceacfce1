/// Mouse input on lists: a click selects a row, the wheel moves the selection (on a
/// journal entry, it scrolls).
enum MouseInput {
  /// Screen row of the first list row: header, then column titles.
  static let firstListRow = 2

  static func handle(_ state: inout ConsoleState, _ event: MouseEvent) {
    guard state.overlay == nil, state.prompt == nil, state.form == nil else { return }
    if case .journalEntry = state.screens.last {
      // The wheel scrolls the entry; a click has nothing to select there.
      for _ in 0..<3 {
        switch event {
        case .scrollUp: _ = KeyDispatch.perform(&state, .moveUp)
        case .scrollDown: _ = KeyDispatch.perform(&state, .moveDown)
        case .click: return
        }
      }
      return
    }
    if case .reconcile = state.screens.last, case .click = event {
      // The report sits below the summary, not at `firstListRow`: only the wheel moves it.
      return
    }
    let height = state.pageHeight
    ListActions.withActiveList(&state) { list in
      switch event {
      case .click(let position):
        let row = position.row - firstListRow
        guard row >= 0, row < height else { return }
        list.select(list.top + row, pageHeight: height)
      case .scrollUp:
        list.move(by: -3, pageHeight: height)
      case .scrollDown:
        list.move(by: 3, pageHeight: height)
      }
    }
  }
}
