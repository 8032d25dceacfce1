import MizzenCore

/// The records nested in one record, shown in the generic list: a topic's channels or a
/// property's identity captures.
public struct ChildList: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case channels
    case captures
  }

  public var kind: Kind
  /// The topic or property the children belong to.
  public var parent: RecordID
  /// The parent's code when last seen, for the breadcrumb and for saying what closed.
  public private(set) var parentCode: String = "?"
  public var list: ListState

  init(kind: Kind, parent: RecordID, _ workspace: Workspace, _ ids: RecordIDs) {
    self.kind = kind
    self.parent = parent
    self.list = ListState()
    reload(workspace, ids)
  }

  /// The `ProblemPath.childList` name of these children.
  var problemList: String { kind == .channels ? "channels" : "identities" }

  /// What the list shows, for messages: "the channels of news".
  var title: String {
    "the \(kind == .channels ? "channels" : "identity captures") of \(parentCode)"
  }

  /// The parent's position now, or nil when it is gone.
  func parentIndex(_ ids: RecordIDs) -> Int? {
    (kind == .channels ? ids.topics : ids.properties).firstIndex(of: parent)
  }

  /// The child at `index` (a record position in the list) by identity.
  func ref(_ index: Int, _ ids: RecordIDs) -> RecordRef? {
    guard let at = parentIndex(ids) else { return nil }
    let children = kind == .channels ? ids.channels[at] : ids.captures[at]
    guard children.indices.contains(index) else { return nil }
    return kind == .channels
      ? .channel(topic: parent, id: children[index])
      : .capture(property: parent, id: children[index])
  }

  /// Makes the list again from the workspace of `version`.
  mutating func reload(_ workspace: Workspace, _ ids: RecordIDs, version: Int? = nil) {
    guard let at = parentIndex(ids) else {
      list.reload(searchKeys: [], version: version)
      return
    }
    switch kind {
    case .channels:
      parentCode = workspace.topics[at].code
      list.reload(
        searchKeys: workspace.topics[at].channels.map {
          SearchKey.folded($0.channel + " " + $0.connection + " " + $0.subscriptionGroupId)
        }, ids: ids.channels[at], version: version)
    case .captures:
      parentCode = workspace.properties[at].code
      list.reload(
        searchKeys: workspace.properties[at].identities.map {
          SearchKey.folded($0.identitySpace + " " + $0.type + " " + $0.variable + " " + $0.key)
        }, ids: ids.captures[at], version: version)
    }
  }

  /// Columns and cells of the children, with each child's problems.
  func source(_ workspace: Workspace, _ ids: RecordIDs, _ marks: ProblemMarks) -> ListSource {
    let collection: ProblemPath.Collection = kind == .channels ? .topics : .properties
    let at = parentIndex(ids)
    let note = { (index: Int) in
      at.map { marks.childNote(collection, $0, self.problemList, index) } ?? ""
    }
    switch kind {
    case .channels:
      let channels = at.map { workspace.topics[$0].channels } ?? []
      return ListSource(
        columns: [
          SectionLists.markColumn,
          ListColumn(title: "Channel", minWidth: 8, maxWidth: 12, weight: 1),
          ListColumn(title: "Connection", minWidth: 10, maxWidth: 30, weight: 2),
          ListColumn(title: "Subscription group id", minWidth: 36, maxWidth: 36, weight: 0),
          ListColumn(title: "Problems", minWidth: 8, maxWidth: 80, weight: 3),
        ],
        count: channels.count,
        cells: { index in
          let channel = channels[index]
          let label = channel.kind?.label ?? channel.channel
          let group = channel.subscriptionGroupId.isEmpty ? "—" : channel.subscriptionGroupId
          let problem = note(index)
          return [String(problem.prefix(1)), label, channel.connection, group, problem]
        },
        emptyMessage: "No channels yet. Press n to add one.")
    case .captures:
      let captures = at.map { workspace.properties[$0].identities } ?? []
      return ListSource(
        columns: [
          SectionLists.markColumn,
          ListColumn(title: "Identity space", minWidth: 10, maxWidth: 24, weight: 2),
          ListColumn(title: "Type", minWidth: 6, maxWidth: 14, weight: 1),
          ListColumn(title: "Variable", minWidth: 8, maxWidth: 30, weight: 2),
          ListColumn(title: "Format", minWidth: 6, maxWidth: 9, weight: 0),
          ListColumn(title: "Key", minWidth: 4, maxWidth: 16, weight: 1),
          ListColumn(title: "Encoding", minWidth: 6, maxWidth: 8, weight: 0),
          ListColumn(title: "Problems", minWidth: 8, maxWidth: 60, weight: 2),
        ],
        count: captures.count,
        cells: { index in
          let capture = captures[index]
          let problem = note(index)
          return [
            String(problem.prefix(1)), capture.identitySpace, capture.type, capture.variable,
            capture.format, capture.key,
            capture.encoding, problem,
          ]
        },
        emptyMessage: "No identity captures yet. Press n to add one.")
    }
  }
}
