import MizzenCore

/// What keys do on the test-send screen, and what happens when a send or verify answers.
enum TestSendActions {
  /// Opens the test-send screen on the selected topic (any channel) or channel row, asking
  /// for the remembered values.
  static func open(_ state: inout ConsoleState) -> [Effect] {
    let topics = state.workspace.topics
    let index: Int?
    var channel: String?
    if let children = state.childList, children.kind == .channels {
      index = children.parentIndex(state.recordIDs)
      if let parent = index, let row = children.list.selectedRecord,
        topics[parent].channels.indices.contains(row)
      {
        channel = topics[parent].channels[row].channel
      }
    } else {
      index = state.currentList.selectedRecord
    }
    // A topic without a channel, or none selected, the binding's requirement (testSendable)
    // has refused.
    guard let index, topics.indices.contains(index), !topics[index].channels.isEmpty else {
      return []
    }
    let topic = topics[index]
    let send = TestSendState(
      topic: topic, channel: channel, spaces: spaces(for: topic, in: state.workspace))
    // The preview's planner is made with the screen (`refreshDerived`).
    state.screens.append(.testSend(send))
    return [.signal(.recallIdentities)]
  }

  /// The identity spaces mapped by the connections of the topic's channels, in the order
  /// the workspace lists them.
  static func spaces(for topic: Topic, in workspace: Workspace) -> [String] {
    var mapped: Set<String> = []
    for channel in topic.channels {
      for mapping in workspace.connection(channel.connection)?.identityMapping ?? [] {
        mapped.insert(mapping.identitySpace)
      }
    }
    return workspace.identitySpaces.map(\.code).filter { mapped.contains($0) }
  }

  private static func with(_ state: inout ConsoleState, _ body: (inout TestSendState) -> Void) {
    guard case .testSend(var send) = state.screens.last else { return }
    body(&send)
    state.screens[state.screens.count - 1] = .testSend(send)
  }

  private static func current(_ state: ConsoleState) -> TestSendState? {
    if case .testSend(let send) = state.screens.last { return send }
    return nil
  }

  /// True while the focus is on an identity value being edited: printable keys then type
  /// into it, so their bindings (`?`, `q`, `v`…) are not offered in the hint strip.
  static func isTyping(_ state: ConsoleState) -> Bool {
    guard let send = current(state), send.phase == .editing else { return false }
    return send.focus >= 1 && send.focus < send.choiceFocus
  }

