import MizzenCore

/// Keeps references whole: a renamed code is renamed wherever it is used, and deleting a
/// record removes what points at it, so no dangling reference is ever written.
enum References {
  /// Renames connection `old` to `new` in every topic channel.
  static func renameConnection(_ old: String, to new: String, in workspace: inout Workspace)
    -> Int
  {
    guard old != new, !old.isEmpty else { return 0 }
    var count = 0
    for topic in workspace.topics.indices {
      for channel in workspace.topics[topic].channels.indices
      where workspace.topics[topic].channels[channel].connection == old {
        workspace.topics[topic].channels[channel].connection = new
        count += 1
      }
    }
    return count
  }

  /// Renames identity space `old` to `new` in every mapping and capture.
  static func renameSpace(_ old: String, to new: String, in workspace: inout Workspace) -> Int {
    guard old != new, !old.isEmpty else { return 0 }
    var count = 0
    for connection in workspace.connections.indices {
      for row in workspace.connections[connection].identityMapping.indices
      where workspace.connections[connection].identityMapping[row].identitySpace == old {
        workspace.connections[connection].identityMapping[row].identitySpace = new
        count += 1
      }
    }
    for property in workspace.properties.indices {
      for capture in workspace.properties[property].identities.indices
      where workspace.properties[property].identities[capture].identitySpace == old {
        workspace.properties[property].identities[capture].identitySpace = new
        count += 1
      }
    }
    return count
  }

  /// Where `ref` is referenced, one line each ("topic news, channel email").
  static func users(of ref: RecordRef, in workspace: Workspace) -> [String] {
    switch ref {
    case .connection(let index):
      let code = workspace.connections[index].code
      return workspace.topics.flatMap { topic in
        topic.channels.filter { $0.connection == code }.map {
          "topic \(topic.code), channel \($0.channel)"
        }
      }
    case .identitySpace(let index):
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

  /// The workspace without `ref` and without anything that referenced it.
  static func deleting(_ ref: RecordRef, from workspace: Workspace) -> Workspace {
    var result = workspace
    switch ref {
    case .connection(let index):
      let code = result.connections.remove(at: index).code
      for topic in result.topics.indices {
        result.topics[topic].channels.removeAll { $0.connection == code }
      }
    case .identitySpace(let index):
      let code = result.identitySpaces.remove(at: index).code
      for connection in result.connections.indices {
        result.connections[connection].identityMapping.removeAll { $0.identitySpace == code }
      }
      for property in result.properties.indices {
        result.properties[property].identities.removeAll { $0.identitySpace == code }
      }
    case .topic(let index):
      result.topics.remove(at: index)
    case .channel(let topic, let index):
      result.topics[topic].channels.remove(at: index)
    case .property(let index):
      result.properties.remove(at: index)
    case .capture(let property, let index):
      result.properties[property].identities.remove(at: index)
    }
    return result
  }

  /// The code or label a message names the record by.
  static func label(of ref: RecordRef, in workspace: Workspace) -> String {
    switch ref {
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
