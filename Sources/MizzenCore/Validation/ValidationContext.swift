/// A prebuilt index of one workspace that lets a single record be validated in time
/// proportional to that record alone.
///
/// Build it once, in O(n), from the saved workspace when a form opens; then every keystroke
/// can call `WorkspaceValidator.problems(forTopic:at:context:)` (and the connection, identity
/// space and property variants) with the draft. Cross-record questions — is this code taken
/// by another record, which connection is this, does another topic map this group id — are
/// dictionary look-ups that leave the record's own position out, so the draft's old version
/// in the index never counts against it.
public struct ValidationContext: Sendable {
  private(set) var workspace: Workspace
  let connectionCodes: CodeOwners
  let spaceCodes: CodeOwners
  let propertyCodes: CodeOwners
  private(set) var topicCodes: CodeOwners
  /// Per connection index: the channels its identity mapping can serve.
  let servedChannels: [ChannelSet]
  /// Indexes of the spaces flagged as the marketing preference identity, in file order.
  let marketingSpaces: [Int]
  /// Normalised group id → the first two topics (distinct) whose channels map it.
  private(set) var groupOwners: [String: GroupOwners]
  /// For each channel entry whose group id another topic also maps: one such other entry.
  /// Empty in a healthy workspace, so the whole pass needs no second look-up per channel.
  let sharedGroups: [ChannelRef: ChannelRef]

  public init(_ workspace: Workspace) {
    self.workspace = workspace
    connectionCodes = CodeOwners(count: workspace.connections.count) {
      workspace.connections[$0].code
    }
    spaceCodes = CodeOwners(count: workspace.identitySpaces.count) {
      workspace.identitySpaces[$0].code
    }
    propertyCodes = CodeOwners(count: workspace.properties.count) {
      workspace.properties[$0].code
    }
    topicCodes = CodeOwners(count: workspace.topics.count) { workspace.topics[$0].code }
    let spaces = spaceCodes
    servedChannels = workspace.connections.map { connection in
      ChannelSet(servedBy: connection.identityMapping) { spaces.first($0) != nil }
    }
    marketingSpaces = workspace.identitySpaces.indices.filter {
      workspace.identitySpaces[$0].marketingPreference
    }
    var owners: [String: GroupOwners] = [:]
    owners.reserveCapacity(workspace.topics.count * 2)
    var anyShared = false
    // Index loops rather than `for topic in topics`: copying each record out costs a retain
    // per string, which dominated this loop.
    let topics = workspace.topics
    for topicIndex in topics.indices {
      for channelIndex in topics[topicIndex].channels.indices {
        guard let key = GroupIDs.ownerKey(topics[topicIndex].channels[channelIndex]) else {
          continue
        }
        let owner = ChannelRef(topic: topicIndex, channel: channelIndex)
        // One hash per entry: insert, or update in place.
        owners[key, default: GroupOwners(first: owner, second: nil)].add(owner, &anyShared)
      }
    }
    groupOwners = owners
    var shared: [ChannelRef: ChannelRef] = [:]
    if anyShared {
      for (topicIndex, topic) in workspace.topics.enumerated() {
        for (channelIndex, channel) in topic.channels.enumerated() {
          guard let key = GroupIDs.ownerKey(channel), let entry = owners[key],
            let second = entry.second
          else { continue }
          shared[ChannelRef(topic: topicIndex, channel: channelIndex)] =
            entry.first.topic != topicIndex ? entry.first : second
        }
      }
    }
    sharedGroups = shared
  }

  /// The context of `workspace`, which is this context's workspace with the topic at
  /// `index` replaced (or added, when `index` is the old count) and nothing else changed,
  /// made in time proportional to that topic alone. Nil when the topic's code or one of
  /// its group ids, old or new, is held by another topic: that change reaches other
  /// topics' problems, and the context is built again instead.
  func replacingTopic(at index: Int, in workspace: Workspace) -> ValidationContext? {
    let before = self.workspace.topics
    let old = before.indices.contains(index) ? before[index] : nil
    let new = workspace.topics[index]
    var next = self
    next.workspace = workspace
    guard next.topicCodes.move(index, from: old?.code, to: new.code) else { return nil }
    for channel in old?.channels ?? [] {
      guard let key = GroupIDs.ownerKey(channel) else { continue }
      guard let entry = next.groupOwners[key] else { continue }  // removed already
      guard entry.first.topic == index, entry.second == nil else { return nil }
      next.groupOwners[key] = nil
    }
    for position in new.channels.indices {
      guard let key = GroupIDs.ownerKey(new.channels[position]) else { continue }
      if let entry = next.groupOwners[key] {
        guard entry.first.topic == index else { return nil }
        continue
      }
      next.groupOwners[key] = GroupOwners(
        first: ChannelRef(topic: index, channel: position), second: nil)
    }
    return next
  }

  /// The connection with this code (the first one when codes repeat), with its index.
  func connection(_ code: String) -> (index: Int, connection: Connection)? {
    guard let index = connectionCodes.first(code) else { return nil }
    return (index, workspace.connections[index])
  }

  /// The identity space with this code (the first one when codes repeat).
  func identitySpace(_ code: String) -> IdentitySpace? {
    spaceCodes.first(code).map { workspace.identitySpaces[$0] }
  }

