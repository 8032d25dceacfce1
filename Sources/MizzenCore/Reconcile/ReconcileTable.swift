/// The rows of an export matched to the workspace, deduplicated and kept compactly: one
/// 24-byte record per person × topic × channel, identifiers stored once (SPEC §9).
///
/// Each row is planned with `SignalPlanner`, so the connection, group and identifier are
/// exactly the ones `mizzen send` would use for that row.
public struct ReconcileTable: Sendable {
  /// A topic × channel that rows reach, with where its group lives.
  public struct Target: Equatable, Sendable {
    public var topic: String
    public var channel: String
    public var connection: String
    public var groupID: String
    /// The connection's REST base URL, e.g. `https://rest.iad-01.braze.com`.
    public var base: String
    public var keySource: APIKeySource
    /// An SMS or WhatsApp channel with `doubleOptIn`: its writes send
    /// `use_double_opt_in_logic`, as `mizzen send` does.
    public var doubleOptIn = false
  }

  /// One person × topic × channel: the latest row for it.
  struct Record: Sendable {
    var value: UInt32
    var target: UInt32
    var field: UInt8
    var granted: Bool
    var braze: BrazeState = .notRead
    var line: UInt32
    /// Milliseconds since the epoch; `Int64.min` when the row had no `at`.
    var at: Int64
  }

  /// What Braze said about a record's group state.
  enum BrazeState: UInt8, Sendable {
    case notRead, subscribed, unsubscribed, unknown, refused
  }

  public private(set) var targets: [Target] = []
  var records: [Record] = []
  var identifiers = IdentifierArena()
  private var targetIndex: [String: UInt32] = [:]
  private var recordIndex: [UInt64: UInt32] = [:]
  private var planCache: [String: CachedPlan] = [:]
  /// Rows read, good or bad.
  public private(set) var rowCount = 0
  /// Refused rows per target; rows whose topic or channel is unknown count under `nil`.
  public private(set) var refusedByTarget: [UInt32: Int] = [:]
  public private(set) var refusedElsewhere = 0
  /// FNV-1a of the input bytes and the mapping, for the checkpoint.
  public private(set) var fingerprint = ""

  /// Number of person × topic × channel records after deduplication.
  public var recordCount: Int { records.count }

