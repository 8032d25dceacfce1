import MizzenCore

/// Work for the network and the state file that test-sending asks the caller to do. Each
/// send and verify carries an id so that a late answer finds its screen, or knows it left.
public enum SignalEffect: Sendable, Equatable {
  /// Send the plan (its key read at that moment), journal it, and answer with `.sent` or
  /// `.refused`.
  case send(SignalPlan, id: Int)
  /// Send each plan in turn (a send to every channel of a topic), journal each, and
  /// answer once with `.sentAll` or `.refused`.
  case sendAll([SignalPlan], id: Int)
  /// Stop the send with this id; its answer still comes, as cancelled.
  case cancel(id: Int)
  /// Perform the plan's verify request alone (its key read at that moment), journal it,
  /// and answer with `.verified`.
  case verify(SignalPlan, id: Int)
  /// Read the identity values remembered for this workspace; answer `.identitiesRecalled`.
  case recallIdentities
  /// Remember these identity values for the next test-send (outside the workspace file).
  case rememberIdentities([String: String])
  /// The read-only check of a connection, permission by permission (SPEC §4, §8); answer
  /// `.checked`.
  case check(ConnectionCheckPlan)
  /// Read a person's states (SPEC §8): answer `.lookupRead` as each read arrives, then
  /// `.lookupFinished`.
  case lookup(LookupPlan, id: Int)
  /// Read the signal journal and the reconcile runs; answer `.reconcileRunsLoaded`, then
  /// `.journalLoaded`.
  case loadJournal
  /// Compare a preference export with Braze, read-only (SPEC §9): answer
  /// `.reconcileProgress` now and then, then `.reconcileFinished`. `.cancel` stops it
  /// after the call in flight.
  case reconcile(ReconcileJob, id: Int)
  /// Read a reconcile run's batches; answer `.reconcileBatchesLoaded`.
  case loadReconcileBatches(ReconcileRun)
}

/// The outcome of a `SignalEffect`.
public enum SignalEffectResult: Sendable {
  /// The send went out (or was cancelled) and is in the journal unless `journalError` says.
  case sent(id: Int, JournalEntry, journalError: String?)
  /// The calls of a send to every channel, each journaled unless `journalError` says.
  case sentAll(id: Int, [JournalEntry], journalError: String?)
  /// Nothing was sent, e.g. the key's variable is not set.
  case refused(id: Int, String)
  /// The read-back with how its call ended; it is in the journal unless `journalError`
  /// says why not (nil too when nothing was called, e.g. the key's variable is not set).
  case verified(id: Int, VerificationResult?, BrazeOutcome, journalError: String?)
  case identitiesRecalled([String: String])
  case checked(ConnectionCheckReport)
  /// One read of a look-up came back: its position in the plan's reads.
  case lookupRead(id: Int, index: Int, BrazeExchange)
  /// Every read of a look-up came back, or the look-up was cancelled.
  case lookupFinished(id: Int)
  /// The journal's entries with their search keys, or why it could not be read.
  case journalLoaded(Result<JournalRead, JournalError>)
  /// Where a reconcile run is.
  case reconcileProgress(id: Int, ReconcileProgress)
  /// A reconcile run ended: finished, stopped, or could not run.
  case reconcileFinished(id: Int, ReconcileJobResult)
  /// The newest reconcile runs, newest first (none when their journal could not be read),
  /// sent just before `.journalLoaded`, which lists them.
  case reconcileRunsLoaded([ReconcileRun])
  /// A run's batches in the order sent, or why they could not be read.
  case reconcileBatchesLoaded(runID: String, Result<[ReconcileBatchEntry], ReconcileError>)
}