  /// A channel of a topic other than `topic` that maps the group id of `channel`, which
  /// stands at `position` in that topic's draft.
  func otherTopicMapping(of channel: TopicChannel, at position: Int, inTopic topic: Int)
    -> ChannelRef?
  {
    // The entry as the index saw it: the precomputed answer holds (no look-up needed).
    if topic < workspace.topics.count, position < workspace.topics[topic].channels.count {
      let indexed = workspace.topics[topic].channels[position]
      if indexed.subscriptionGroupId == channel.subscriptionGroupId
        && indexed.channel == channel.channel
      {
        return sharedGroups.isEmpty
          ? nil : sharedGroups[ChannelRef(topic: topic, channel: position)]
      }
    }
    guard let key = GroupIDs.ownerKey(channel), let owners = groupOwners[key] else { return nil }
    if owners.first.topic != topic { return owners.first }
    return owners.second
  }

  /// The path text of another record, e.g. `topics[news]`, for messages that point at it.
  func recordPath(_ collection: ProblemPath.Collection, _ index: Int) -> String {
    let code = indexedCode(collection, index) ?? ""
    let key =
      owners(of: collection).recordKey(code, at: index, indexedCode: code) ?? String(index)
    return "\(collection.rawValue)[\(key)]"
  }

  /// The code of the record at `index` as the index saw it; nil past the end (a new record).
  func indexedCode(_ collection: ProblemPath.Collection, _ index: Int) -> String? {
    switch collection {
    case .connections:
      return workspace.connections.indices.contains(index) ? workspace.connections[index].code : nil
    case .identitySpaces:
      return workspace.identitySpaces.indices.contains(index)
        ? workspace.identitySpaces[index].code : nil
    case .properties:
      return workspace.properties.indices.contains(index) ? workspace.properties[index].code : nil
    case .topics:
      return workspace.topics.indices.contains(index) ? workspace.topics[index].code : nil
    }
  }

  func owners(of collection: ProblemPath.Collection) -> CodeOwners {
    switch collection {
    case .connections: return connectionCodes
    case .identitySpaces: return spaceCodes
    case .properties: return propertyCodes
    case .topics: return topicCodes
    }
  }
}

/// Which records of one kind use each code: enough to tell "taken by another record" for
/// any record without keeping every owner.
struct CodeOwners: Sendable {
  private struct Owners: Sendable {
    var first: Int
    var second: Int?

    mutating func noteOwner(_ index: Int, _ anyShared: inout Bool) {
      guard first != index, second == nil else { return }
      second = index
      anyShared = true
    }
  }

  private var owners: [String: Owners] = [:]
  /// For each record whose code another record shares: that other record. Empty in a
  /// healthy workspace, so the whole pass needs no look-up per record.
  private var sharedWith: [Int: Int] = [:]

  /// The owners of `count` codes, read by index (`code(i)` for record `i`).
  init(count: Int, code: (Int) -> String) {
    owners.reserveCapacity(count)
    var anyShared = false
    for index in 0..<count {
      // One hash per record: insert, or note a second owner in place.
      let inserted = Owners(first: index, second: nil)
      owners[code(index), default: inserted].noteOwner(index, &anyShared)
    }
    guard anyShared else { return }
    for index in 0..<count {
      guard let entry = owners[code(index)], let second = entry.second else { continue }
      sharedWith[index] = entry.first != index ? entry.first : second
    }
  }

  /// The first record with this code.
  func first(_ code: String) -> Int? { owners[code]?.first }

  /// Gives the record at `index` the code `new` instead of `old` (nil for a record just
  /// added). False, with nothing changed, when another record holds either code.
  mutating func move(_ index: Int, from old: String?, to new: String) -> Bool {
    if old == new { return owners[new].map { $0.first == index && $0.second == nil } ?? false }
    if let old {
      guard let entry = owners[old], entry.first == index, entry.second == nil else {
        return false
      }
    }
    guard owners[new] == nil else { return false }
    if let old { owners[old] = nil }
    owners[new] = Owners(first: index, second: nil)
    return true
  }

  /// A record other than the one at `index` with the code `code`. `indexedCode` is the code
  /// the record at `index` had when the index was built (nil for a new record): when the
  /// draft still has it, the precomputed answer holds. Keeping two owners suffices for the
  /// rest: at least one of them is not `index`.
  func other(_ code: String, than index: Int, indexedCode: String?) -> Int? {
    if indexedCode == code { return sharedWith.isEmpty ? nil : sharedWith[index] }
    guard let entry = owners[code] else { return nil }
    return entry.first != index ? entry.first : entry.second
  }

  /// The code as the record's key in a path when it names the record without doubt (valid
  /// and not shared); nil when the index must be shown instead.
  func recordKey(_ code: String, at index: Int, indexedCode: String?) -> String? {
    guard CodeGenerator.isValid(code), other(code, than: index, indexedCode: indexedCode) == nil
    else { return nil }
    return code
  }
}

/// A channel entry of a topic, by position.
struct ChannelRef: Hashable, Sendable {
  var topic: Int
  var channel: Int
}

/// The first two topics, distinct, that map one group id.
struct GroupOwners: Sendable {
  var first: ChannelRef
  var second: ChannelRef?

  /// Notes another entry mapping the group; only a second topic is kept.
  mutating func add(_ owner: ChannelRef, _ anyShared: inout Bool) {
    guard owner != first, second == nil, owner.topic != first.topic else { return }
    second = owner
    anyShared = true
  }
}
