import Foundation
import MizzenConsole
import MizzenCore

/// Runs test-send effects as tasks off the key loop: sends (journaled by `SignalSender`),
/// verify calls, cancellation, and the identity values remembered beside the workspace.
public final class SignalEffectRunner: Sendable {
  private let environment: RuntimeEnvironment
  private let sender: SignalSender
  private let client: BrazeClient
  private let tasks = SignalTasks()
  /// `<workspace>.mizzen-state.json`; its writes are among the tasks quitting waits for.
  private let identities: RememberedIdentities
  private let journalReads = DispatchQueue(label: "mizzen.journal.reads", qos: .userInitiated)
  private let workspacePath: String
  private let reconciles = ReconcileJobs()
  /// How long quitting waits for cancelled calls to journal. A cancelled call stops at
  /// once and its journal line takes milliseconds, so this only bounds a disk that hangs:
  /// quitting must end even then, and the line would be lost with the process anyway.
  public static let quitWait: Duration = .seconds(5)

  /// A runner whose calls go through `environment`'s client and read its variables.
  public init(workspacePath: String, environment: RuntimeEnvironment) {
    let client = environment.client()
    self.environment = environment
    self.client = client
    self.workspacePath = workspacePath
    self.sender = SignalSender(
      client: client, journal: SignalJournal(workspacePath: workspacePath),
      verifyDelay: .zero)
    self.identities = RememberedIdentities(workspacePath: workspacePath, tasks: tasks)
    self.reconcileJournal = ReconcileJournal(workspacePath: workspacePath)
  }

  /// The reconcile journal, whose runs History lists.
  private let reconcileJournal: ReconcileJournal
  /// The newest runs History lists: read from the journal's end, so only these are read
  /// (each costs its lines; a run of a million rows journals about 800). `mizzen history
  /// --limit 0` lists them all.
  static let reconcileRunsShown = 100

  /// True when `effect` answers with exactly one result.
  public static func reports(_ effect: SignalEffect) -> Bool {
    switch effect {
    case .send, .sendAll, .verify, .recallIdentities, .check, .loadJournal, .lookup, .reconcile,
      .loadReconcileBatches:
      return true
    case .cancel, .rememberIdentities: return false
    }
  }

  /// Starts `effect`; `report` gets its one final result, `progress` any results before it
  /// (a look-up's reads as they arrive, the reconcile runs before the journal).
  public func start(
    _ effect: SignalEffect,
    progress: @escaping @Sendable (SignalEffectResult) -> Void = { _ in },
    report: @escaping @Sendable (SignalEffectResult) -> Void
  ) {
    switch effect {
    case .lookup(let plan, let id):
      var keys: [String: Result<String, SignalPlanError>] = [:]
      for read in plan.reads where keys[read.connection] == nil {
        keys[read.connection] = environment.key(read.keySource, read.connection)
      }
      let runner = PersonLookupRunner(client: client)
      let found = keys
      tasks.run(id) {
        _ = await runner.run(plan, keys: found) { index, exchange in
          progress(.lookupRead(id: id, index: index, exchange))
        }
        report(.lookupFinished(id: id))
      }
    case .send(let plan, let id):
      let sender = sender
      let key: String
      switch environment.key(plan.keySource, plan.connection) {
      case .success(let found): key = found
      case .failure(let error):
        report(.refused(id: id, error.message))
        return
      }
      tasks.run(id) {
        let result = await sender.send(plan, key: key)
        report(.sent(id: id, result.entry, journalError: result.journalError?.message))
      }
    case .sendAll(let plans, let id):
      let sender = sender
      var keys: [String] = []
      for plan in plans {
        switch environment.key(plan.keySource, plan.connection) {
        case .success(let found): keys.append(found)
        case .failure(let error):
          report(.refused(id: id, error.message))
          return
        }
      }
      let calls = Array(zip(plans, keys))
      tasks.run(id) {
        var entries: [JournalEntry] = []
        var journalError: String?
        for (plan, key) in calls {
          let result = await sender.send(plan, key: key)
          entries.append(result.entry)
          journalError = journalError ?? result.journalError?.message
          if result.entry.outcome.kind == .cancelled { break }
        }
        report(.sentAll(id: id, entries, journalError: journalError))
      }
    case .verify(let plan, let id):
      let sender = sender
      let key: String
      switch environment.key(plan.keySource, plan.connection) {
      case .success(let found): key = found
      case .failure(let error):
        let outcome = BrazeOutcome(kind: .cancelled, message: error.message)
        report(.verified(id: id, nil, outcome, journalError: nil))
        return
      }
      tasks.run(id) {
        let result = await sender.verify(plan, key: key)
        let entry = result.entry
        report(
          .verified(
            id: id, entry.verification, entry.outcome,
            journalError: result.journalError?.message))
      }
    case .check(let plan):
      let checker = ConnectionChecker(client: client)
      switch environment.key(plan.keySource, plan.connection) {
      case .success(let key):
        Task.detached { report(.checked(await checker.run(plan, key: key))) }
      case .failure(let error):
        let outcome = BrazeOutcome(kind: .cancelled, message: error.message)
        let rows = plan.probes.map { probe in
          PermissionCheckRow(
            permission: probe.permission, use: probe.use, verdict: .failed,
            explanation: "not checked: " + error.message,
            exchange: probe.request.map {
              BrazeExchange(request: $0, attempts: [], outcome: outcome, latencyMs: 0)
            })
        }
        report(.checked(ConnectionCheckReport(plan: plan, rows: rows)))
      }
    case .loadJournal:
      let journal = sender.journal
      // One read at a time, in the order asked: a slow read of an older journal must not
      // land after a newer one and hide the latest send.
      let reconcile = reconcileJournal
      journalReads.async {
        // Runs first, so that the journal's answer lists them; they are not the effect's
        // one result, which `report` counts as its end.
        progress(
          .reconcileRunsLoaded(
            (try? reconcile.readNewestRuns(Self.reconcileRunsShown).runs) ?? []))
        do throws(JournalError) {
          // The keys are made here, on the read's queue, not on the key loop.
          report(.journalLoaded(.success(JournalRead(try journal?.read().entries ?? []))))
        } catch {
          report(.journalLoaded(.failure(error)))
        }
      }
    case .reconcile(let job, let id):
      reconciles.start(
        job, id: id, workspacePath: workspacePath, environment: environment, client: client,
        tasks: tasks, progress: progress, report: report)
    case .loadReconcileBatches(let run):
      let reconcile = reconcileJournal
      journalReads.async {
        do throws(ReconcileError) {
          report(.reconcileBatchesLoaded(runID: run.id, .success(try reconcile.batches(of: run))))
        } catch {
          report(.reconcileBatchesLoaded(runID: run.id, .failure(error)))
        }
      }
    case .cancel(let id):
      // A reconcile stops after the call in flight; anything else is cancelled at once.
      if !reconciles.stop(id) { tasks.cancel(id) }
    case .recallIdentities:
      let identities = identities
      Task.detached { report(.identitiesRecalled(identities.read())) }
    case .rememberIdentities(let values):
      identities.remember(values)
    }
  }

  /// Cancels every send and verify still out and waits (at most `quitWait`) until each
  /// has written its journal line, and every remembered-identity write has landed; true
  /// when all did. For quitting.
  public func cancelAllAndWait() -> Bool {
    tasks.cancelAll()
    return tasks.waitUntilFinished(timeout: Self.quitWait)
  }
}
