/// One person × topic × channel of a finished read that Braze does not hold as the input
/// says: drifting, unknown to Braze, or refused (by Braze or by the reader). The console's
/// reconcile report lists these.
public struct ReconcileFinding: Equatable, Sendable {
  public enum Kind: String, Equatable, Sendable {
    case drift, unknown, refused
  }

  public var kind: Kind
  /// The 1-based input line of the row.
  public var line: Int
  public var topic: String
  public var channel: String
  /// The connection whose mapping chose the identifier; empty for a refused input row.
  public var connection: String
  /// The Braze field the identifier was sent as; nil for a refused input row.
  public var field: BrazeField?
  public var identifier: String
  /// `granted` or `denied`; empty for a refused input row.
  public var expected: String
  /// `Subscribed`, `Unsubscribed`, `unknown`, or why the row or its read was refused.
  public var braze: String

  public init(
    kind: Kind, line: Int, topic: String, channel: String, connection: String = "",
    field: BrazeField? = nil, identifier: String = "", expected: String = "", braze: String
  ) {
    self.kind = kind
    self.line = line
    self.topic = topic
    self.channel = channel
    self.connection = connection
    self.field = field
    self.identifier = identifier
    self.expected = expected
    self.braze = braze
  }

  /// A row the reader or the planner refused.
  public init(_ reject: ReconcileReject) {
    self.init(
      kind: .refused, line: reject.line, topic: reject.topic ?? "", channel: reject.channel ?? "",
      braze: reject.reason)
  }
}

extension ReconcileTable {
  /// The records that drift, are unknown to Braze or whose read Braze refused, in record
  /// order, at most `limit` of them, with how many there are in all.
  public func findings(limit: Int) -> (rows: [ReconcileFinding], total: Int) {
    var rows: [ReconcileFinding] = []
    var total = 0
    for (index, record) in records.enumerated() {
      let kind: ReconcileFinding.Kind
      let braze: String
      switch record.braze {
      case .subscribed where !record.granted:
        (kind, braze) = (.drift, "Subscribed")
      case .unsubscribed where record.granted:
        (kind, braze) = (.drift, "Unsubscribed")
      case .unknown: (kind, braze) = (.unknown, "unknown")
      case .refused: (kind, braze) = (.refused, "refused")
      case .subscribed, .unsubscribed, .notRead: continue
      }
      total += 1
      guard rows.count < limit else { continue }
      let target = targets[Int(record.target)]
      rows.append(
        ReconcileFinding(
          kind: kind, line: Int(record.line), topic: target.topic, channel: target.channel,
          connection: target.connection, field: field(UInt32(index)),
          identifier: identifier(UInt32(index)), expected: record.granted ? "granted" : "denied",
          braze: braze))
    }
    return (rows, total)
  }
}
