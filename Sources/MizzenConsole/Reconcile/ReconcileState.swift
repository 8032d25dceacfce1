import MizzenCore

/// What a reconcile run needs: the export and the workspace as the console has it.
public struct ReconcileJob: Equatable, Sendable {
  /// The export, absolute (a relative `:reconcile FILE` is taken from the workspace's
  /// folder).
  public var inputPath: String
  public var workspace: Workspace

  public init(inputPath: String, workspace: Workspace) {
    self.inputPath = inputPath
    self.workspace = workspace
  }
}

/// How a reconcile run ended, as the console shows it.
public struct ReconcileJobResult: Equatable, Sendable {
  /// Why nothing could be compared (unreadable input, no key…), or why the run stopped
  /// short (Braze unreachable); nil when it ran.
  public var failure: String?
  /// True when esc stopped it before every state was read.
  public var stopped = false
  /// Counts per topic × channel.
  public var counts: [ReconcileCounts] = []
  /// The rows that did not agree (drift, unknown, refused), at most `ReconcileState.limit`,
  /// refused input rows first.
  public var findings: [ReconcileFinding] = []
  /// How many there are in all.
  public var findingsTotal = 0
  public var rows = 0
  public var records = 0
  public var requests = 0
  public var rateLimited = 0
  /// The last progress of the run.
  public var progress: ReconcileProgress?

  public init(failure: String? = nil) { self.failure = failure }
}

/// The reconcile screen: a read-only compare running with its progress, then its summary
/// per topic × channel and the report of every row that did not agree.
public struct ReconcileState: Equatable, Sendable {
  /// At most this many report rows are kept; the summary counts them all.
  public static let limit = 10_000

  public enum Phase: Equatable, Sendable {
    /// The run with this effect id is out.
    case running(id: Int)
    /// esc asked the run to stop after the call in flight.
    case stopping(id: Int)
    /// The run ended (`result` says how).
    case ended
  }

  /// The export as typed, for the title.
  public internal(set) var input: String
  public internal(set) var phase: Phase
  public internal(set) var progress: ReconcileProgress?
  public internal(set) var result: ReconcileJobResult?
  /// The report rows that pass the filter and the selection. The rows never change once
  /// the run ended, so a row's index in `result.findings` is its identity.
  public internal(set) var list = ListState()

  init(input: String, id: Int) {
    self.input = input
    self.phase = .running(id: id)
  }

  /// The id of the run while it is out.
  var runningID: Int? {
    switch phase {
    case .running(let id), .stopping(let id): return id
    case .ended: return nil
    }
  }

  /// The selected report row.
  public var selectedFinding: ReconcileFinding? {
    guard let result, let index = list.selectedRecord, result.findings.indices.contains(index)
    else { return nil }
    return result.findings[index]
  }

  /// The search text of a report row: everything its line shows.
  static func searchText(_ finding: ReconcileFinding, space: String?) -> String {
    [
      finding.kind.rawValue, finding.topic + "/" + finding.channel, space ?? "",
      finding.identifier, finding.expected, finding.braze, "line \(finding.line)",
    ].joined(separator: " ")
  }
}
