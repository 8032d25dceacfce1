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
  /// The channel entries that map each group id (lower-cased): the first two topics.
  private(set) var groupOwners: GroupOwners

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
      ChannelSet(servedBy: connection.identityMapping) { code in
        spaces.first(code) { workspace.identitySpaces[$0].code } != nil
      }
    }
    marketingSpaces = workspace.identitySpaces.indices.filter {
      workspace.identitySpaces[$0].marketingPreference
    }
    groupOwners = GroupOwners(workspace.topics)
  }

  /// The context of `workspace`, which is this context's workspace with the topic at
  /// `index` replaced (or added, when `index` is the old count) and nothing else changed,
  /// made in time proportional to that topic alone. Nil when the topic's code or one of
  /// its group ids, old or new, is held by another topic: that change reaches other
  /// topics' problems, and the context is built again instead.
  func replacingTopic(at index: Int, in workspace: Workspace) -> ValidationContext? {
    let before = self.workspace.topics
    let old = before.indices.contains(index) ? before[index] : nil
    var next = self
    next.workspace = workspace
    let topics = workspace.topics
    guard
      next.topicCodes.move(
        index, from: old?.code, to: topics[index].code, code: { topics[$0].code }),
      next.groupOwners.replace(topic: index, old: old?.channels ?? [], in: topics)
    else { return nil }
    return next
  }

  /// The index of the connection with this code (the first one when codes repeat).
  func connectionIndex(_ code: String) -> Int? {
    let connections = workspace.connections
    return connectionCodes.first(code, code: { connections[$0].code })
  }

  /// The identity space with this code (the first one when codes repeat).
  func identitySpace(_ code: String) -> IdentitySpace? {
    let spaces = workspace.identitySpaces
    return spaceCodes.first(code) { spaces[$0].code }.map { spaces[$0] }
  }

  /// A channel of a topic other than `topic` that maps the group id of `channel`, which
  /// stands at `position` in that topic's draft.
  func otherTopicMapping(of channel: TopicChannel, at position: Int, inTopic topic: Int)
    -> ChannelRef?
  {
    // The entry as the index saw it: the precomputed answer holds (no look-up needed).
    if topic < workspace.topics.count, position < workspace.topics[topic].channels.count {
      let indexed = workspace.topics[topic].channels[position]
      if indexed.groupID == channel.groupID && indexed.channel == channel.channel {
        return groupOwners.shared(ChannelRef(topic: topic, channel: position))
      }
    }
    guard GroupIDs.isIndexed(channel),
      let first = groupOwners.first(channel.groupID, in: workspace.topics)
    else { return nil }
    if first.topic != topic { return first }
    return groupOwners.second(after: first)
  }

  /// The path text of another record, e.g. `topics[news]`, for messages that point at it.
  func recordPath(_ collection: ProblemPath.Collection, _ index: Int) -> String {
    let code = indexedCode(collection, index) ?? ""
    let key = recordKey(collection, code, at: index, indexedCode: code) ?? String(index)
    return "\(collection.rawValue)[\(key)]"
  }

  /// The code of the record at `index` as the index saw it; nil past the end (a new record).
  func indexedCode(_ collection: ProblemPath.Collection, _ index: Int) -> String? {
    index >= 0 && index < count(collection) ? code(collection, index) : nil
  }

  /// A record of `collection` other than the one at `index` with the code `code`
  /// (`CodeOwners.other`).
  func otherRecord(_ collection: ProblemPath.Collection, code: String, than index: Int) -> Int? {
    owners(of: collection).other(
      code, than: index, indexedCode: indexedCode(collection, index)
    ) { self.code(collection, $0) }
  }

  /// The code as the record's key in a path (`CodeOwners.recordKey`).
  func recordKey(
    _ collection: ProblemPath.Collection, _ code: String, at index: Int, indexedCode: String?
  ) -> String? {
    owners(of: collection).recordKey(code, at: index, indexedCode: indexedCode) {
      self.code(collection, $0)
    }
  }

  private func count(_ collection: ProblemPath.Collection) -> Int {
    switch collection {
    case .connections: return workspace.connections.count
    case .identitySpaces: return workspace.identitySpaces.count
    case .properties: return workspace.properties.count
    case .topics: return workspace.topics.count
    }
  }

  private func code(_ collection: ProblemPath.Collection, _ index: Int) -> String {
    switch collection {
    case .connections: return workspace.connections[index].code
    case .identitySpaces: return workspace.identitySpaces[index].code
    case .properties: return workspace.properties[index].code
    case .topics: return workspace.topics[index].code
    }
  }

  private func owners(of collection: ProblemPath.Collection) -> CodeOwners {
    switch collection {
    case .connections: return connectionCodes
    case .identitySpaces: return spaceCodes
    case .properties: return propertyCodes
    case .topics: return topicCodes
    }
  }
}

