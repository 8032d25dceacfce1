/// How reconcile cuts its work into Braze calls (SPEC §9, braze-api.md §1b, §2).
///
/// Reads: per connection × group × identifier kind, 50 identifiers a
/// `GET /subscription/status/get`. Writes: per connection × identifier kind, objects of
/// one group and one state with at most 50 identifiers, at most `objectsPerCall` objects a
/// `POST /v2/subscription/status/set`. Emails and phones never share an object, and since
/// a group takes only its channel's kind, a call that names people by email holds email
/// groups only and one by phone SMS/WhatsApp groups only, as v2 requires; external ids
/// mix groups of every channel. The order depends only on the input, so that a resumed
/// run cuts exactly the same batches.
public enum ReconcileBatches {
  /// Identifiers per read call and per write object (Braze's limit).
  public static let identifiersPerCall = 50
  /// Objects per v2 call: Braze documents no maximum; 25 is what established clients send.
  public static let objectsPerCall = 25

  /// One read call: up to 50 records of one connection, group and identifier kind.
  public struct Read: Sendable {
    public var target: UInt32
    public var field: BrazeField
    public var records: [UInt32]
  }

  /// One object of a v2 call.
  public struct WriteObject: Equatable, Sendable {
    public var groupID: String
    public var subscribed: Bool
    public var records: [UInt32]
  }

  /// One v2 call.
  public struct Write: Equatable, Sendable {
    /// Any target of the call's connection (for its base URL and key).
    public var target: UInt32
    public var field: BrazeField
    public var objects: [WriteObject]

    public var recordCount: Int { objects.reduce(0) { $0 + $1.records.count } }
  }

  /// The read calls for every record of `table`.
  public static func reads(_ table: ReconcileTable) -> [Read] {
    var order: [String] = []
    var buckets: [String: (UInt32, BrazeField, [UInt32])] = [:]
    for (index, record) in table.records.enumerated() {
      let target = table.targets[Int(record.target)]
      let field = table.field(UInt32(index))
      let key = target.connection + "\u{0}" + target.groupID + "\u{0}" + field.rawValue
      if buckets[key] == nil {
        order.append(key)
        buckets[key] = (record.target, field, [])
      }
      buckets[key]?.2.append(UInt32(index))
    }
    var reads: [Read] = []
    for key in order {
      guard let (target, field, records) = buckets[key] else { continue }
      var start = 0
      while start < records.count {
        let end = min(start + identifiersPerCall, records.count)
        reads.append(Read(target: target, field: field, records: Array(records[start..<end])))
        start = end
      }
    }
    return reads
  }

  /// The write calls that set every record of `drift` (in that order) to its row's state.
  public static func writes(_ drift: [UInt32], in table: ReconcileTable) -> [Write] {
    var laneOrder: [String] = []
    var lanes: [String: Lane] = [:]
    for index in drift {
      let record = table.records[Int(index)]
      let target = table.targets[Int(record.target)]
      let field = table.field(index)
      let laneKey = target.connection + "\u{0}" + field.rawValue
      if lanes[laneKey] == nil {
        laneOrder.append(laneKey)
        lanes[laneKey] = Lane(target: record.target, field: field)
      }
      let objectKey = target.groupID + (record.granted ? "\u{0}1" : "\u{0}0")
      lanes[laneKey]!.add(index, objectKey, target.groupID, record.granted)
    }
    var writes: [Write] = []
    for key in laneOrder {
      guard let lane = lanes[key] else { continue }
      let objects = lane.done + lane.openObjects.filter { !$0.records.isEmpty }
      var start = 0
      while start < objects.count {
        let end = min(start + objectsPerCall, objects.count)
        writes.append(
          Write(target: lane.target, field: lane.field, objects: Array(objects[start..<end])))
        start = end
      }
    }
    return writes
  }
}

extension ReconcileBatches.Write {
  /// The records of the call, object by object.
  public var allRecords: [UInt32] { objects.flatMap(\.records) }
}

/// The objects of one connection × identifier kind being filled: one open object per
/// group × state, closed when it holds 50 identifiers.
private struct Lane {
  var target: UInt32
  var field: BrazeField
  var done: [ReconcileBatches.WriteObject] = []
  var open: [String: Int] = [:]
  var openObjects: [ReconcileBatches.WriteObject] = []

  init(target: UInt32, field: BrazeField) {
    self.target = target
    self.field = field
  }

  mutating func add(_ record: UInt32, _ key: String, _ groupID: String, _ subscribed: Bool) {
    let slot: Int
    if let existing = open[key] {
      slot = existing
    } else {
      slot = openObjects.count
      open[key] = slot
      openObjects.append(
        ReconcileBatches.WriteObject(groupID: groupID, subscribed: subscribed, records: []))
    }
    openObjects[slot].records.append(record)
    if openObjects[slot].records.count == ReconcileBatches.identifiersPerCall {
      done.append(openObjects[slot])
      openObjects[slot].records.removeAll()
    }
  }
}
