import MizzenCore

/// What keys do on the look-up screen, and how its reads land as they arrive.
enum LookupActions {
  /// `L` from any list: opens the screen with a field per identity space, filled with the
  /// values remembered from test-sends when there are any.
  static func open(_ state: inout ConsoleState) -> [Effect] {
    let lookup = LookupState(spaces: state.workspace.identitySpaces.map(\.code))
    state.screens.append(.lookup(lookup))
    return [.signal(.recallIdentities)]
  }

  private static func current(_ state: ConsoleState) -> LookupState? {
    if case .lookup(let lookup) = state.screens.last { return lookup }
    return nil
  }

  private static func with(_ state: inout ConsoleState, _ body: (inout LookupState) -> Void) {
    guard case .lookup(var lookup) = state.screens.last else { return }
    body(&lookup)
    state.screens[state.screens.count - 1] = .lookup(lookup)
  }

  /// True while a value field has the focus: printable keys type into it.
  static func isTyping(_ state: ConsoleState) -> Bool {
    guard let lookup = current(state) else { return false }
    if case .reading = lookup.phase { return false }
    return lookup.focus < lookup.tableFocus
  }

  static func edit(_ state: inout ConsoleState, _ edit: TextInput.Edit) -> Bool {
    guard isTyping(state) else { return false }
    var used = false
    with(&state) { used = $0.recalled.apply(edit, to: &$0.values, at: $0.focus) }
    return used
  }

  static func perform(_ state: inout ConsoleState, _ action: Action) -> [Effect] {
    guard let lookup = current(state) else { return [] }
    switch action {
    case .back:
      if case .reading(let id) = lookup.phase {
        state.flash("Cancelling the look-up…", .info)
        return [.signal(.cancel(id: id))]
      }
      state.screens.removeLast()
    case .nextField, .previousField:
      let step = action == .nextField ? 1 : -1
      let count = lookup.tableFocus + 1
      with(&state) { $0.focus = ($0.focus + step + count) % count }
    case .moveDown, .moveUp:
      let ids = lookup.plan?.rows.map(\.id) ?? []
      guard !ids.isEmpty else { return [] }
      let at = lookup.selected.flatMap { ids.firstIndex(of: $0) } ?? 0
      let next = max(0, min(ids.count - 1, at + (action == .moveDown ? 1 : -1)))
      with(&state) {
        $0.selected = ids[next]
        $0.focus = $0.tableFocus
      }
    case .send:
      return start(&state, lookup)
    case .testSend:
      return testSend(&state, lookup)
    case .help:
      state.overlay = .help(scroll: 0)
    default:
      break
    }
    return []
  }

  private static func start(_ state: inout ConsoleState, _ lookup: LookupState) -> [Effect] {
    // A look-up under way, or no value typed, the binding's requirement (lookupReady) has
    // refused.
    if case .reading = lookup.phase { return [] }
    guard !lookup.identities.isEmpty else { return [] }
    let plan: LookupPlan
    do throws(SignalPlanError) {
      plan = try SignalPlanner.planLookup(identities: lookup.identities, in: state.workspace)
    } catch {
      state.flash("Cannot look up: " + error.message, .error)
      return []
    }
    state.lastSignalID += 1
    let id = state.lastSignalID
    with(&state) {
      $0.plan = plan
      $0.exchanges = [:]
      $0.phase = plan.reads.isEmpty ? .done : .reading(id: id)
      $0.focus = $0.tableFocus
      if $0.selectedRow == nil { $0.selected = plan.rows.first?.id }
    }
    guard !plan.reads.isEmpty else {
      state.flash("Nothing to read: no channel can reach this person.", .warning)
      return []
    }
    state.flash("Reading \(plan.reads.count) state(s) from Braze…", .info)
    return [.signal(.lookup(plan, id: id)), .signal(.rememberIdentities(lookup.identities))]
  }

  /// `t` on a row: the test-send screen on that topic and channel, with the values typed.
  private static func testSend(_ state: inout ConsoleState, _ lookup: LookupState) -> [Effect] {
    // With no row picked, the binding's requirement (lookupRowSelected) has said so.
    guard let row = lookup.selectedRow, let topic = state.workspace.topic(row.topic) else {
      return []
    }
    var send = TestSendState(
      topic: topic, channel: row.channel,
      spaces: TestSendActions.spaces(for: topic, in: state.workspace))
    for (index, space) in send.spaces.enumerated() {
      if let value = lookup.identities[space] { send.values[index].set(value) }
    }
    // The preview's planner is made with the screen (`refreshDerived`).
    state.screens.append(.testSend(send))
    return []
  }

  /// A read came back (`index`), or all did (`index` nil).
  static func read(
    _ state: inout ConsoleState, id: Int, index: Int?, _ exchange: BrazeExchange?
  ) {
    guard let lookup = current(state), lookup.phase == .reading(id: id) else { return }
    with(&state) { lookup in
      if let index, let exchange { lookup.exchanges[index] = exchange }
      if index == nil { lookup.phase = .done }
    }
    guard index == nil, let done = current(state) else { return }
    let failed = done.exchanges.values.filter { !$0.outcome.isSuccess }.count
    state.flash(
      failed == 0
        ? "Read \(done.exchanges.count) state(s); t test-sends the selected row."
        : "\(failed) of \(done.progress.total) reads failed; see the rows.",
      failed == 0 ? .success : .error)
  }

  /// Remembered values fill the empty fields.
  static func recalled(_ state: inout ConsoleState, _ values: [String: String]) {
    with(&state) { $0.recalled.fill(&$0.values, spaces: $0.spaces, from: values) }
  }
}
