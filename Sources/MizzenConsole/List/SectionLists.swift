import MizzenCore

/// The list of each section: columns, cells and search text, as pure functions of the
/// workspace. One generic list screen shows them all.
enum SectionLists {
  static func source(_ section: Section, _ workspace: Workspace) -> ListSource? {
    switch section {
    case .connections: return connections(workspace)
    case .topics: return topics(workspace)
    case .identitySpaces: return identitySpaces(workspace)
    case .properties: return properties(workspace)
    case .history: return nil
    }
  }

  /// Lower-cased text the filter searches, one per record.
  static func searchKeys(_ section: Section, _ workspace: Workspace) -> [String] {
    switch section {
    case .connections:
      return workspace.connections.map {
        ($0.code + " " + $0.name + " " + $0.endpoint).lowercased()
      }
    case .topics:
      return workspace.topics.map { topic in
        let groups = topic.channels.map(\.subscriptionGroupId).joined(separator: " ")
        return (topic.code + " " + topic.name + " " + groups).lowercased()
      }
    case .identitySpaces:
      return workspace.identitySpaces.map { ($0.code + " " + $0.name).lowercased() }
    case .properties:
      return workspace.properties.map { ($0.code + " " + $0.name + " " + $0.platform).lowercased() }
    case .history:
      return []
    }
  }

  static func mappingText(_ mapping: [IdentityMapping]) -> String {
    mapping.map { $0.identitySpace + "→" + $0.brazeField }.joined(separator: ", ")
  }

  static func keyText(_ key: APIKeySource) -> String {
    switch key {
    case .environment(let name): return "$" + name
    case .inline(let value): return "inline " + APIKeySource.mask(value)
    }
  }

  private static func connections(_ workspace: Workspace) -> ListSource {
    let records = workspace.connections
    return ListSource(
      columns: [
        ListColumn(title: "Code", minWidth: 8, maxWidth: 24, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 40, weight: 3),
        ListColumn(title: "Instance or URL", minWidth: 8, maxWidth: 36, weight: 2),
        ListColumn(title: "Identity mapping", minWidth: 10, maxWidth: 60, weight: 3),
        ListColumn(title: "API key", minWidth: 12, maxWidth: 28, weight: 1),
      ],
      count: records.count,
      cells: { index in
        let connection = records[index]
        return [
          connection.code, connection.name, EndpointCatalog.label(for: connection.endpoint),
          mappingText(connection.identityMapping), keyText(connection.apiKey),
        ]
      },
      emptyMessage: "No connections yet. Press n to add one.")
  }

  private static func topics(_ workspace: Workspace) -> ListSource {
    let records = workspace.topics
    return ListSource(
      columns: [
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Channels", minWidth: 10, maxWidth: 40, weight: 2),
        ListColumn(title: "Legal basis", minWidth: 8, maxWidth: 30, weight: 1),
      ],
      count: records.count,
      cells: { index in
        let topic = records[index]
        let channels = topic.channels.map { $0.channel + "→" + $0.connection }
        return [topic.code, topic.name, channels.joined(separator: " "), topic.legalBasis]
      },
      emptyMessage: "No topics in this workspace.")
  }

  private static func identitySpaces(_ workspace: Workspace) -> ListSource {
    let records = workspace.identitySpaces
    return ListSource(
      columns: [
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Value type", minWidth: 6, maxWidth: 12, weight: 1),
        ListColumn(title: "Marketing preference", minWidth: 6, maxWidth: 22, weight: 1),
      ],
      count: records.count,
      cells: { index in
        let space = records[index]
        return [space.code, space.name, space.valueType, space.marketingPreference ? "yes" : ""]
      },
      emptyMessage: "No identity spaces in this workspace.")
  }

  private static func properties(_ workspace: Workspace) -> ListSource {
    let records = workspace.properties
    return ListSource(
      columns: [
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Platform", minWidth: 6, maxWidth: 12, weight: 1),
        ListColumn(title: "Captures", minWidth: 8, maxWidth: 60, weight: 3),
      ],
      count: records.count,
      cells: { index in
        let property = records[index]
        let captures = property.identities.map { $0.identitySpace + " (" + $0.type + ")" }
        return [property.code, property.name, property.platform, captures.joined(separator: ", ")]
      },
      emptyMessage: "No properties in this workspace.")
  }
}
