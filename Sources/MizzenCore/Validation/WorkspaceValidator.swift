/// Checks a workspace against every rule of SPEC §2 and reports what is wrong, where, and
/// what to do about it.
///
/// Two ways in:
/// - `problems(in:)` validates the whole workspace in one O(n) pass (dictionaries built once
///   by `ValidationContext`; no rule compares records pairwise). This is what
///   `mizzen validate`, the header's problem count and the problems list use.
/// - `problems(forTopic:at:context:)` and its siblings validate one record — typically a
///   form's draft — against a `ValidationContext` built once from the saved workspace, in
///   time proportional to that record alone, for inline problems while typing. For a record
///   already in the workspace they return exactly the problems `problems(in:)` reports with
///   that record's collection and index. Collection-wide problems (no marketing preference
///   identity, no property capturing it) belong to no record and come only from
///   `problems(in:)`.
///
/// Order is stable: the workspace's own fields, then connections, identity spaces,
/// properties and topics in file order (collection-wide problems first in their
/// collection); within a record its own fields first, then its nested entries in order.
public enum WorkspaceValidator {
  /// Every rule the validator applies, with its id, severity and summary.
  public static let rules: [ValidationRule] = ValidationRule.catalogue

  /// Every problem of the workspace, in file order.
  public static func problems(in workspace: Workspace) -> [Problem] {
    problems(in: workspace, context: ValidationContext(workspace))
  }

  /// Every problem of the workspace as `problems(in:)` finds them, and a warning for each
  /// key of the file at `revision` that the format does not define (`key.unknown`), after
  /// the other problems of its record. `revision` is the one the workspace was read from or
  /// last saved as; it keeps the file's keys only when it has unknown ones, so this costs
  /// nothing for a usual file. Unknown keys belong to the file, not to a record's draft:
  /// the one-record functions below do not report them.
  public static func problems(in workspace: Workspace, readFrom revision: FileRevision?)
    -> [Problem]
  {
    problems(in: workspace, context: ValidationContext(workspace), readFrom: revision)
  }

  /// `problems(in:readFrom:)` with the context already built for `workspace`.
  static func problems(
    in workspace: Workspace, context: ValidationContext, readFrom revision: FileRevision?
  ) -> [Problem] {
    let found = problems(in: workspace, context: context)
    guard let document = revision?.document else { return found }
    var unknown = ProblemSink()
    UnknownKeyRules.check(document, in: workspace, context: context, into: &unknown)
    return merged(found, unknown.problems)
  }

  /// `extra` placed in `problems` by file order: each after every problem of its record
  /// and of the records before it.
  private static func merged(_ problems: [Problem], _ extra: [Problem]) -> [Problem] {
    guard !extra.isEmpty else { return problems }
    func rank(_ problem: Problem) -> (Int, Int) {
      guard let collection = problem.path.collection,
        let position = ProblemPath.Collection.allCases.firstIndex(of: collection)
      else { return (0, -1) }
      return (position + 1, problem.path.recordIndex ?? -1)
    }
    let sortedExtra = extra.enumerated().sorted { left, right in
      let (a, b) = (rank(left.element), rank(right.element))
      return (a.0, a.1, left.offset) < (b.0, b.1, right.offset)
    }.map(\.element)
    var result: [Problem] = []
    result.reserveCapacity(problems.count + extra.count)
    var next = 0
    for problem in problems {
      while next < sortedExtra.count && rank(sortedExtra[next]) < rank(problem) {
        result.append(sortedExtra[next])
        next += 1
      }
      result.append(problem)
    }
    result.append(contentsOf: sortedExtra[next...])
    return result
  }

  static func problems(in workspace: Workspace, context: ValidationContext) -> [Problem] {
    var sink = ProblemSink()
    checkWorkspaceFields(workspace, into: &sink)
    for index in workspace.connections.indices {
      ConnectionRules.check(workspace.connections[index], at: index, context: context, into: &sink)
    }
    IdentitySpaceRules.checkCollection(workspace, into: &sink)
    for index in workspace.identitySpaces.indices {
      IdentitySpaceRules.check(
        workspace.identitySpaces[index], at: index, context: context, into: &sink)
    }
    PropertyRules.checkCollection(workspace, into: &sink)
    for index in workspace.properties.indices {
      PropertyRules.check(workspace.properties[index], at: index, context: context, into: &sink)
    }
    // Through a buffer pointer: reading `topics[index]` copied each topic (a retain per
    // string) for the call.
    workspace.topics.withUnsafeBufferPointer { topics in
      for index in topics.indices {
        TopicRules.check(topics.baseAddress! + index, at: index, context: context, into: &sink)
      }
    }
    return sink.problems
  }

