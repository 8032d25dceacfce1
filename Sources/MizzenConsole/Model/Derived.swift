import MizzenCore

/// A value derived from the workspace, with the workspace version it was made for.
struct Versioned<Value: Sendable>: Sendable {
  var version: Int
  var value: Value
}

/// The problems of the workspace as last validated, indexed for the lists' markers, and
/// the validation they came from (for validating an edit of one topic incrementally).
struct CheckedProblems: Sendable {
  /// The workspace version they are of; nil before the first validation.
  var version: Int?
  var problems: [Problem] = []
  var marks = ProblemMarks()
  var validated: ValidatedWorkspace?
  /// The workspace version `validated` was last found not to follow incrementally, so
  /// that it is compared once per version, not on every event.
  var unfollowable: Int?
}

/// A whole validation run away from the key loop (`Effect.validate`), for one version of
/// the workspace.
public struct ValidationRequest: Sendable, Equatable {
  let workspace: Workspace
  let revision: FileRevision?
  let version: Int

  /// Workspaces of up to this many records keep the index of their validation, so that an
  /// edit of one topic is validated again incrementally. The index's memory grows with the
  /// workspace and is held for as long as the console runs (at 100,000 topics it raised
  /// the peak by some 5 MB): a larger workspace does without, and its edits are validated
  /// whole, by the effect.
  static let incrementalLimit = 25_000

  /// Does the work, on whatever thread the runner chooses.
  public func run() -> ValidationResult {
    let validated = ValidatedWorkspace(workspace, readFrom: revision)
    return ValidationResult(
      version: version,
      checked: CheckedProblems(
        version: version, problems: validated.problems, marks: ProblemMarks(validated.problems),
        validated: workspace.recordCount <= Self.incrementalLimit ? validated : nil))
  }

  public static func == (left: ValidationRequest, right: ValidationRequest) -> Bool {
    left.version == right.version && left.revision == right.revision
      && left.workspace == right.workspace
  }
}

/// What a `ValidationRequest` found, for the version it names.
public struct ValidationResult: Sendable {
  /// The workspace version validated: a result for another version is dropped.
  public let version: Int
  let checked: CheckedProblems
}

extension ConsoleState {
  /// Every problem of the workspace as last validated (of an older version while the
  /// header says "checking…").
  public var problems: [Problem] { checked.problems }

  /// True when `problems` are those of the workspace as it is.
  public var problemsChecked: Bool { checked.version == workspaceVersion }

  /// The problems indexed by record, for the markers in the lists; none while the
  /// problems are of another version, whose positions may no longer be these records'.
  var problemMarks: ProblemMarks { problemsChecked ? checked.marks : ProblemMarks() }

  /// The index for validating one record, when one was made for this version.
  var validationContext: ValidationContext? {
    if let context = contextCache, context.version == workspaceVersion { return context.value }
    if problemsChecked, let validated = checked.validated { return validated.context }
    return nil
  }

  /// The planner for the test-send preview, when one was made for this version.
  var signalPlanner: SignalPlanner? {
    guard let planner = plannerCache, planner.version == workspaceVersion else { return nil }
    return planner.value
  }

  /// The index for validating one record, made now if none is of this version.
  mutating func makeValidationContext() {
    guard validationContext == nil else { return }
    contextCache = Versioned(version: workspaceVersion, value: ValidationContext(workspace))
  }

  /// Brings what is derived from the workspace to its version: the problems (from the
  /// last validation when one topic changed since, else validated again here when the
  /// workspace is small), the search keys of the list on screen, of the problems list and
  /// of open child lists, and the test-send planner. Each says which version it was made
  /// for, so this only compares numbers when nothing changed. Called at the start and end
  /// of every update and after every change of the workspace.
  mutating func refreshDerived() {
    if !problemsChecked { followEdit() }
    refreshCurrentList()
    for position in screens.indices {
      switch screens[position] {
      case .problems(var list) where list.madeFor != checked.version:
        list.reload(
          searchKeys: problems.map { SearchKey.folded($0.path.description + " " + $0.message) },
          version: checked.version)
        screens[position] = .problems(list)
      case .children(var children) where children.list.madeFor != workspaceVersion:
        children.reload(workspace, recordIDs, version: workspaceVersion)
        screens[position] = .children(children)
      default:
        break
      }
    }
    let sending = screens.contains { if case .testSend = $0 { true } else { false } }
    if !sending {
      plannerCache = nil
    } else if signalPlanner == nil {
      plannerCache = Versioned(
        version: workspaceVersion, value: SignalPlanner(workspace: workspace))
    }
    if let context = contextCache, context.version != workspaceVersion { contextCache = nil }
  }

  /// The problems of this version without a whole validation when the last one allows
  /// (one topic changed since: `ValidatedWorkspace.revalidated`), or with one here when
  /// the workspace is small. A large one waits for `validationEffects`.
  private mutating func followEdit() {
    if checked.unfollowable != workspaceVersion, let validated = checked.validated,
      let (next, change) = validated.revalidated(workspace, readFrom: revision)
    {
      if let change {
        checked.problems = next.problems
        checked.marks.replace(.topics, change.topic, removed: change.removed, added: change.added)
      }
      checked.validated = next
      checked.version = workspaceVersion
      return
    }
    checked.unfollowable = workspaceVersion
    guard workspace.recordCount <= options.inlineValidationLimit else { return }
    checked =
      ValidationRequest(workspace: workspace, revision: revision, version: workspaceVersion)
      .run().checked
  }

  /// The whole validation this version still needs, as an effect, when none is out: one
  /// at a time, so that a result for an older version (dropped) is followed by one for
  /// the version of then.
  mutating func validationEffects() -> [Effect] {
    guard !problemsChecked, validationOut == nil else { return [] }
    validationOut = workspaceVersion
    return [
      .validate(
        ValidationRequest(workspace: workspace, revision: revision, version: workspaceVersion))
    ]
  }

  /// A validation came back: kept when it is of this version.
  mutating func validated(_ result: ValidationResult) {
    validationOut = nil
    guard result.version == workspaceVersion else { return }
    checked = result.checked
    refreshDerived()
  }

  /// Makes the current section's search keys if the workspace changed since.
  mutating func refreshCurrentList() {
    // History lists the journal, which no workspace change touches: its keys are made when
    // it is read (JournalRead).
    guard section != .history, currentList.madeFor != workspaceVersion else { return }
    currentList.reload(
      keys: SectionLists.searchKeys(section, workspace), ids: recordIDs.of(section),
      version: workspaceVersion)
  }
}

extension Workspace {
  /// Records of every kind, as a measure of what validating costs.
  var recordCount: Int {
    connections.count + identitySpaces.count + properties.count + topics.count
  }
}
