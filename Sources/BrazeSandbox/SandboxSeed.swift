import MizzenCore

/// Loads Braze-side subscription states into a running sandbox from a preference export
/// (the rows `mizzen reconcile` reads), so that drift can be rehearsed end to end
/// (`mizzen sandbox --seed FILE`). Each row is planned against the workspace exactly as
/// reconcile plans it, and its state is stored for that group and identifier.
public enum SandboxSeed {
  /// What a seed loaded.
  public struct Summary: Equatable, Sendable {
    /// Group states set, one per person × topic × channel.
    public var states: Int
    /// Rows refused (bad rows, or rows the workspace cannot map).
    public var refused: Int
  }

  /// Reads `path` against `workspace` and stores every state in `server`.
  public static func load(path: String, workspace: Workspace, into server: SandboxServer)
    throws(ReconcileError) -> Summary
  {
    var refused = 0
    let table = try ReconcileTable.load(path: path, workspace: workspace) { _ in refused += 1 }
    var states: [(groupID: String, field: BrazeField, value: String, subscribed: Bool)] = []
    states.reserveCapacity(table.recordCount)
    table.forEachRecord { states.append(($0, $1, $2, $3)) }
    server.seed(states)
    return Summary(states: states.count, refused: refused)
  }
}

extension SandboxServer {
  /// Stores each state as if a set call had made it, creating profiles as Braze would.
  public func seed(
    _ states: [(groupID: String, field: BrazeField, value: String, subscribed: Bool)]
  ) {
    let endpoints = router.endpoints
    endpoints.store.withLock { store in
      for state in states {
        if endpoints.createsUnknownGroups {
          endpoints.learnChannel(state.groupID, fields: [state.field], in: &store)
        }
        let serials: [Int]
        switch state.field {
        case .externalID: serials = [store.findOrCreate(externalID: state.value)]
        case .email: serials = store.findOrCreate(email: state.value)
        case .phone: serials = store.findOrCreate(phone: state.value)
        }
        store.setGroupState(state.groupID, subscribed: state.subscribed, serials: serials)
      }
    }
  }

  /// The stored state of `value` in `groupID`: true subscribed, false unsubscribed, nil
  /// none, read as `/subscription/status/get` reads it (for tests and rehearsals).
  public func groupState(_ groupID: String, field: BrazeField, value: String) -> Bool? {
    router.endpoints.store.withLock { store in
      let serials: [Int]
      switch field {
      case .externalID: serials = store.serial(externalID: value).map { [$0] } ?? []
      case .email: serials = store.serials(email: value)
      case .phone: serials = store.serials(phone: value)
      }
      return store.groupState(groupID, serials: serials)
    }
  }
}