/// Which records of one kind use each code: enough to tell "taken by another record" for
/// any record without keeping every owner. The codes stay in the records: every look-up
/// is given `code`, the code of the record at an index.
struct CodeOwners: Sendable {
  /// The first record with each code.
  private var firsts: SlotTable
  /// The second record with a code, by the first, for codes that more than one record uses.
  private var seconds: [Int: Int] = [:]
  /// For each record whose code another record shares: that other record. Empty in a
  /// healthy workspace, so the whole pass needs no look-up per record.
  private var sharedWith: [Int: Int] = [:]

  /// The owners of `count` codes, read by index (`code(i)` for record `i`).
  init(count: Int, code: (Int) -> String) {
    firsts = SlotTable(expected: count)
    for index in 0..<count {
      let text = code(index)
      let tag = SlotHash.tag(text)
      if let first = firsts.first(tag, where: { code(Int($0)) == text }) {
        if seconds[Int(first)] == nil { seconds[Int(first)] = index }
      } else {
        firsts.insert(UInt64(index), tag: tag)
      }
    }
    guard !seconds.isEmpty else { return }
    for index in 0..<count {
      guard let first = first(code(index), code: code), let second = seconds[first] else {
        continue
      }
      sharedWith[index] = first != index ? first : second
    }
  }

  /// The first record with this code.
  func first(_ text: String, code: (Int) -> String) -> Int? {
    firsts.first(SlotHash.tag(text)) { code(Int($0)) == text }.map { Int($0) }
  }

  /// Gives the record at `index` the code `new` instead of `old` (nil for a record just
  /// added). False, with nothing changed, when another record holds either code. `code`
  /// reads the records as they are after the change.
  mutating func move(
    _ index: Int, from old: String?, to new: String, code: (Int) -> String
  ) -> Bool {
    if old == new {
      guard let first = first(new, code: code) else { return false }
      return first == index && seconds[first] == nil
    }
    let newTag = SlotHash.tag(new)
    // The record at `index` still sits under its old code: it is not another holder.
    guard firsts.first(newTag, where: { Int($0) != index && code(Int($0)) == new }) == nil
    else { return false }
    if let old {
      // The old code's first holder, when it is another record, reads the same as before.
      let holder = firsts.first(SlotHash.tag(old)) { Int($0) == index || code(Int($0)) == old }
      guard holder == UInt64(index), seconds[index] == nil else { return false }
      firsts.remove(SlotHash.tag(old)) { $0 == UInt64(index) }
    }
    firsts.insert(UInt64(index), tag: newTag)
    return true
  }

  /// A record other than the one at `index` with the code `code`. `indexedCode` is the code
  /// the record at `index` had when the index was built (nil for a new record): when the
  /// draft still has it, the precomputed answer holds. Keeping two owners suffices for the
  /// rest: at least one of them is not `index`.
  func other(_ text: String, than index: Int, indexedCode: String?, code: (Int) -> String)
    -> Int?
  {
    if indexedCode == text { return sharedWith.isEmpty ? nil : sharedWith[index] }
    guard let first = first(text, code: code) else { return nil }
    return first != index ? first : seconds[first]
  }

  /// The code as the record's key in a path when it names the record without doubt (valid
  /// and not shared); nil when the index must be shown instead.
  func recordKey(
    _ text: String, at index: Int, indexedCode: String?, code: (Int) -> String
  ) -> String? {
    guard CodeGenerator.isValid(text),
      other(text, than: index, indexedCode: indexedCode, code: code) == nil
    else { return nil }
    return text
  }
}

/// A channel entry of a topic, by position.
struct ChannelRef: Hashable, Sendable {
  var topic: Int
  var channel: Int

  fileprivate init(topic: Int, channel: Int) {
    self.topic = topic
    self.channel = channel
  }

  fileprivate init(_ packed: UInt64) {
    self.init(topic: Int(packed >> 32), channel: Int(packed & 0xFFFF_FFFF))
  }

  fileprivate var packed: UInt64 { UInt64(topic) << 32 | UInt64(channel) }
}