  /// Reads `path` and plans every row against `workspace`; each refused row goes to
  /// `reject` (in input order) and reading goes on.
  public static func load(
    path: String, workspace: Workspace, reject: (ReconcileReject) -> Void
  ) throws(ReconcileError) -> ReconcileTable {
    var table = ReconcileTable()
    let planner = SignalPlanner(workspace: workspace)
    var reader = try ReconcileReader(
      path: path, identitySpaces: Set(workspace.identitySpaces.map(\.code)))
    try reader.read(
      row: { row in
        table.rowCount += 1
        table.add(row, planner: planner, reject: reject)
      },
      reject: { refused in
        table.rowCount += 1
        table.countRefusal(refused, in: planner.workspace)
        reject(refused)
      })
    // What the records' numbers depend on besides the input: where each target lives, and
    // which identity each kind of row is sent as (the connections' identity mappings), so
    // that `--resume` after either changed is refused rather than sending to other people.
    var mapping: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
      for byte in text.utf8 { mapping = (mapping ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    for target in table.targets {
      mix(target.topic + "/" + target.channel + "=" + target.groupID + "@" + target.connection)
      mix(" " + target.base + ";")
    }
    for key in table.planCache.keys.sorted() {
      switch table.planCache[key] {
      case .chosen(let space, let field, let target)?:
        mix(key + "=" + space + ":" + field.rawValue + ":" + String(target) + ";")
      case .refused?, nil:
        mix(key + "=refused;")
      }
    }
    // Only reading needs the lookup tables; a million rows' worth is tens of megabytes.
    table.recordIndex = [:]
    table.planCache = [:]
    table.identifiers.freeze()
    let input = reader.fingerprint
    table.fingerprint =
      "\(input.bytes)-" + String(input.hash, radix: 16) + "-" + String(mapping, radix: 16)
    return table
  }

  /// The identifier of record `index`, as sent to Braze.
  func identifier(_ index: UInt32) -> String {
    identifiers.string(records[Int(index)].value)
  }

  func field(_ index: UInt32) -> BrazeField {
    BrazeField.allCases[Int(records[Int(index)].field)]
  }

  /// The input line of record `index`.
  public func line(of index: UInt32) -> Int { Int(records[Int(index)].line) }

  private mutating func add(
    _ row: ReconcileRow, planner: SignalPlanner, reject: (ReconcileReject) -> Void
  ) {
    guard let topic = planner.workspace.topic(row.topic) else {
      refusedElsewhere += 1
      reject(
        ReconcileReject(line: row.line, reason: "names no topic of the workspace ('\(row.topic)')"))
      return
    }
    let channels: [String]
    if let channel = row.channel {
      channels = [channel]
    } else {
      // Push has no subscription group to compare, so "every channel" means every
      // channel that has one.
      channels = topic.channels.filter { $0.kind?.usesSubscriptionGroup ?? true }.map(\.channel)
    }
    for channel in channels {
      let signal = Signal(
        topic: row.topic, channel: channel, identities: row.identities, state: row.state)
      switch choice(signal, planner) {
      case .failure(let error):
        refuse(row, channel, planner.workspace, error.message, reject)
      case .success(let chosen):
        let value = identifiers.intern(chosen.value)
        let field = UInt8(BrazeField.allCases.firstIndex(of: chosen.field) ?? 0)
        let at = row.at ?? Int64.min
        let key = UInt64(chosen.target) << 34 | UInt64(field) << 32 | UInt64(value)
        if let existing = recordIndex[key] {
          // The latest `at` wins; on a tie (or no times) the later line does.
          guard at >= records[Int(existing)].at else { continue }
          records[Int(existing)].granted = row.state == .granted
          records[Int(existing)].at = at
          records[Int(existing)].line = UInt32(clamping: row.line)
        } else {
          recordIndex[key] = UInt32(records.count)
          records.append(
            Record(
              value: value, target: chosen.target, field: field,
              granted: row.state == .granted, line: UInt32(clamping: row.line), at: at))
        }
      }
    }
  }

  /// What `SignalPlanner` chose for a row: the target, the Braze field and the value.
  private struct Chosen {
    var target: UInt32
    var field: BrazeField
    var value: String
  }

  /// A planner decision for one topic × channel × set of identity spaces present.
  private enum CachedPlan {
    case chosen(space: String, field: BrazeField, target: UInt32)
    case refused(SignalPlanError)
  }

  /// The planner's decision for `signal`. Planning builds request bodies, so it is asked
  /// once per topic × channel × identity spaces present, which is all its choice depends
  /// on; each later row only has its value checked with the planner's own syntax rules,
  /// and a value they refuse is planned again so that the planner's words are reported.
  private mutating func choice(_ signal: Signal, _ planner: SignalPlanner)
    -> Result<Chosen, SignalPlanError>
  {
    var key = signal.topic + "\u{0}" + signal.channel
    for space in signal.identities.keys.sorted() { key += "\u{0}" + space }
    switch planCache[key] {
    case .refused(let error)?:
      return .failure(error)
    case .chosen(let space, let field, let target)?:
      if let value = signal.identities[space], Self.acceptable(value, field) {
        return .success(Chosen(target: target, field: field, value: value))
      }
    case nil:
      break
    }
    do throws(SignalPlanError) {
      let plan = try planner.plan(signal)
      guard !plan.subscriptionGroupId.isEmpty else {
        let error = SignalPlanError(
          .unknownChannel, "push has no subscription group, so reconcile cannot compare it")
        planCache[key] = .refused(error)
        return .failure(error)
      }
      let target = targetNumber(plan, planner.workspace)
      planCache[key] = .chosen(space: plan.identitySpace, field: plan.brazeField, target: target)
      return .success(Chosen(target: target, field: plan.brazeField, value: plan.identityValue))
    } catch {
      if error.kind != .malformedIdentity { planCache[key] = .refused(error) }
      return .failure(error)
    }
  }

  /// The syntax rules `SignalPlanner` applies to the identifier it chose.
  private static func acceptable(_ value: String, _ field: BrazeField) -> Bool {
    switch field {
    case .email: return IdentitySyntax.emailProblem(value) == nil
    case .phone: return IdentitySyntax.isE164(value)
    case .externalID: return IdentitySyntax.externalIDProblem(value) == nil
    }
  }

  /// Counts a row the reader refused under its topic × channel when it names existing
  /// ones, otherwise apart.
  private mutating func countRefusal(_ refused: ReconcileReject, in workspace: Workspace) {
    guard let topic = refused.topic, let channel = refused.channel,
      workspace.topic(topic)?.channel(channel) != nil
    else {
      refusedElsewhere += 1
      return
    }
    let key = topic + "\u{0}" + channel
    let number = targetIndex[key] ?? UInt32(targets.count)
    if number == UInt32(targets.count) {
      targetIndex[key] = number
      targets.append(
        Target(
          topic: topic, channel: channel, connection: "", groupID: "", base: "",
          keySource: .environment("")))
    }
    refusedByTarget[number, default: 0] += 1
  }

  private mutating func refuse(
    _ row: ReconcileRow, _ channel: String, _ workspace: Workspace, _ reason: String,
    _ reject: (ReconcileReject) -> Void
  ) {
    let refused = ReconcileReject(
      line: row.line, reason: "\(row.topic)/\(channel): \(reason)", topic: row.topic,
      channel: channel)
    countRefusal(refused, in: workspace)
    reject(refused)
  }

  private mutating func targetNumber(_ plan: SignalPlan, _ workspace: Workspace) -> UInt32 {
    let key = plan.signal.topic + "\u{0}" + plan.signal.channel
    if let number = targetIndex[key], !targets[Int(number)].groupID.isEmpty { return number }
    let connection = workspace.connection(plan.connection)
    let target = Target(
      topic: plan.signal.topic, channel: plan.signal.channel, connection: plan.connection,
      groupID: plan.subscriptionGroupId,
      base: connection.flatMap { EndpointURL($0.endpoint)?.base } ?? "",
      keySource: plan.keySource,
      doubleOptIn: workspace.topic(plan.signal.topic)?.channel(plan.signal.channel).map {
        $0.doubleOptIn && ($0.kind?.takesDoubleOptIn ?? false)
      } ?? false)
    if let number = targetIndex[key] {
      targets[Int(number)] = target
      return number
    }
    let number = UInt32(targets.count)
    targetIndex[key] = number
    targets.append(target)
    return number
  }
}

extension ReconcileTable {
  /// Every record as Braze would store it: group, identifier kind and value, and whether
  /// the row grants (for loading the same rows into a sandbox as Braze's side).
  public func forEachRecord(
    _ body: (_ groupID: String, _ field: BrazeField, _ identifier: String, _ granted: Bool) -> Void
  ) {
    for index in records.indices {
      let record = records[index]
      body(
        targets[Int(record.target)].groupID, field(UInt32(index)), identifier(UInt32(index)),
        record.granted)
    }
  }
}
