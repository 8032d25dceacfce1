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
  let workspace: Workspace
  let connectionCodes: CodeOwners
  let spaceCodes: CodeOwners
  let propertyCodes: CodeOwners
  let topicCodes: CodeOwners
  /// Per connection index: the channels its identity mapping can serve.
  let servedChannels: [ChannelSet]
  /// Indexes of the spaces flagged as the marketing preference identity, in file order.
  let marketingSpaces: [Int]
  /// Normalised group id → the first two topics (distinct) whose channels map it.
  let groupOwners: [String: GroupOwners]

  public init(_ workspace: Workspace) {
    self.workspace = workspace
    connectionCodes = CodeOwners(workspace.connections.lazy.map(\.code))
    spaceCodes = CodeOwners(workspace.identitySpaces.lazy.map(\.code))
    propertyCodes = CodeOwners(workspace.properties.lazy.map(\.code))
    topicCodes = CodeOwners(workspace.topics.lazy.map(\.code))
    let spaces = spaceCodes
    servedChannels = workspace.connections.map { connection in
      ChannelSet(servedBy: connection.identityMapping) { spaces.first($0) != nil }
    }
    marketingSpaces = workspace.identitySpaces.indices.filter {
      workspace.identitySpaces[$0].marketingPreference
    }
    var owners: [String: GroupOwners] = [:]
    for (topicIndex, topic) in workspace.topics.enumerated() {
      for (channelIndex, channel) in topic.channels.enumerated() {
        guard let key = GroupIDs.ownerKey(channel) else { continue }
        let owner = ChannelRef(topic: topicIndex, channel: channelIndex)
        if var existing = owners[key] {
          if existing.second == nil && existing.first.topic != topicIndex {
            existing.second = owner
            owners[key] = existing
          }
        } else {
          owners[key] = GroupOwners(first: owner, second: nil)
        }
      }
    }
    groupOwners = owners
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

  /// A channel of a topic other than `topic` that maps the same group id, if any.
  func otherTopicMapping(groupKey: String, excluding topic: Int) -> ChannelRef? {
    guard let owners = groupOwners[groupKey] else { return nil }
    if owners.first.topic != topic { return owners.first }
    return owners.second
  }

  /// The path text of another record, e.g. `topics[news]`, for messages that point at it.
  func recordPath(_ collection: ProblemPath.Collection, _ index: Int) -> String {
    let codes = owners(of: collection)
    let code: String
    switch collection {
    case .connections: code = workspace.connections[index].code
    case .identitySpaces: code = workspace.identitySpaces[index].code
    case .properties: code = workspace.properties[index].code
    case .topics: code = workspace.topics[index].code
    }
    let key = codes.recordKey(code, at: index) ?? String(index)
    return "\(collection.rawValue)[\(key)]"
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
  }

  private var owners: [String: Owners] = [:]

  init<Codes: Sequence<String>>(_ codes: Codes) {
    for (index, code) in codes.enumerated() {
      if let existing = owners[code] {
        if existing.second == nil { owners[code]?.second = index }
      } else {
        owners[code] = Owners(first: index, second: nil)
      }
    }
  }

  /// The first record with this code.
  func first(_ code: String) -> Int? { owners[code]?.first }

  /// A record other than the one at `index` with this code. Keeping two owners suffices:
  /// at least one of them is not `index`.
  func other(_ code: String, than index: Int) -> Int? {
    guard let entry = owners[code] else { return nil }
    return entry.first != index ? entry.first : entry.second
  }

  /// The code as the record's key in a path when it names the record without doubt (valid
  /// and not shared); nil when the index must be shown instead.
  func recordKey(_ code: String, at index: Int) -> String? {
    guard CodeGenerator.isValid(code), other(code, than: index) == nil else { return nil }
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
}
