/// A workspace with every problem `WorkspaceValidator.problems(in:readFrom:)` finds in it and
/// the index they were found with, so that an edit of one topic is validated again in time
/// proportional to that topic (`revalidated`) rather than to the workspace.
public struct ValidatedWorkspace: Sendable {
  public let workspace: Workspace
  /// The index of `workspace`, for validating one record (a form's draft) against it.
  public let context: ValidationContext
  /// Every problem of `workspace`, in file order.
  public let problems: [Problem]
  /// The file had keys the format does not define: their warnings sit among the others,
  /// and only a whole validation places them.
  private let unknownKeys: Bool

  /// Validates `workspace`, read from or last saved as `revision`: O(n).
  public init(_ workspace: Workspace, readFrom revision: FileRevision?) {
    let context = ValidationContext(workspace)
    self.init(
      workspace, context,
      WorkspaceValidator.problems(in: workspace, context: context, readFrom: revision),
      unknownKeys: revision?.document != nil)
  }

  private init(
    _ workspace: Workspace, _ context: ValidationContext, _ problems: [Problem],
    unknownKeys: Bool
  ) {
    self.workspace = workspace
    self.context = context
    self.problems = problems
    self.unknownKeys = unknownKeys
  }

  /// One topic validated again: the problems it had, and the ones it has now.
  public struct TopicChange: Sendable {
    /// The topic's position.
    public let topic: Int
    /// Its problems before the change (none for a topic just added).
    public let removed: [Problem]
    /// Its problems now.
    public let added: [Problem]
  }

  /// The validation of `workspace` when it is this one's with one topic edited or one
  /// added at the end and nothing else changed, made from this one: that topic is checked
  /// against an index updated in place, and its problems replace its old ones. The result
  /// equals `ValidatedWorkspace(workspace, …)`'s. Nil when the change is of another shape,
  /// or reaches other records' problems (a code or group id another topic holds, the first
  /// topic of all), or the file had unknown keys (then or at `revision`, the one
  /// `workspace` was read from or last saved as): validate the whole workspace then.
  /// Costs a comparison of the topics (shared storage makes each one cheap) and the edited
  /// topic's checks.
  public func revalidated(_ workspace: Workspace, readFrom revision: FileRevision?)
    -> (ValidatedWorkspace, TopicChange?)?
  {
    let old = self.workspace
    guard !unknownKeys, revision?.document == nil, workspace.format == old.format,
      workspace.version == old.version,
      workspace.name == old.name, workspace.connections == old.connections,
      workspace.identitySpaces == old.identitySpaces, workspace.properties == old.properties,
      let index = Self.changedTopic(old.topics, workspace.topics)
    else { return nil }
    guard let index else {
      return (ValidatedWorkspace(workspace, context, problems, unknownKeys: false), nil)
    }
    // The collection checks of spaces and properties ask whether any topic exists.
    guard !old.topics.isEmpty, let context = context.replacingTopic(at: index, in: workspace)
    else { return nil }
    let added = WorkspaceValidator.problems(
      forTopic: workspace.topics[index], at: index, context: context)
    let range = Self.topicRange(index, in: problems)
    var next = problems
    next.replaceSubrange(range, with: added)
    let change = TopicChange(topic: index, removed: Array(problems[range]), added: added)
    return (ValidatedWorkspace(workspace, context, next, unknownKeys: false), change)
  }

  /// The one topic that differs, `.some(nil)` when none does, nil when more than one does
  /// or the count changed other than by one topic added at the end.
  private static func changedTopic(_ old: [Topic], _ new: [Topic]) -> Int?? {
    if new.count == old.count + 1 {
      return old.indices.allSatisfy { old[$0] == new[$0] } ? .some(old.count) : nil
    }
    guard new.count == old.count else { return nil }
    var changed: Int?
    for index in old.indices where old[index] != new[index] {
      guard changed == nil else { return nil }
      changed = index
    }
    return .some(changed)
  }

  /// Where the problems of the topic at `index` are, or would be: problems are in file
  /// order and topics come last, so two binary searches find them.
  private static func topicRange(_ index: Int, in problems: [Problem]) -> Range<Int> {
    func before(_ problem: Problem, _ record: Int) -> Bool {
      guard problem.path.collection == .topics, let at = problem.path.recordIndex else {
        return true
      }
      return at < record
    }
    func firstNot(_ record: Int) -> Int {
      var (low, high) = (0, problems.count)
      while low < high {
        let middle = (low + high) / 2
        if before(problems[middle], record) { low = middle + 1 } else { high = middle }
      }
      return low
    }
    return firstNot(index)..<firstNot(index + 1)
  }
}
