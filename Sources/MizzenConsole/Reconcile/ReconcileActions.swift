import MizzenCore

/// `:reconcile FILE`: starts a read-only compare of a preference export with Braze as a
/// job, shows its progress, and then its report, whose rows open the person's look-up
/// (enter) or a test-send of that topic and channel (`t`).
enum ReconcileActions {
  /// Starts the run on `file` (relative to the workspace's folder) and opens its screen.
  static func start(_ state: inout ConsoleState, file: String) -> [Effect] {
    var typed = file.trimmingCharacters(in: .whitespaces)
    // A name with spaces may be quoted, as in a shell.
    if typed.count >= 2, let quote = typed.first, quote == "\"" || quote == "'",
      typed.last == quote
    {
      typed = String(typed.dropFirst().dropLast())
    }
    guard !typed.isEmpty else {
      state.flash(
        "Usage: :reconcile FILE, a preference export (.csv with a header, or .jsonl).", .warning)
      return []
    }
    if let running = current(state), running.runningID != nil {
      state.flash("A reconcile is under way; esc stops it first.", .info)
      return []
    }
    let path = resolve(typed, workspacePath: state.options.workspacePath)
    state.lastSignalID += 1
    let id = state.lastSignalID
    if case .reconcile = state.screens.last { state.screens.removeLast() }
    state.screens.append(.reconcile(ReconcileState(input: typed, id: id)))
    state.flash("Comparing \(TerminalText.escaped(typed)) with Braze (read-only)…", .info)
    return [.signal(.reconcile(ReconcileJob(inputPath: path, workspace: state.workspace), id: id))]
  }

  /// `file` as a path: absolute as given, otherwise in the workspace file's folder.
  static func resolve(_ file: String, workspacePath: String) -> String {
    guard !file.hasPrefix("/") else { return file }
    guard let slash = workspacePath.lastIndex(of: "/") else { return file }
    return String(workspacePath[...slash]) + file
  }

  static func current(_ state: ConsoleState) -> ReconcileState? {
    if case .reconcile(let run) = state.screens.last { return run }
    return nil
  }

  private static func with(_ state: inout ConsoleState, _ body: (inout ReconcileState) -> Void) {
    guard case .reconcile(var run) = state.screens.last else { return }
    body(&run)
    state.screens[state.screens.count - 1] = .reconcile(run)
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard let run = current(state) else { return [] }
    switch action {
    case .back:
      switch run.phase {
      case .running(let id):
        with(&state) { $0.phase = .stopping(id: id) }
        state.flash("Stopping after the call in flight… esc again closes.", .warning)
        return [.signal(.cancel(id: id))]
      case .stopping:
        state.screens.removeLast()
        state.flash("The run stops in the background; its journal stays whole.", .info)
      case .ended:
        if !run.list.filter.isEmpty {
          with(&state) { $0.list.setFilter("") }
          state.flash("Filter cleared.", .info)
        } else {
          state.screens.removeLast()
        }
      }
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom, .filter:
      return ListActions.perform(&state, action)
    case .open:
      return openLookup(&state, run)
    case .testSend:
      openTestSend(&state, run)
    case .help:
      state.overlay = .help(scroll: 0)
    default:
      break
    }
    return []
  }

  /// The identity space a report row's identifier belongs to: the one its connection maps
  /// to the Braze field it was sent as.
  static func space(of finding: ReconcileFinding, in workspace: Workspace) -> String? {
    guard let field = finding.field else { return nil }
    return workspace.connection(finding.connection)?.identityMapping.first { $0.field == field }?
      .identitySpace
  }

  /// enter: the look-up screen with the person's value filled in, reading at once.
  private static func openLookup(_ state: inout ConsoleState, _ run: ReconcileState) -> [Effect] {
    guard let finding = run.selectedFinding,
      let space = space(of: finding, in: state.workspace)
    else {
      state.flash("This row names no identity space of the workspace.", .warning)
      return []
    }
    var lookup = LookupState(spaces: state.workspace.identitySpaces.map(\.code))
    guard let index = lookup.spaces.firstIndex(of: space) else { return [] }
    lookup.values[index].set(finding.identifier)
    lookup.focus = index
    lookup.selected = finding.topic + "/" + finding.channel
    state.screens.append(.lookup(lookup))
    return LookupActions.perform(&state, .send)
  }

  /// `t`: the test-send of that topic and channel with the person's value and the state
  /// the export expects.
  private static func openTestSend(_ state: inout ConsoleState, _ run: ReconcileState) {
    guard let finding = run.selectedFinding, let topic = state.workspace.topic(finding.topic)
    else {
      state.flash("The topic of this row is no longer in the workspace.", .warning)
      return
    }
    var send = TestSendState(
      topic: topic, channel: finding.channel,
      spaces: TestSendActions.spaces(for: topic, in: state.workspace))
    if let space = space(of: finding, in: state.workspace),
      let index = send.spaces.firstIndex(of: space)
    {
      send.values[index].set(finding.identifier)
      send.focus = send.choiceFocus
    }
    send.choice = finding.expected == "denied" ? .denied : .granted
    // The preview's planner is made with the screen (`refreshDerived`).
    state.screens.append(.testSend(send))
  }

  /// Progress of the run `id`, when its screen is still on top.
  static func progressed(_ state: inout ConsoleState, id: Int, _ progress: ReconcileProgress) {
    guard let run = current(state), run.runningID == id else { return }
    with(&state) { $0.progress = progress }
  }

  /// The run `id` ended. Its screen may be under another one, or closed.
  static func finished(_ state: inout ConsoleState, id: Int, _ result: ReconcileJobResult)
    -> [Effect]
  {
    guard
      let at = state.screens.lastIndex(where: { screen in
        if case .reconcile(let run) = screen { return run.runningID == id }
        return false
      }), case .reconcile(var run) = state.screens[at]
    else {
      if result.failure == nil {
        state.flash("A reconcile that was closed has ended; the journal has its counts.", .info)
      }
      return []
    }
    run.phase = .ended
    run.result = result
    if let progress = result.progress { run.progress = progress }
    let keys = result.findings.map { finding in
      SearchKey.folded(
        ReconcileState.searchText(finding, space: space(of: finding, in: state.workspace)))
    }
    run.list.reload(searchKeys: keys)
    state.screens[at] = .reconcile(run)
    let drift = result.counts.reduce(0) { $0 + $1.drift }
    if let failure = result.failure {
      state.flash("Reconcile: " + TerminalText.escaped(failure), .error)
    } else if result.stopped {
      state.flash("Stopped before every state was read; the counts are partial.", .warning)
    } else if result.counts.isEmpty {
      state.flash(ReconcileRenderer.nothingToCompare, .warning)
    } else if drift > 0 {
      state.flash(
        "\(ReconcileProgressLine.grouped(drift)) rows drift from Braze; enter looks a person up.",
        .warning)
    } else {
      state.flash("No drift: Braze holds every state the export says.", .success)
    }
    // The run is journaled; History is read afresh to show it.
    return [.signal(.loadJournal)]
  }
}
