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
      return keys(workspace.connections) { connection, key in
        key.add(connection.code)
        key.add(connection.name)
        key.add(connection.endpoint)
        key.add(EndpointCatalog.label(for: connection.endpoint))
      }
    case .topics:
      return keys(workspace.topics) { topic, key in
        key.add(topic.code)
        key.add(topic.name)
        key.add(topic.legalBasis)
        for channel in topic.channels {
          key.add(channel.channel)
          key.add(channel.connection)
          // From its bytes: a group id is kept packed, and a `String` would be made.
          channel.withGroupIDBytes { key.add(utf8: $0) }
        }
      }
    case .identitySpaces:
      return keys(workspace.identitySpaces) { space, key in
        key.add(space.code)
        key.add(space.name)
        key.add(space.valueType)
      }
    case .properties:
      return keys(workspace.properties) { property, key in
        key.add(property.code)
        key.add(property.name)
        key.add(property.platform)
      }
    case .history:
      return SearchKeyList()
    }
  }

  /// A record's key being made: its parts, folded and joined by spaces.
  private struct KeyParts {
    var key = SearchKey()
    var first = true

    mutating func add(_ part: String) {
      separate()
      key.add(part)
    }

    mutating func add(utf8 part: UnsafeBufferPointer<UInt8>) {
      separate()
      key.add(utf8: part)
    }

    private mutating func separate() {
      if !first { key.add(" ") }
      first = false
    }
  }

  /// One key per record, of the parts `parts` adds.
  private static func keys<Record>(_ records: [Record], _ parts: (Record, inout KeyParts) -> Void)
    -> SearchKeyList
  {
    var list = SearchKeyList()
    var record = KeyParts()
    for element in records {
      record.key.removeAll()
      record.first = true
      parts(element, &record)
      if list.count == 0 {
        list.reserveCapacity(
          keys: records.count, bytes: record.key.bytes.count * records.count * 5 / 4)
      }
      list.append(record.key)
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
