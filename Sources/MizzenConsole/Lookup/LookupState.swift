import MizzenCore

/// The look-up screen (`L`, SPEC §8): the person's identity values, then a row per topic ×
/// channel with what Braze says for them now, filled in as the reads arrive.
public struct LookupState: Equatable, Sendable {
  /// Where the look-up is.
  public enum Phase: Equatable, Sendable {
    /// The admin types identity values; enter looks up.
    case editing
    /// The reads of the effect with this id are out; esc cancels them.
    case reading(id: Int)
    /// Every read came back (or was cancelled).
    case done
  }

  /// Every identity space of the workspace, in its order.
  public internal(set) var spaces: [String]
  public internal(set) var values: [TextInput]
  /// The values filled in from memory and not touched since.
  var recalled = RecalledValues()
  /// 0… the value fields; `spaces.count` the table of rows.
  public internal(set) var focus: Int = 0
  public internal(set) var phase: Phase = .editing
  /// The plan of the last look-up, and its answers by read position.
  public internal(set) var plan: LookupPlan?
  public internal(set) var exchanges: [Int: BrazeExchange] = [:]
  /// The selected row, by identity (`topic/channel`), never by position.
  public internal(set) var selected: String?

  init(spaces: [String]) {
    self.spaces = spaces
    self.values = spaces.map { _ in TextInput() }
  }

  var tableFocus: Int { spaces.count }

  /// The identity values typed, without the empty ones.
  var identities: [String: String] {
    var found: [String: String] = [:]
    for (space, input) in zip(spaces, values) where !input.text.isEmpty {
      found[space] = input.text
    }
    return found
  }

  /// How many reads came back, of how many.
  var progress: (done: Int, total: Int) {
    (exchanges.count, plan?.reads.count ?? 0)
  }

  /// The rows of the last look-up, answered so far.
  var rows: [LookupReport.Row] {
    guard let plan else { return [] }
    let answered = (0..<plan.reads.count).map { exchanges[$0] }
    return plan.rows.map { row in
      var answer = LookupAnswer(observed: nil, choice: nil, note: row.problem)
      var status: Int?
      if let index = row.read {
        if let exchange = answered[index] {
          answer = LookupAnswer.from(exchange, identifier: plan.reads[index].identifier)
          status = exchange.outcome.status
        } else {
          answer.note = phase == .done ? "not read" : "reading…"
        }
      }
      return LookupReport.Row(row: row, answer: answer, expected: nil, status: status)
    }
  }

  /// The selected row, when it still exists.
  var selectedRow: LookupRow? {
    plan?.rows.first { $0.id == selected }
  }
}
