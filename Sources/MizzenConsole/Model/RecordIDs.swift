import MizzenCore

/// The identity of every record of the workspace, in the workspace's own order: kept beside
/// the workspace and changed by the same edits, so that `connections[i]` is the identity of
/// `workspace.connections[i]`.
public struct RecordIDs: Equatable, Sendable {
  public internal(set) var connections: [RecordID] = []
  public internal(set) var topics: [RecordID] = []
  /// The channels of each topic, by topic position.
  public internal(set) var channels: [[RecordID]] = []
  public internal(set) var identitySpaces: [RecordID] = []
  public internal(set) var properties: [RecordID] = []
  /// The identity captures of each property, by property position.
  public internal(set) var captures: [[RecordID]] = []

  /// Hands out identities never used before in the session.
  struct Source: Equatable, Sendable {
    private var next = 0

    mutating func make() -> RecordID {
      next += 1
      return RecordID(serial: next)
    }
  }

  /// New identities for every record of `workspace`.
  init(fresh workspace: Workspace, _ source: inout Source) {
    func make(_ count: Int) -> [RecordID] {
      var ids: [RecordID] = []
      ids.reserveCapacity(count)
      for _ in 0..<count { ids.append(source.make()) }
      return ids
    }
    connections = make(workspace.connections.count)
    topics = make(workspace.topics.count)
    identitySpaces = make(workspace.identitySpaces.count)
    properties = make(workspace.properties.count)
    // A child is only ever looked up among its parent's children, so its identity needs
    // to be unique there alone: children read from the file are numbered -1, -2, … in
    // each parent (new ones take positive serials), and parents with as many children
    // share one array, so 100,000 topics cost no allocation each.
    var shapes: [[RecordID]] = [[]]
    func children(_ count: Int) -> [RecordID] {
      while shapes.count <= count {
        shapes.append(shapes[shapes.count - 1] + [RecordID(serial: -shapes.count)])
      }
      return shapes[count]
    }
    channels = workspace.topics.map { children($0.channels.count) }
    captures = workspace.properties.map { children($0.identities.count) }
  }

  init() {}

  /// Identities for `workspace` as read again from the file: a record keeps the identity of
  /// the record of `old` with the same code and the same rank among records of that code
  /// (a channel by its channel, a capture by its identity space, within the same parent);
  /// any other record gets a new one.
  init(
    matching workspace: Workspace, against old: Workspace, _ ids: RecordIDs, _ source: inout Source
  ) {
    connections = Self.match(
      workspace.connections.map(\.code), old.connections.map(\.code), ids.connections, &source)
    topics = Self.match(workspace.topics.map(\.code), old.topics.map(\.code), ids.topics, &source)
    identitySpaces = Self.match(
      workspace.identitySpaces.map(\.code), old.identitySpaces.map(\.code), ids.identitySpaces,
      &source)
    properties = Self.match(
      workspace.properties.map(\.code), old.properties.map(\.code), ids.properties, &source)
    let oldTopics = Dictionary(zip(ids.topics, old.topics.indices), uniquingKeysWith: { a, _ in a })
    channels = zip(workspace.topics, topics).map { topic, id in
      let before = oldTopics[id]
      return Self.match(
        topic.channels.map(\.channel), before.map { old.topics[$0].channels.map(\.channel) } ?? [],
        before.map { ids.channels[$0] } ?? [], &source)
    }
    let oldProperties = Dictionary(
      zip(ids.properties, old.properties.indices), uniquingKeysWith: { a, _ in a })
    captures = zip(workspace.properties, properties).map { property, id in
      let before = oldProperties[id]
      return Self.match(
        property.identities.map(\.identitySpace),
        before.map { old.properties[$0].identities.map(\.identitySpace) } ?? [],
        before.map { ids.captures[$0] } ?? [], &source)
    }
  }

  /// The identity of each of `keys`: the one of the n-th equal key of `oldKeys`, else new.
  private static func match(
    _ keys: [String], _ oldKeys: [String], _ oldIDs: [RecordID], _ source: inout Source
  ) -> [RecordID] {
    if keys == oldKeys { return oldIDs }
    var available: [String: [RecordID]] = [:]
    for (key, id) in zip(oldKeys, oldIDs).reversed() { available[key, default: []].append(id) }
    return keys.map { key in available[key]?.popLast() ?? source.make() }
  }

  /// True when there is one identity per record of `workspace`.
  func fits(_ workspace: Workspace) -> Bool {
    connections.count == workspace.connections.count && topics.count == workspace.topics.count
      && channels.map(\.count) == workspace.topics.map(\.channels.count)
      && identitySpaces.count == workspace.identitySpaces.count
      && properties.count == workspace.properties.count
      && captures.map(\.count) == workspace.properties.map(\.identities.count)
  }

  /// Where `ref` is now, or nil when the record is gone.
  func position(_ ref: RecordRef) -> RecordPosition? {
    switch ref {
    case .connection(let id): return connections.firstIndex(of: id).map { .connection($0) }
    case .topic(let id): return topics.firstIndex(of: id).map { .topic($0) }
    case .identitySpace(let id): return identitySpaces.firstIndex(of: id).map { .identitySpace($0) }
    case .property(let id): return properties.firstIndex(of: id).map { .property($0) }
    case .channel(let parent, let id):
      guard let topic = topics.firstIndex(of: parent),
        let index = channels[topic].firstIndex(of: id)
      else { return nil }
      return .channel(topic: topic, index: index)
    case .capture(let parent, let id):
      guard let property = properties.firstIndex(of: parent),
        let index = captures[property].firstIndex(of: id)
      else { return nil }
      return .capture(property: property, index: index)
    }
  }

  /// The identities of a section's records, in list order; none for History.
  func of(_ section: Section) -> [RecordID] {
    switch section {
    case .connections: return connections
    case .topics: return topics
    case .identitySpaces: return identitySpaces
    case .properties: return properties
    case .history: return []
    }
  }
}
