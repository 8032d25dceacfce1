/// Keeps references whole: a renamed code is renamed wherever it is used, and deleting a
/// record removes what points at it (or moves it to another connection), so no dangling
/// reference is ever written. A code that two records share is ambiguous: references
/// through it are never changed, and the note says so.
public enum References {
  /// What a rename or delete did to the references, for the status row.
  public struct Cascade: Equatable, Sendable {
    /// How many references were changed.
    public var count = 0
    /// The sentence saying so ("braze_us renamed to braze_eu in 9 channels"), or "".
    public var note = ""

    public init(count: Int = 0, note: String = "") {
      self.count = count
      self.note = note
    }
  }

  /// "1 channel", "9 channels".
  public static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// True when another connection of `workspace` has the code of the one at `index`.
  public static func connectionCodeShared(_ index: Int, in workspace: Workspace) -> Bool {
    let code = workspace.connections[index].code
    return workspace.connections.count { $0.code == code } > 1
  }

  /// True when another identity space of `workspace` has the code of the one at `index`.
  public static func spaceCodeShared(_ index: Int, in workspace: Workspace) -> Bool {
    let code = workspace.identitySpaces[index].code
    return workspace.identitySpaces.count { $0.code == code } > 1
  }

  /// The connections that can take over the channels of the one at `index`: each code held
  /// by exactly one connection, other than its own.
  public static func moveTargets(for index: Int, in workspace: Workspace) -> [String] {
    let own = workspace.connections[index].code
    let codes = workspace.connections.map(\.code)
    return codes.filter { code in code != own && codes.count { $0 == code } == 1 }
  }

  /// After the connection at `index` of `before` got the code `new` in `workspace`: its
  /// code renamed in every topic channel, unless the old or the new code is shared.
  public static func renameConnection(
    _ index: Int, to new: String, before: Workspace, in workspace: inout Workspace
  ) -> Cascade {
    let old = before.connections[index].code
    guard old != new, !old.isEmpty else { return Cascade() }
    let users = workspace.topics.reduce(0) { $0 + $1.channels.count { $0.connection == old } }
    guard users > 0 else { return Cascade() }
    if connectionCodeShared(index, in: before) {
      return Cascade(
        note: "\(counted(users, "channel")) naming \(old) not renamed: "
          + "another connection has that code too")
    }
    if workspace.connections.count(where: { $0.code == new }) > 1 {
      return Cascade(
        note: "\(counted(users, "channel")) naming \(old) not renamed: "
          + "another connection already has the code \(new)")
    }
    for topic in workspace.topics.indices {
      for channel in workspace.topics[topic].channels.indices
      where workspace.topics[topic].channels[channel].connection == old {
        workspace.topics[topic].channels[channel].connection = new
      }
    }
    return Cascade(count: users, note: "\(old) renamed to \(new) in \(counted(users, "channel"))")
  }

  /// After the identity space at `index` of `before` got the code `new` in `workspace`: its
  /// code renamed in every mapping and capture, unless the old or the new code is shared.
  public static func renameSpace(
    _ index: Int, to new: String, before: Workspace, in workspace: inout Workspace
  ) -> Cascade {
    let old = before.identitySpaces[index].code
    guard old != new, !old.isEmpty else { return Cascade() }
    let mappings = workspace.connections.reduce(0) {
      $0 + $1.identityMapping.count { $0.identitySpace == old }
    }
    let captures = workspace.properties.reduce(0) {
      $0 + $1.identities.count { $0.identitySpace == old }
    }
    guard mappings + captures > 0 else { return Cascade() }
    var parts: [String] = []
    if mappings > 0 { parts.append(counted(mappings, "identity mapping")) }
    if captures > 0 { parts.append(counted(captures, "capture")) }
    let what = parts.joined(separator: " and ")
    if spaceCodeShared(index, in: before) {
      return Cascade(
        note: "\(what) naming \(old) not renamed: another identity space has that code too")
    }
    if workspace.identitySpaces.count(where: { $0.code == new }) > 1 {
      return Cascade(
        note: "\(what) naming \(old) not renamed: "
          + "another identity space already has the code \(new)")
    }
    for connection in workspace.connections.indices {
      for row in workspace.connections[connection].identityMapping.indices
      where workspace.connections[connection].identityMapping[row].identitySpace == old {
        workspace.connections[connection].identityMapping[row].identitySpace = new
      }
    }
    for property in workspace.properties.indices {
      for capture in workspace.properties[property].identities.indices
      where workspace.properties[property].identities[capture].identitySpace == old {
        workspace.properties[property].identities[capture].identitySpace = new
      }
    }
    return Cascade(count: mappings + captures, note: "\(old) renamed to \(new) in \(what)")
  }

  /// Where the record at `position` is referenced, one line each ("topic news, channel
  /// email"); none when its code is shared, since those references stay as they are.
  public static func users(of position: RecordPosition, in workspace: Workspace) -> [String] {
    switch position {
    case .connection(let index):
      guard !connectionCodeShared(index, in: workspace) else { return [] }
      let code = workspace.connections[index].code
      return workspace.topics.flatMap { topic in
        topic.channels.filter { $0.connection == code }.map {
          "topic \(topic.code), channel \($0.channel)"
        }
      }
    case .identitySpace(let index):
      guard !spaceCodeShared(index, in: workspace) else { return [] }
      let code = workspace.identitySpaces[index].code
      let mappings = workspace.connections.filter {
        $0.identityMapping.contains { $0.identitySpace == code }
      }.map { "connection \($0.code), identity mapping" }
      let captures = workspace.properties.filter {
        $0.identities.contains { $0.identitySpace == code }
      }.map { "property \($0.code), identity capture" }
      return mappings + captures
    default:
      return []
    }
  }