  /// Typing into the focused identity value; true when the key was used.
  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard let send = current(state), send.phase == .editing, send.focus >= 1,
      send.focus < send.choiceFocus
    else { return false }
    var used = false
    with(&state) { used = $0.edit($0.focus - 1, edit) }
    return used
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard let send = current(state) else { return [] }
    switch action {
    case .back:
      switch send.phase {
      case .sending(let id):
        state.flash(SendWording.cancelling, .warning)
        return [.signal(.cancel(id: id))]
      case .verifying, .editing, .done:
        state.screens.removeLast()
      }
    case .nextField, .previousField:
      guard send.phase == .editing else { return [] }
      let step = action == .nextField ? 1 : -1
      with(&state) { $0.focus = ($0.focus + step + $0.choiceFocus + 1) % ($0.choiceFocus + 1) }
    case .nextOption, .previousOption:
      guard send.phase == .editing else { return [] }
      let step = action == .nextOption ? 1 : -1
      with(&state) { send in
        if send.focus == 0, !send.channels.isEmpty {
          let count = send.channelChoices
          send.channelIndex = (send.channelIndex + step + count) % count
        } else if send.focus == send.choiceFocus {
          send.choice = send.choice == .granted ? .denied : .granted
        }
      }
    case .send:
      return startSend(&state, send)
    case .verify:
      return startVerify(&state, send)
    case .help:
      state.overlay = .help(scroll: 0)
    default:
      break
    }
    return []
  }

  private static func startSend(_ state: inout ConsoleState, _ send: TestSendState) -> [Effect] {
    switch send.phase {
    case .sending, .verifying:
      // The binding's requirement (noCallUnderWay) has said so.
      return []
    case .done:
      with(&state) { $0.phase = .editing }
      return []
    case .editing:
      break
    }
    switch send.plans(in: state) {
    case .failure(let error):
      state.flash("Not sent: " + TestSendState.explain(error, in: state.workspace), .error)
      return []
    case .success(let plans):
      state.lastSignalID += 1
      let id = state.lastSignalID
      with(&state) {
        $0.phase = .sending(id: id)
        $0.entry = nil
        $0.entries = []
        $0.failure = nil
        $0.verification = nil
        $0.verifyOutcome = nil
      }
      let effect: SignalEffect =
        send.isEveryChannel ? .sendAll(plans, id: id) : .send(plans[0], id: id)
      return [.signal(effect), .signal(.rememberIdentities(send.identities))]
    }
  }

  private static func startVerify(_ state: inout ConsoleState, _ send: TestSendState) -> [Effect] {
    // The binding's requirement (verifiable) has refused v unless one channel's send came
    // back.
    guard send.phase == .done, let entry = send.entry, !send.isEveryChannel else { return [] }
    var signal = send.signal
    signal.state = SignalState(text: entry.state)
    let plan: SignalPlan
    switch send.plan(signal, in: state, verify: true) {
    case .success(let planned): plan = planned
    case .failure(let error):
      state.flash("Cannot verify: " + TestSendState.explain(error, in: state.workspace), .error)
      return []
    }
    guard plan.requests.contains(where: { $0.purpose == .verify }) else {
      state.flash("Braze has no call that reads this channel's state back.", .warning)
      return []
    }
    state.lastSignalID += 1
    let id = state.lastSignalID
    with(&state) {
      $0.phase = .verifying(id: id)
      $0.failure = nil
    }
    return [.signal(.verify(plan, id: id))]
  }

  /// Applies an answer. One whose screen is gone (the admin left) is only announced: the
  /// send is in the journal either way.
  static func completed(_ state: inout ConsoleState, _ result: SignalEffectResult) -> [Effect] {
    let send = current(state)
    switch result {
    case .sent(let id, let entry, let journalError):
      guard send?.phase == .sending(id: id) else {
        state.flash(
          SendWording.sentElsewhere(entry), entry.outcome.isSuccess ? .success : .warning)
        return [.signal(.loadJournal)]
      }
      with(&state) {
        $0.phase = .done
        $0.entry = entry
        $0.failure = journalError.map { "Not journaled: " + $0 }
      }
      let (text, level) = SendWording.sent(entry)
      state.flash(text, level)
      return [.signal(.loadJournal)]
    case .sentAll(let id, let entries, let journalError):
      let failed = entries.filter { !$0.outcome.isSuccess }.count
      guard send?.phase == .sending(id: id) else {
        state.flash(
          "The send of \(entries.first?.topic ?? "a topic") to every channel ended; History "
            + "has it.", failed == 0 ? .success : .warning)
        return [.signal(.loadJournal)]
      }
      with(&state) {
        $0.phase = .done
        $0.entry = entries.first
        $0.entries = entries
        $0.failure = journalError.map { "Not journaled: " + $0 }
      }
      state.flash(
        failed == 0
          ? "Sent to every channel in \(entries.count) call\(entries.count == 1 ? "" : "s")."
          : "\(failed) of \(entries.count) calls not applied; see each result.",
        failed == 0 ? .success : .error)
      return [.signal(.loadJournal)]
    case .refused(let id, let message):
      guard send?.phase == .sending(id: id) else {
        state.flash("A test-send was not sent: \(message)", .error)
        return []
      }
      with(&state) {
        $0.phase = .editing
        $0.failure = message
      }
      state.flash("Not sent: \(message)", .error)
    case .verified(let id, let verification, let outcome, let journalError):
      // The read-back is journaled like a send, so History is read again either way.
      guard send?.phase == .verifying(id: id) else { return [.signal(.loadJournal)] }
      with(&state) {
        $0.phase = .done
        $0.verification = verification
        $0.verifyOutcome = outcome
        $0.failure = journalError.map { "Not journaled: " + $0 }
      }
      if let verification {
        let text = SendWording.verified(verification, after: send?.entry)
        state.flash(text, verification.matches ? .success : .warning)
      } else {
        state.flash("Could not verify: \(outcome.message)", .error)
      }
      return [.signal(.loadJournal)]
    case .journalLoaded(.success(let read)):
      HistoryList.load(&state, read)
    case .journalLoaded(.failure(let error)):
      state.journalRead = true
      state.flash(error.message, .error)
    case .reconcileRunsLoaded(let runs):
      state.reconcileRuns = runs
    case .reconcileBatchesLoaded(let runID, let result):
      JournalEntryActions.batchesLoaded(&state, runID: runID, result)
    case .checked(let report):
      ConnectionCheck.show(&state, report)
    case .lookupRead(let id, let index, let exchange):
      LookupActions.read(&state, id: id, index: index, exchange)
    case .lookupFinished(let id):
      LookupActions.read(&state, id: id, index: nil, nil)
    case .reconcileProgress(let id, let progress):
      ReconcileActions.progressed(&state, id: id, progress)
    case .reconcileFinished(let id, let result):
      return ReconcileActions.finished(&state, id: id, result)
    case .identitiesRecalled(let values):
      LookupActions.recalled(&state, values)
      guard send?.phase == .editing else { return [] }
      with(&state) { $0.recalled.fill(&$0.values, spaces: $0.spaces, from: values) }
    }
    return []
  }
}
