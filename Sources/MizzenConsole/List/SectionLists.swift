import MizzenCore

/// The list of each section: columns, cells and search text, as pure functions of the
/// workspace. One generic list screen shows them all.
enum SectionLists {
  /// Nil for History, whose records are the journal, not the workspace: `HistoryList`.
  static func source(_ section: Section, _ workspace: Workspace, _ marks: ProblemMarks = .init())
    -> ListSource?
  {
    switch section {
    case .connections: return connections(workspace, marks)
    case .topics: return topics(workspace, marks)
    case .identitySpaces: return identitySpaces(workspace, marks)
    case .properties: return properties(workspace, marks)
    case .history: return nil
    }
  }

  /// The narrow first column that marks a record with problems: every list has it, so
  /// every list starts at the same column.
  static let markColumn = ListColumn(title: "", minWidth: 1, maxWidth: 1, weight: 0)

  /// A topic's channels as compact badges, e.g. `[email] [sms]`.
  static func badges(_ channels: [TopicChannel]) -> String {
    channels.map { "[" + $0.channel + "]" }.joined(separator: " ")
  }

  /// Folded text the filter searches (`SearchKey`), one per record; History's come from
  /// the journal (`HistoryList.searchKeys`). Besides codes and names: a topic's channels,
  /// their connections and group ids; a connection's endpoint and instance.
  static func searchKeys(_ section: Section, _ workspace: Workspace) -> SearchKeyList {
    switch section {
    case .connections:
      return keys(workspace.connections) { connection, add in
        add(connection.code)
        add(connection.name)
        add(connection.endpoint)
        add(EndpointCatalog.label(for: connection.endpoint))
      }
    case .topics:
      return keys(workspace.topics) { topic, add in
        add(topic.code)
        add(topic.name)
        add(topic.legalBasis)
        for channel in topic.channels {
          add(channel.channel)
          add(channel.connection)
          add(channel.subscriptionGroupId)
        }
      }
    case .identitySpaces:
      return keys(workspace.identitySpaces) { space, add in
        add(space.code)
        add(space.name)
        add(space.valueType)
      }
    case .properties:
      return keys(workspace.properties) { property, add in
        add(property.code)
        add(property.name)
        add(property.platform)
      }
    case .history:
      return SearchKeyList()
    }
  }

  /// One key per record: its parts, each given to `add`, folded and joined by spaces.
  private static func keys<Record>(
    _ records: [Record], _ parts: (Record, (String) -> Void) -> Void
  ) -> SearchKeyList {
    var list = SearchKeyList()
    var key = SearchKey()
    for record in records {
      key.removeAll()
      var first = true
      parts(record) { part in
        if !first { key.add(" ") }
        first = false
        key.add(part)
      }
      if list.count == 0 {
        list.reserveCapacity(keys: records.count, bytes: key.bytes.count * records.count * 5 / 4)
      }
      list.append(key)
    }
    return list
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

  private static func connections(_ workspace: Workspace, _ marks: ProblemMarks) -> ListSource {
    let records = workspace.connections
    return ListSource(
      columns: [
        markColumn,
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
          marks.marker(.connections, index), connection.code, connection.name,
          EndpointCatalog.label(for: connection.endpoint),
          mappingText(connection.identityMapping), keyText(connection.apiKey),
        ]
      },
      emptyMessage: "No connections yet. Press n to add one.")
  }

  private static func topics(_ workspace: Workspace, _ marks: ProblemMarks) -> ListSource {
    let records = workspace.topics
    return ListSource(
      columns: [
        markColumn,
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Channels", minWidth: 10, maxWidth: 40, weight: 2),
        ListColumn(title: "Legal basis", minWidth: 8, maxWidth: 30, weight: 1),
      ],
      count: records.count,
      cells: { index in
        let topic = records[index]
        return [
          marks.marker(.topics, index), topic.code, topic.name, badges(topic.channels),
          topic.legalBasis,
        ]
      },
      emptyMessage: "No topics yet. Press n to add one.")
  }

  private static func identitySpaces(_ workspace: Workspace, _ marks: ProblemMarks) -> ListSource {
    let records = workspace.identitySpaces
    return ListSource(
      columns: [
        markColumn,
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Value type", minWidth: 6, maxWidth: 12, weight: 1),
        ListColumn(title: "Marketing preference", minWidth: 6, maxWidth: 22, weight: 1),
      ],
      count: records.count,
      cells: { index in
        let space = records[index]
        return [
          marks.marker(.identitySpaces, index), space.code, space.name, space.valueType,
          space.marketingPreference ? "yes" : "",
        ]
      },
      emptyMessage: "No identity spaces yet. Press n to add one.")
  }

  private static func properties(_ workspace: Workspace, _ marks: ProblemMarks) -> ListSource {
    let records = workspace.properties
    return ListSource(
      columns: [
        markColumn,
        ListColumn(title: "Code", minWidth: 8, maxWidth: 30, weight: 2),
        ListColumn(title: "Name", minWidth: 10, maxWidth: 50, weight: 3),
        ListColumn(title: "Platform", minWidth: 6, maxWidth: 12, weight: 1),
        ListColumn(title: "Captures", minWidth: 8, maxWidth: 60, weight: 3),
      ],
      count: records.count,
      cells: { index in
        let property = records[index]
        let captures = property.identities.map { $0.identitySpace + " (" + $0.type + ")" }
        return [
          marks.marker(.properties, index), property.code, property.name, property.platform,
          captures.joined(separator: ", "),
        ]
      },
      emptyMessage: "No properties yet. Press n to add one.")
  }
}
