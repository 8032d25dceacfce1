import MizzenCore

/// Actions of the list screens and of the whole console (sections, help, undo, quit).
enum ListActions {
  /// Runs `body` on the list the user is looking at: the problems list or a record's
  /// children when on top, the current section's when nothing is; nothing on a screen that
  /// is not a list (a form, test-send, a journal entry), whose section list stays put.
  static func withActiveList(_ state: inout ConsoleState, _ body: (inout ListState) -> Void) {
    switch state.screens.last {
    case .problems(var list)?:
      body(&list)
      state.screens[state.screens.count - 1] = .problems(list)
    case .children(var children)?:
      body(&children.list)
      state.screens[state.screens.count - 1] = .children(children)
    case .reconcile(var run)?:
      body(&run.list)
      state.screens[state.screens.count - 1] = .reconcile(run)
    case nil:
      body(&state.lists[state.section.rawValue - 1])
    case .form?, .testSend?, .journalEntry?, .lookup?:
      break
    }
  }

  /// The list the user is looking at, or nil on a screen that is not a list.
  static func activeList(_ state: ConsoleState) -> ListState? {
    switch state.screens.last {
    case .problems(let list)?: return list
    case .children(let children)?: return children.list
    case .reconcile(let run)?: return run.result == nil ? nil : run.list
    case nil: return state.currentList
    case .form?, .testSend?, .journalEntry?, .lookup?: return nil
    }
  }

  /// Runs `action`; `argument` is the rest of a `:` command's line, for an action whose
  /// binding takes one (none does yet).
  static func perform(_ state: inout ConsoleState, _ action: Action, argument: String? = nil)
    -> [Effect]
  {
    let page = state.pageHeight
    switch action {
    case .showConnections: show(&state, .connections)
    case .showTopics: show(&state, .topics)
    case .showSpaces: show(&state, .identitySpaces)
    case .showProperties: show(&state, .properties)
    case .showHistory:
      show(&state, .history)
      return [.signal(.loadJournal)]
    case .nextSection, .previousSection:
      show(&state, action == .nextSection ? state.section.next : state.section.previous)
      if state.section == .history { return [.signal(.loadJournal)] }
    case .moveUp: withActiveList(&state) { $0.move(by: -1, pageHeight: page) }
    case .moveDown: withActiveList(&state) { $0.move(by: 1, pageHeight: page) }
    case .pageUp: withActiveList(&state) { $0.move(by: -page, pageHeight: page) }
    case .pageDown: withActiveList(&state) { $0.move(by: page, pageHeight: page) }
    case .moveTop: withActiveList(&state) { $0.select(0, pageHeight: page) }
    case .moveBottom: withActiveList(&state) { $0.select(Int.max - 1, pageHeight: page) }
    case .open: return open(&state)
    case .back: back(&state)
    case .filter:
      let current = activeList(state)?.filter ?? ""
      state.prompt = Prompt(kind: .filter, input: TextInput(current), previousFilter: current)
    case .command:
      state.prompt = Prompt(kind: .command, input: TextInput())
    case .help:
      state.overlay = .help(scroll: 0)
    case .problems:
      PromptActions.showProblems(&state)
    case .messages:
      PromptActions.showMessages(&state)
    case .saveStatus:
      PromptActions.sayHowSaved(&state)
    case .allowWrites:
      PromptActions.allowWriting(&state)
    case .reconcile:
      return ReconcileActions.start(&state, file: argument ?? "")
    case .new: RecordActions.openForm(&state, record: nil, clone: false)
    case .edit: RecordActions.openForm(&state, record: RecordActions.selected(state), clone: false)
    case .clone: RecordActions.openForm(&state, record: RecordActions.selected(state), clone: true)
    case .delete: RecordActions.confirmDelete(&state)
    case .undo: return Edits.undo(&state)
    case .redo: return Edits.redo(&state)
    case .reload:
      if state.hasUnsavedChanges {
        confirmReload(&state)
        return []
      }
      state.flash("Reloading the workspace file…", .info)
      return [.reload]
    case .quit: return quit(&state)
    case .testSend: return TestSendActions.open(&state)
    case .lookUp: return LookupActions.open(&state)
    case .checkConnection: return ConnectionCheck.start(&state)
    case .permissions: PermissionsView.show(&state)
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
          lines: [
            "Your changes are not in the file: \(state.unsavedReason ?? "their save is under way").",
            "Quitting drops them.",
          ],
          buttons: ["Cancel", "Quit without saving"]))
      return []
    }
    return [.quit]
  }

  /// ctrl-c: quits at once when nothing would be lost; else asks as q does, over whatever
  /// is open. A second ctrl-c while it asks quits.
  static func interrupt(_ state: inout ConsoleState) -> [Effect] {
    if case .dialog(let dialog) = state.overlay, dialog.purpose == .quitUnsaved { return [.quit] }
    let formEdits = state.screens.contains { screen in
      if case .form(let form) = screen { form.isDirty && !form.viewOnly } else { false }
    }
    guard state.hasUnsavedChanges || formEdits else { return [.quit] }
    state.prompt = nil
    if state.hasUnsavedChanges { return quit(&state) }
    state.overlay = .dialog(
      Dialog(
        purpose: .quitUnsaved, title: "Quit without saving?",
        lines: ["The open form has changes that are not saved.", "Quitting drops them."],
        buttons: ["Cancel", "Quit without saving"]))
    return []
  }

  /// r with changes that are not on disk: reload and make them again on the file's
  /// content, reload and drop them, or nothing.
  private static func confirmReload(_ state: inout ConsoleState) {
    state.overlay = .dialog(
      Dialog(
        purpose: .reloadUnsaved, title: "Reload the workspace file?",
        lines: [
          "Your changes are not in the file: \(state.unsavedReason ?? "not saved yet").",
          "Re-apply my changes: read the file, then make your edits again on it, record by "
            + "record; any that no longer apply are listed.",
          "Drop them: take the file's version as it is.",
        ],
        buttons: ["Cancel", "Re-apply my changes", "Drop them"]))
  }

  private static func back(_ state: inout ConsoleState) {
    if activeList(state)?.filter.isEmpty == false {
      withActiveList(&state) { $0.setFilter("") }
      state.flash("Filter cleared.", .info)
    } else if !state.screens.isEmpty {
      state.screens.removeLast()
    } else {
      let quit = state.options.bindings.keyLabel(of: .quit, in: [.global]) ?? "q"
      state.flash("Nothing to go back to. \(quit) quits.", .info)
    }
  }

  private static func open(_ state: inout ConsoleState) -> [Effect] {
    if state.section == .history && state.screens.isEmpty {
      return JournalEntryActions.open(&state)
    }
    if case .problems(let list) = state.screens.last {
      guard let index = list.selectedRecord else { return [] }
      jump(&state, to: state.problems[index])
      return []
    }
    RecordActions.open(&state)
    return []
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
    RecordActions.jump(&state, section: section, record: record, problem: problem)
  }
}
