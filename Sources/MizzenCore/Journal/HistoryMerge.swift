/// One row of History: the signal journal's sends and the reconcile runs, by position in
/// their own newest-first lists.
public enum HistoryPick: Equatable, Sendable {
  case send(Int)
  case run(Int)

  /// Sends and runs, both newest first, merged by time, newest first (a send first on a
  /// tie), at most `limit` of them: the one order of `mizzen history` and the console's
  /// History.
  public static func merged(
    sends: Int, sendTime: (Int) -> String, runs: [ReconcileRun], limit: Int? = nil
  ) -> [HistoryPick] {
    var picks: [HistoryPick] = []
    picks.reserveCapacity(min(limit ?? Int.max, sends + runs.count))
    var send = 0
    var run = 0
    while send < sends || run < runs.count {
      if let limit, picks.count >= limit { break }
      if run == runs.count || (send < sends && sendTime(send) >= runs[run].time) {
        picks.append(.send(send))
        send += 1
      } else {
        picks.append(.run(run))
        run += 1
      }
    }
    return picks
  }
}
