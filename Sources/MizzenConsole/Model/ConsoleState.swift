import MizzenCore

/// Everything the console shows, as one value. Only `ConsoleModel.update` changes it;
/// `ConsoleModel.render` draws it.
public struct ConsoleState: Sendable {
  /// One committed change of the workspace, for undo and redo.
  public struct Change: Equatable, Sendable {
    /// The workspace before the change (undo) or after it (redo).
    public var workspace: Workspace
    /// The identities of that workspace's records.
    var ids: RecordIDs
    /// What the change was, e.g. "delete connection braze_us".
    public var label: String
    /// The record it was about, which undo and redo go to.
    var record: RecordRef?
  }

  /// A workspace with the identities of its records.
  struct Version: Equatable, Sendable {
    var workspace: Workspace
    var ids: RecordIDs
  }

  /// The workspace as held, with its version.
  private struct Held: Sendable {
    let workspace: Workspace
    let ids: RecordIDs
    let version: Int
  }

  /// How long a status message stays, in ticks.
  static let flashTicks = 30
  static let errorTicks = 80
  /// Undo keeps this many changes.
  static let undoLimit = 100

  public internal(set) var options: ConsoleOptions
  /// The workspace, the identities of its records and its version. Private, so that
  /// `replaceWorkspace` is the only way to change it, and every change bumps the version.
  private var held: Held
  /// The workspace being edited.
  public var workspace: Workspace { held.workspace }
  /// The identity of every record of `workspace`; screens hold records by these.
  public var recordIDs: RecordIDs { held.ids }
  /// Bumped by every change of the workspace (an edit, undo, redo, reload). Everything
  /// derived from the workspace (problems, indexes, search keys) keeps the version it was
  /// made for, and counts as missing when that is not this one: nothing is cleared by hand.
  public var workspaceVersion: Int { held.version }
  /// Where new identities come from: never reset, so an identity is never reused.
  var idSource = RecordIDs.Source()
  /// The revision of the file the workspace was read from or last saved to; nil when the
  /// file does not exist yet.
  public internal(set) var revision: FileRevision?
  /// Why the file could not be read; while set, nothing can be changed.
  public internal(set) var loadErrorMessage: String?
  /// The problems as last validated, with the workspace version they are of
  /// (`Derived.swift`).
  var checked = CheckedProblems()
  /// The version whose full validation is out as an effect, if one is.
  var validationOut: Int?
  /// The workspace indexed for validating one record, so that a form's draft is checked
  /// on every keystroke in time proportional to the record alone; made by the validation,
  /// or when a form opens, and used only for the version it was made for.
  var contextCache: Versioned<ValidationContext>?
  /// The workspace indexed for planning, so that the test-send preview, re-planned on every
  /// frame, costs the same on 10,000 topics as on ten. Made while test-send is open, for
  /// the version it was made for.
  var plannerCache: Versioned<SignalPlanner>?
  public internal(set) var section: Section
  /// The list of each section, by `Section.rawValue - 1`.
  public internal(set) var lists: [ListState]
  /// Screens pushed over the section's list (a form, the problems list).
  public internal(set) var screens: [Screen] = []
  public internal(set) var overlay: Overlay?
  /// The dialog or chooser that help was opened over, back when help closes.
  var helpReturn: Overlay?
  public internal(set) var prompt: Prompt?
  /// Commands run from the `:` line, oldest first, for ↑ ↓.
  public internal(set) var commandHistory: [String] = []
  /// The message of the moment: it goes on the next key or click (`ConsoleModel.update`).
  public internal(set) var status: StatusMessage? {
    didSet { if let status { StatusMessage.log(status, in: &messageLog) } }
  }
  /// The latest status messages, oldest first, kept whole for `:messages`.
  public internal(set) var messageLog: [StatusMessage] = []
  public internal(set) var undoStack: [Change] = []
  public internal(set) var redoStack: [Change] = []
  public internal(set) var size: Size
  public internal(set) var ticks = 0
  /// A save effect is out and its result has not come back.
  public internal(set) var saveInFlight = false
  /// A change was made while a save was in flight; it is saved when that one returns.
  public internal(set) var saveQueued = false
  /// The workspace holds changes that are not on disk (a save failed or was refused).
  public internal(set) var hasUnsavedChanges = false
  /// Why the changes are not on disk after a save failed or was refused ("the file
  /// changed on disk"); the header shows it until a save lands. Nil while none failed.
  public internal(set) var unsavedReason: String?
  /// The workspace as the file holds it (as read, or as last saved): the console's
  /// pending edits are what `workspace` changed since, and they are re-applied from it
  /// when the file is reloaded with "re-apply my changes".
  var onDisk: Version
  /// The workspace of the save that is out.
  var saving: Version?
  /// Set when a reload was asked for with "re-apply my changes".
  var reapplyOnReload = false
  /// The id of the last send or verify effect, so that each answer finds its request.
  var lastSignalID = 0
  /// The signal journal, newest first, as last read.
  public internal(set) var journal = NewestFirst()
  /// False until the journal has been read once (a large one takes a moment, off the
  /// key loop): until then History says it is reading rather than that nothing was sent.
  public internal(set) var journalRead = false
  /// The newest reconcile runs, newest first, as last read; History lists them among the
  /// sends by time.
  public internal(set) var reconcileRuns: [ReconcileRun] = []
  /// History's rows, newest first: which send or run each shows.
  public internal(set) var history: [HistoryRow] = []

  init(options: ConsoleOptions, workspace: Workspace, size: Size) {
    self.options = options
    let ids = RecordIDs(fresh: workspace, &idSource)
    self.held = Held(workspace: workspace, ids: ids, version: 0)
    self.onDisk = Version(workspace: workspace, ids: ids)
    self.revision = nil
    self.section = .connections
    self.lists = Array(repeating: ListState(), count: Section.allCases.count)
    self.size = size
  }

  /// The list of the current section.
  public var currentList: ListState {
    get { lists[section.rawValue - 1] }
    set { lists[section.rawValue - 1] = newValue }
  }

  /// The form on top of the stack, if the top screen is a form.
  public var form: FormState? {
    if case .form(let form) = screens.last { return form }
    return nil
  }

  /// The number of error and warning problems.
  public var problemCounts: (errors: Int, warnings: Int) {
    let errors = problems.count { $0.severity == .error }
    return (errors, problems.count - errors)
  }

  /// Rows of list content on screen (body minus the column titles), for paging.
  var pageHeight: Int { max(1, size.height - 4) }

  mutating func flash(_ text: String, _ level: StatusMessage.Level) {
    let life =
      level == .error || level == .warning ? ConsoleState.errorTicks : ConsoleState.flashTicks
    status = StatusMessage(text, level: level, expiresAtTick: ticks + life)
  }

  /// Makes `workspace` and `ids` the workspace, as a new version, and brings what is
  /// derived from it up to date. Screens and dialogs whose record is gone are closed; the
  /// sentence returned says so.
  @discardableResult
  mutating func replaceWorkspace(_ workspace: Workspace, ids: RecordIDs) -> String? {
    assert(ids.fits(workspace), "record identities out of step with the workspace")
    held = Held(workspace: workspace, ids: ids, version: held.version &+ 1)
    let closed = closeScreensOfGoneRecords()
    refreshDerived()
    return closed
  }

  /// A record made now, with an identity never used before.
  mutating func makeRecordID() -> RecordID { idSource.make() }
}
