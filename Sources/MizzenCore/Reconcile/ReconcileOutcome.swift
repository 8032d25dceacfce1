/// How a reconcile run is asked to behave (SPEC §9).
public struct ReconcileOptions: Sendable {
  /// Correct the drift with v2 batches.
  public var apply = false
  /// Print the batches instead of sending them.
  public var dryRun = false
  /// Continue a stopped `--apply` from its checkpoint.
  public var resume = false
  /// The ceiling for write calls per minute (Braze's set limit is 5,000).
  public var maxWritesPerMinute = 5000
  /// Read calls in flight at once.
  public var readConcurrency = 8

  public init() {}
}

/// Where a run is, for a progress bar or line.
public struct ReconcileProgress: Equatable, Sendable {
  /// Reading Braze's states, or writing corrections.
  public enum Phase: String, Sendable {
    case read, apply
  }

  public var phase: Phase
  /// Person × topic × channel records done and to do in this phase.
  public var done: Int
  public var total: Int
  public var drift: Int
  public var errors: Int
  public var requests: Int
  public var rateLimited: Int
  public var elapsed: Duration

  public init(
    phase: Phase, done: Int, total: Int, drift: Int, errors: Int, requests: Int,
    rateLimited: Int, elapsed: Duration
  ) {
    self.phase = phase
    self.done = done
    self.total = total
    self.drift = drift
    self.errors = errors
    self.requests = requests
    self.rateLimited = rateLimited
    self.elapsed = elapsed
  }
}

/// What a run did, for the summary, the report and the exit status.
public struct ReconcileOutcome: Sendable {
  public var table: ReconcileTable
  /// Drifting records in batch order.
  public var drift: [UInt32]
  /// The write calls, sent or (with `--dry-run`) only planned.
  public var writes: [ReconcileBatches.Write]
  /// Per-record results of `--apply`: records absent were not sent.
  public var corrected: Set<UInt32> = []
  public var failed: [UInt32: String] = [:]
  /// Errors Braze reported for a batch that name no row of it.
  public var batchNotes: [String] = []
  public var readRequests = 0
  public var writeRequests = 0
  /// Answers that were 429, over every attempt.
  public var rateLimited = 0
  /// Batches acknowledged by an earlier run and skipped on `--resume`.
  public var resumedBatches = 0
  /// True when Ctrl-C stopped the run early.
  public var stopped = false
  /// Why the run could not finish (exit status 2), with the checkpoint kept.
  public var fatal: String?
  /// Reads skipped because this run resumed: agree and unknown are not known then.
  public var readSkipped = false

  /// Counts per topic × channel with the apply results folded in.
  public func counts() -> [ReconcileCounts] {
    var counts = table.counts()
    for record in corrected { counts[table.target(of: record)].corrected += 1 }
    for record in failed.keys { counts[table.target(of: record)].failed += 1 }
    return counts
  }

  /// Drifting rows no correction fixed yet.
  public var remainingDrift: Int { drift.count - corrected.count }
}