  // MARK: One record against a prebuilt context

  /// The problems of `connection` if it stood at `index` (use `connections.count` for a new
  /// one) in the workspace `context` was built from.
  public static func problems(
    forConnection connection: Connection, at index: Int, context: ValidationContext
  ) -> [Problem] {
    var sink = ProblemSink()
    ConnectionRules.check(connection, at: index, context: context, into: &sink)
    return sink.problems
  }

  /// The problems of `space` if it stood at `index` (use `identitySpaces.count` for a new one).
  public static func problems(
    forIdentitySpace space: IdentitySpace, at index: Int, context: ValidationContext
  ) -> [Problem] {
    var sink = ProblemSink()
    IdentitySpaceRules.check(space, at: index, context: context, into: &sink)
    return sink.problems
  }

  /// The problems of `property` if it stood at `index` (use `properties.count` for a new one).
  public static func problems(
    forProperty property: Property, at index: Int, context: ValidationContext
  ) -> [Problem] {
    var sink = ProblemSink()
    PropertyRules.check(property, at: index, context: context, into: &sink)
    return sink.problems
  }

  /// The problems of `topic` if it stood at `index` (use `topics.count` for a new one).
  public static func problems(
    forTopic topic: Topic, at index: Int, context: ValidationContext
  ) -> [Problem] {
    var sink = ProblemSink()
    TopicRules.check(topic, at: index, context: context, into: &sink)
    return sink.problems
  }

  /// The problems of the workspace's own fields (`format`, `version`, `name`).
  public static func problems(forWorkspaceFieldsOf workspace: Workspace) -> [Problem] {
    var sink = ProblemSink()
    checkWorkspaceFields(workspace, into: &sink)
    return sink.problems
  }

  // MARK: One record of a workspace (builds the context: O(n))

  public static func problems(forConnectionAt index: Int, in workspace: Workspace) -> [Problem] {
    problems(
      forConnection: workspace.connections[index], at: index, context: ValidationContext(workspace))
  }

  public static func problems(forIdentitySpaceAt index: Int, in workspace: Workspace)
    -> [Problem]
  {
    problems(
      forIdentitySpace: workspace.identitySpaces[index], at: index,
      context: ValidationContext(workspace))
  }

  public static func problems(forPropertyAt index: Int, in workspace: Workspace) -> [Problem] {
    problems(
      forProperty: workspace.properties[index], at: index, context: ValidationContext(workspace))
  }

  public static func problems(forTopicAt index: Int, in workspace: Workspace) -> [Problem] {
    problems(forTopic: workspace.topics[index], at: index, context: ValidationContext(workspace))
  }

  // MARK: Workspace fields

  private static func checkWorkspaceFields(_ workspace: Workspace, into sink: inout ProblemSink) {
    if workspace.format != Workspace.formatName {
      sink.add(
        .workspaceFormat, ProblemPath(field: "format"),
        "The format is \"\(workspace.format)\", not \"\(Workspace.formatName)\": this is not a "
          + "Mizzen workspace, or its first lines were edited; set \"format\": "
          + "\"\(Workspace.formatName)\".")
    }
    if workspace.version > Workspace.currentVersion {
      sink.add(
        .workspaceVersion, ProblemPath(field: "version"),
        "The file is format version \(workspace.version), newer than this mizzen knows "
          + "(\(Workspace.currentVersion)): update mizzen before editing it.")
    } else if workspace.version < 1 {
      sink.add(
        .workspaceVersion, ProblemPath(field: "version"),
        "Version \(workspace.version) is not a format version: set \"version\": "
          + "\(Workspace.currentVersion).")
    }
    NameAndCodeRules.check(
      name: workspace.name, subject: "the workspace", at: ProblemPath(field: "name"), into: &sink)
  }
}
