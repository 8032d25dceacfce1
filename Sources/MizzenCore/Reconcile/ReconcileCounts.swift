/// What reconcile found for one topic × channel (SPEC §9).
public struct ReconcileCounts: Equatable, Sendable, Codable {
  public var topic: String
  public var channel: String
  /// Braze already holds the row's state.
  public var agree = 0
  /// The row says granted, Braze says unsubscribed.
  public var driftToSubscribed = 0
  /// The row says denied, Braze says subscribed.
  public var driftToUnsubscribed = 0
  /// Braze has no state for the person in the group.
  public var unknown = 0
  /// Rows refused by the reader or the planner, or whose read Braze refused.
  public var refused = 0
  /// Drifting rows a `--apply` corrected, and those whose correction failed.
  public var corrected = 0
  public var failed = 0

  public init(topic: String, channel: String) {
    self.topic = topic
    self.channel = channel
  }

  public var drift: Int { driftToSubscribed + driftToUnsubscribed }
}

/// One drifting person × topic × channel, as `--report` writes it.
public struct ReconcileDriftRow: Equatable, Sendable {
  public var line: Int
  public var topic: String
  public var channel: String
  public var field: BrazeField
  public var identifier: String
  /// `granted` or `denied`: what the input says.
  public var expected: String
  /// `Subscribed` or `Unsubscribed`: what Braze said.
  public var braze: String
  /// Empty until applied; then `corrected`, or the error.
  public var result: String
}

extension ReconcileTable {
  /// Records `status` (Braze's answer for read `read`) on its records. Identifiers Braze
  /// did not name count as unknown; emails are also looked up lower-cased, as Braze
  /// stores them.
  mutating func record(_ read: ReconcileBatches.Read, status: [String: String]) {
    for index in read.records {
      let value = identifier(index)
      let said = status[value] ?? (read.field == .email ? status[value.lowercased()] : nil)
      let state: BrazeState
      switch said?.lowercased() {
      case "subscribed": state = .subscribed
      case "unsubscribed": state = .unsubscribed
      default: state = .unknown
      }
      records[Int(index)].braze = state
    }
  }

  /// Marks the records of a read Braze refused.
  mutating func refuse(_ read: ReconcileBatches.Read) {
    for index in read.records { records[Int(index)].braze = .refused }
  }

  /// True when Braze holds the opposite of record `index`'s row.
  func isDrift(_ index: UInt32) -> Bool {
    let record = records[Int(index)]
    return record.braze == .subscribed && !record.granted
      || record.braze == .unsubscribed && record.granted
  }

  /// Records whose Braze state differs from the row, in record order.
  public var drift: [UInt32] {
    var found: [UInt32] = []
    for (index, record) in records.enumerated() {
      if record.braze == .subscribed && !record.granted
        || record.braze == .unsubscribed && record.granted
      {
        found.append(UInt32(index))
      }
    }
    return found
  }

  /// Counts per topic × channel, in the order the input first reached them.
  public func counts() -> [ReconcileCounts] {
    var counts = targets.map { ReconcileCounts(topic: $0.topic, channel: $0.channel) }
    for record in records {
      let number = Int(record.target)
      switch record.braze {
      case .subscribed:
        if record.granted {
          counts[number].agree += 1
        } else {
          counts[number].driftToUnsubscribed += 1
        }
      case .unsubscribed:
        if record.granted {
          counts[number].driftToSubscribed += 1
        } else {
          counts[number].agree += 1
        }
      case .unknown: counts[number].unknown += 1
      case .refused: counts[number].refused += 1
      case .notRead: break
      }
    }
    for (target, refused) in refusedByTarget { counts[Int(target)].refused += refused }
    return counts
  }

  /// The report row of drifting record `index`.
  public func driftRow(_ index: UInt32, result: String = "") -> ReconcileDriftRow {
    let record = records[Int(index)]
    let target = targets[Int(record.target)]
    return ReconcileDriftRow(
      line: Int(record.line), topic: target.topic, channel: target.channel,
      field: field(index), identifier: identifier(index),
      expected: record.granted ? "granted" : "denied",
      braze: record.braze == .subscribed ? "Subscribed" : "Unsubscribed", result: result)
  }

  /// The target number of record `index`.
  func target(of index: UInt32) -> Int { Int(records[Int(index)].target) }
}