  /// The workspace (and the lists kept in step with it, `ids`) without the record at `position` and without anything
  /// that referenced it; a deleted connection's channels go to the connection coded
  /// `moveTo` instead when one is given. References through a shared code stay.
  public static func deleting<Parallel: ParallelRecords>(
    _ position: RecordPosition, from workspace: Workspace, _ ids: Parallel,
    moveTo: String? = nil
  ) -> (Workspace, Parallel, Cascade) {
    var result = workspace
    var resultIDs = ids
    var cascade = Cascade()
    switch position {
    case .connection(let index):
      let shared = connectionCodeShared(index, in: workspace)
      let code = result.connections.remove(at: index).code
      resultIDs.removeRecord(at: position)
      guard !shared else {
        let users = result.topics.reduce(0) { $0 + $1.channels.count { $0.connection == code } }
        if users > 0 {
          cascade.note =
            "\(counted(users, "channel")) naming \(code) kept: another connection has that code"
        }
        break
      }
      for topic in result.topics.indices {
        let channels = result.topics[topic].channels
        if let moveTo {
          for channel in channels.indices where channels[channel].connection == code {
            result.topics[topic].channels[channel].connection = moveTo
            cascade.count += 1
          }
        } else {
          let keep = channels.indices.filter { channels[$0].connection != code }
          cascade.count += channels.count - keep.count
          result.topics[topic].channels = keep.map { channels[$0] }
          resultIDs.keepChannels(ofTopic: topic, keep)
        }
      }
      if cascade.count > 0 {
        let channels = counted(cascade.count, "channel")
        cascade.note =
          moveTo.map { "its \(channels) moved to \($0)" } ?? "its \(channels) removed with it"
      }
    case .identitySpace(let index):
      let shared = spaceCodeShared(index, in: workspace)
      let code = result.identitySpaces.remove(at: index).code
      resultIDs.removeRecord(at: position)
      guard !shared else {
        cascade.note = "what names \(code) kept: another identity space has that code"
        break
      }
      for connection in result.connections.indices {
        let before = result.connections[connection].identityMapping.count
        result.connections[connection].identityMapping.removeAll { $0.identitySpace == code }
        cascade.count += before - result.connections[connection].identityMapping.count
      }
      for property in result.properties.indices {
        let captures = result.properties[property].identities
        let keep = captures.indices.filter { captures[$0].identitySpace != code }
        cascade.count += captures.count - keep.count
        result.properties[property].identities = keep.map { captures[$0] }
        resultIDs.keepCaptures(ofProperty: property, keep)
      }
      if cascade.count > 0 {
        cascade.note = "\(counted(cascade.count, "reference")) to it removed with it"
      }
    case .topic(let index):
      result.topics.remove(at: index)
      resultIDs.removeRecord(at: position)
    case .channel(let topic, let index):
      result.topics[topic].channels.remove(at: index)
      resultIDs.removeRecord(at: position)
    case .property(let index):
      result.properties.remove(at: index)
      resultIDs.removeRecord(at: position)
    case .capture(let property, let index):
      result.properties[property].identities.remove(at: index)
      resultIDs.removeRecord(at: position)
    }
    return (result, resultIDs, cascade)
  }

  /// The code or label a message names the record by.
  public static func label(of position: RecordPosition, in workspace: Workspace) -> String {
    switch position {
    case .connection(let index): return workspace.connections[index].code
    case .topic(let index): return workspace.topics[index].code
    case .channel(let topic, let index):
      return workspace.topics[topic].code + " › " + workspace.topics[topic].channels[index].channel
    case .identitySpace(let index): return workspace.identitySpaces[index].code
    case .property(let index): return workspace.properties[index].code
    case .capture(let property, let index):
      return workspace.properties[property].code + " › "
        + workspace.properties[property].identities[index].identitySpace
    }
  }
}

/// Where a record sits in the workspace right now: looked up (in the console, from a
/// `RecordRef`) for one step of work and never kept.
public enum RecordPosition: Equatable, Sendable {
  case connection(Int)
  case topic(Int)
  case channel(topic: Int, index: Int)
  case identitySpace(Int)
  case property(Int)
  case capture(property: Int, index: Int)
}

/// Lists kept in step with the workspace's records (the console's record identities),
/// told of each removal `References.deleting` makes.
public protocol ParallelRecords {
  /// The record at `position` is gone (with a topic's channels, a property's captures).
  mutating func removeRecord(at position: RecordPosition)
  /// Only the channels of the topic at `topic` at the positions `kept` remain, in order.
  mutating func keepChannels(ofTopic topic: Int, _ kept: [Int])
  /// Only the captures of the property at `property` at the positions `kept` remain.
  mutating func keepCaptures(ofProperty property: Int, _ kept: [Int])
}
