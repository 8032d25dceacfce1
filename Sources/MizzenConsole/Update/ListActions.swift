import MizzenCore

/// Actions of the list screens and of the whole console (sections, help, undo, quit).
enum ListActions {
  /// Runs `body` on the list the user is looking at: the problems list when it is on top,
  /// else the current section's.
  static func withActiveList(_ state: inout ConsoleState, _ body: (inout ListState) -> Void) {
    if case .problems(var list) = state.screens.last {
      body(&list)
      state.screens[state.screens.count - 1] = .problems(list)
    } else {
      body(&state.lists[state.section.rawValue - 1])
    }
  }

  static func activeList(_ state: ConsoleState) -> ListState {
    if case .problems(let list) = state.screens.last { return list }
    return state.currentList
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    let page = state.pageHeight
    switch action {
    case .showConnections: show(&state, .connections)
    case .showTopics: show(&state, .topics)
    case .showSpaces: show(&state, .identitySpaces)
    case .showProperties: show(&state, .properties)
    case .showHistory: show(&state, .history)
    case .nextSection: show(&state, state.section.next)
    case .previousSection: show(&state, state.section.previous)
    case .moveUp: withActiveList(&state) { $0.move(by: -1, pageHeight: page) }
    case .moveDown: withActiveList(&state) { $0.move(by: 1, pageHeight: page) }
    case .pageUp: withActiveList(&state) { $0.move(by: -page, pageHeight: page) }
    case .pageDown: withActiveList(&state) { $0.move(by: page, pageHeight: page) }
    case .moveTop: withActiveList(&state) { $0.select(0, pageHeight: page) }
    case .moveBottom: withActiveList(&state) { $0.select(Int.max - 1, pageHeight: page) }
    case .open: open(&state)
    case .back: back(&state)
    case .filter:
      let current = activeList(state).filter
      state.prompt = Prompt(kind: .filter, input: TextInput(current), previousFilter: current)
    case .command:
      state.prompt = Prompt(kind: .command, input: TextInput())
    case .help:
      state.overlay = .help(scroll: 0)
    case .new: openForm(&state, record: nil, clone: false)
    case .edit: openForm(&state, record: state.currentList.selectedRecord, clone: false)
    case .clone: openForm(&state, record: state.currentList.selectedRecord, clone: true)
    case .delete: confirmDelete(&state)
    case .undo: return Edits.undo(&state)
    case .redo: return Edits.redo(&state)
    case .reload:
      state.flash("Reloading the workspace file…", .info)
      return [.reload]
    case .quit: return quit(&state)
    default: break
    }
    return []
  }

  static func show(_ state: inout ConsoleState, _ section: Section) {
    state.section = section
    state.refreshCurrentList()
    state.screens.removeAll()
    state.currentList.scrollToSelection(pageHeight: state.pageHeight)
  }

  static func quit(_ state: inout ConsoleState) -> [Effect] {
    if state.hasUnsavedChanges {
      state.overlay = .dialog(
        Dialog(
          purpose: .quitUnsaved, title: "Quit without saving?",
          lines: ["The last change is not on disk (its save failed).", "Quitting drops it."],
          buttons: ["Cancel", "Quit without saving"]))
      return []
    }
    return [.quit]
  }

  private static func back(_ state: inout ConsoleState) {
    if !activeList(state).filter.isEmpty {
      withActiveList(&state) { $0.setFilter("") }
      state.flash("Filter cleared.", .info)
    } else if !state.screens.isEmpty {
      state.screens.removeLast()
    } else {
      state.flash("Nothing to go back to. q quits.", .info)
    }
  }

  private static func open(_ state: inout ConsoleState) {
    if case .problems(let list) = state.screens.last {
      guard let index = list.selectedRecord else { return }
      jump(&state, to: state.problems[index])
      return
    }
    openForm(&state, record: state.currentList.selectedRecord, clone: false)
  }

  /// Goes to the record a problem names, opening its form when it is a connection.
  static func jump(_ state: inout ConsoleState, to problem: Problem) {
    guard let collection = problem.path.collection, let record = problem.path.recordIndex else {
      state.flash("This problem concerns the whole workspace: \(problem.message)", .info)
      return
    }
    let section: Section
    switch collection {
    case .connections: section = .connections
    case .topics: section = .topics
    case .identitySpaces: section = .identitySpaces
    case .properties: section = .properties
    }
    show(&state, section)
    state.currentList.setFilter("")
    state.currentList.selectRecord(record, pageHeight: state.pageHeight)
    if section == .connections { openForm(&state, record: record, clone: false) }
  }

  /// Pushes the connection form: for a new record, to edit one, or for a copy of one.
  static func openForm(_ state: inout ConsoleState, record: Int?, clone: Bool) {
    let workspace = state.workspace
    let viewOnly = state.options.readOnly || state.loadErrorMessage != nil
    var form: FormState
    if let record, workspace.connections.indices.contains(record) {
      var connection = workspace.connections[record]
      if clone {
        connection.name += " (copy)"
        form = ConnectionForm.make(
          connection, purpose: .newConnection, title: "Clone of \(connection.code)",
          in: workspace, viewOnly: viewOnly)
        form.codeEditedByHand = false
        ConnectionForm.nameChanged(&form, in: workspace)
        ConnectionForm.syncVisibility(&form)
      } else {
        form = ConnectionForm.make(
          connection, purpose: .editConnection(index: record), title: connection.code,
          in: workspace, viewOnly: viewOnly)
      }
    } else {
      form = ConnectionForm.make(
        ConnectionForm.blank(in: workspace), purpose: .newConnection, title: "New connection",
        in: workspace, viewOnly: viewOnly)
      form.codeEditedByHand = false
      ConnectionForm.syncVisibility(&form)
    }
    if state.validationContext == nil { state.validationContext = ValidationContext(workspace) }
    ConnectionForm.refreshProblems(
      &form, in: workspace, context: state.validationContext ?? ValidationContext(workspace))
    state.screens.append(.form(form))
  }

  private static func confirmDelete(_ state: inout ConsoleState) {
    guard let record = state.currentList.selectedRecord else { return }
    let connection = state.workspace.connections[record]
    let users = state.workspace.topics.filter { topic in
      topic.channels.contains { $0.connection == connection.code }
    }
    var lines = ["Delete connection \(connection.code) (\(connection.name))?"]
    if !users.isEmpty {
      lines.append("\(users.count) topic(s) send through it and would be left without it.")
    }
    lines.append("z undoes it.")
    state.overlay = .dialog(
      Dialog(
        purpose: .deleteConnection(index: record), title: "Delete connection", lines: lines,
        buttons: ["Cancel", "Delete"]))
  }
}