/// For each group id (lower-cased) that channel entries map: the first two topics, distinct,
/// that map it. The ids stay in the topics: look-ups are given them.
struct GroupOwners: Sendable {
  /// The first entry mapping each id.
  private var firsts: SlotTable
  /// The first entry of a second topic mapping an id, by the id's first entry.
  private var seconds: [ChannelRef: ChannelRef] = [:]
  /// For each entry whose group id another topic also maps: one such other entry. Empty in
  /// a healthy workspace, so the whole pass needs no second look-up per channel.
  private var sharedWith: [ChannelRef: ChannelRef] = [:]

  init(_ topics: [Topic]) {
    // Sized for two channels a topic, the usual count, without a pass over every topic's
    // channels (a cache miss per topic) to count them; the table grows if there are more.
    firsts = SlotTable(expected: topics.count * 2)
    // Read in place, through buffers: copying each record (or channel) out costs a retain
    // per string and an outlined copy, which dominated this loop.
    topics.withUnsafeBufferPointer { records in
      for topicIndex in records.indices {
        records[topicIndex].channels.withUnsafeBufferPointer { channels in
          for channelIndex in channels.indices {
            // Through a pointer: an element of even a buffer was copied for each call.
            let channel = channels.baseAddress! + channelIndex
            guard GroupIDs.isIndexed(channel) else { continue }
            let owner = ChannelRef(topic: topicIndex, channel: channelIndex)
            let tag = SlotHash.foldedTag(channel.pointee.groupID)
            guard
              let first = firsts.firstOrInsert(
                owner.packed, tag: tag,
                where: { Self.maps(ChannelRef($0), channel.pointee.groupID, topics) })
            else { continue }
            let firstOwner = ChannelRef(first)
            if firstOwner.topic != topicIndex && seconds[firstOwner] == nil {
              seconds[firstOwner] = owner
            }
          }
        }
      }
    }
    guard !seconds.isEmpty else { return }
    for topicIndex in topics.indices {
      for channelIndex in topics[topicIndex].channels.indices {
        let channel = topics[topicIndex].channels[channelIndex]
        guard GroupIDs.isIndexed(channel),
          let first = first(channel.groupID, in: topics),
          let second = seconds[first]
        else { continue }
        sharedWith[ChannelRef(topic: topicIndex, channel: channelIndex)] =
          first.topic != topicIndex ? first : second
      }
    }
  }

  /// Whether the entry at `ref` maps the group id `id` (compared lower-cased).
  private static func maps(_ ref: ChannelRef, _ id: GroupIDText, _ topics: [Topic]) -> Bool {
    GroupIDs.sameKey(topics[ref.topic].channels[ref.channel].groupID, id)
  }

  /// The first entry mapping `id` in `topics`, the topics the index was made of.
  func first(_ id: GroupIDText, in topics: [Topic]) -> ChannelRef? {
    firsts.first(SlotHash.foldedTag(id)) { Self.maps(ChannelRef($0), id, topics) }
      .map { ChannelRef($0) }
  }

  /// The entry of a second topic mapping the group id whose first entry is `first`.
  func second(after first: ChannelRef) -> ChannelRef? { seconds[first] }

  /// The precomputed other topic's entry for an entry as indexed.
  func shared(_ entry: ChannelRef) -> ChannelRef? {
    sharedWith.isEmpty ? nil : sharedWith[entry]
  }

  /// Moves the index from the topic at `index` with the channels `old` (none for a topic
  /// just added) to that topic as it is in `topics`, where nothing else changed. False,
  /// with the index in an undefined state, when another topic maps one of its ids.
  mutating func replace(topic index: Int, old: [TopicChannel], in topics: [Topic]) -> Bool {
    // The topic's own entries are compared with its old channels, the others' with theirs.
    for channel in old {
      guard GroupIDs.isIndexed(channel) else { continue }
      let id = channel.groupID
      let tag = SlotHash.foldedTag(id)
      let holder = firsts.first(tag) { packed in
        let ref = ChannelRef(packed)
        return ref.topic == index
          ? GroupIDs.sameKey(old[ref.channel].groupID, id) : Self.maps(ref, id, topics)
      }
      guard let holder else { continue }  // removed already
      let ref = ChannelRef(holder)
      guard ref.topic == index, seconds[ref] == nil else { return false }
      firsts.remove(tag) { $0 == holder }
    }
    let channels = topics[index].channels
    for position in channels.indices {
      guard GroupIDs.isIndexed(channels[position]) else { continue }
      let id = channels[position].groupID
      let tag = SlotHash.foldedTag(id)
      if let holder = firsts.first(tag, where: { Self.maps(ChannelRef($0), id, topics) }) {
        guard ChannelRef(holder).topic == index else { return false }
        continue
      }
      firsts.insert(ChannelRef(topic: index, channel: position).packed, tag: tag)
    }
    return true
  }
}
