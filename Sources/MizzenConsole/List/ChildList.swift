import MizzenCore

/// The records nested in one record, shown in the generic list: a topic's channels or a
/// property's identity captures.
public struct ChildList: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case channels
    case captures
  }

  public var kind: Kind
  /// Index of the topic or property the children belong to.
  public var parent: Int
  public var list: ListState

  init(kind: Kind, parent: Int, workspace: Workspace) {
    self.kind = kind
    self.parent = parent
    self.list = ListState()
    reload(workspace)
  }

  /// The `ProblemPath.childList` name of these children.
  var problemList: String { kind == .channels ? "channels" : "identities" }

  /// The child at `index` as a record reference.
  func ref(_ index: Int) -> RecordRef {
    kind == .channels
      ? .channel(topic: parent, index: index) : .capture(property: parent, index: index)
  }

  /// True while the parent record still exists.
  func parentExists(in workspace: Workspace) -> Bool {
    kind == .channels
      ? workspace.topics.indices.contains(parent) : workspace.properties.indices.contains(parent)
  }

  /// The parent's code, for titles and the breadcrumb.
  func parentCode(in workspace: Workspace) -> String {
    guard parentExists(in: workspace) else { return "?" }
    return kind == .channels ? workspace.topics[parent].code : workspace.properties[parent].code
  }

  mutating func reload(_ workspace: Workspace) {
    list.reload(searchKeys: ChildList.searchKeys(kind, parent, workspace))
  }

  static func searchKeys(_ kind: Kind, _ parent: Int, _ workspace: Workspace) -> [String] {
    switch kind {
    case .channels:
      guard workspace.topics.indices.contains(parent) else { return [] }
      return workspace.topics[parent].channels.map {
        ($0.channel + " " + $0.connection + " " + $0.subscriptionGroupId).lowercased()
      }
    case .captures:
      guard workspace.properties.indices.contains(parent) else { return [] }
      return workspace.properties[parent].identities.map {
        ($0.identitySpace + " " + $0.type + " " + $0.variable + " " + $0.key).lowercased()
      }
    }
  }

  /// Columns and cells of the children, with each child's problems.
  func source(_ workspace: Workspace, _ marks: ProblemMarks) -> ListSource {
    let collection: ProblemPath.Collection = kind == .channels ? .topics : .properties
    let note = { (index: Int) in marks.childNote(collection, self.parent, self.problemList, index) }
    switch kind {
    case .channels:
      let channels = parentExists(in: workspace) ? workspace.topics[parent].channels : []
      return ListSource(
        columns: [
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
          return [label, channel.connection, group, note(index)]
        },
        emptyMessage: "No channels yet. Press n to add one.")
    case .captures:
      let captures = parentExists(in: workspace) ? workspace.properties[parent].identities : []
      return ListSource(
        columns: [
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
          return [
            capture.identitySpace, capture.type, capture.variable, capture.format, capture.key,
            capture.encoding, note(index),
          ]
        },
        emptyMessage: "No identity captures yet. Press n to add one.")
    }
  }
}
