import Foundation
import MizzenCore
import MizzenRuntime
import Testing

@testable import MizzenConsole

/// What is derived from the workspace follows its version: whichever way the workspace
/// changes, the problems, their markers, the search keys, the validation index and the
/// test-send planner are those of the workspace as it is.
@Suite struct WorkspaceVersionTests {
  /// The console on `workspace`, validated off the key loop whatever its size when
  /// `inline` is 0.
  static func state(_ workspace: Workspace = Fixtures.workspace, inline: Int = 2_000) throws
    -> (WorkspaceStore, ConsoleState)
  {
    let (store, loaded) = try Fixtures.loaded(workspace)
    let state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(workspacePath: store.path, inlineValidationLimit: inline),
      size: Size(width: 120, height: 30))
    return (store, state)
  }

  /// The row of the frame that shows `text`.
  static func row(_ state: ConsoleState, _ text: String) -> String? {
    let frame = ConsoleModel.render(state, state.size)
    return (0..<frame.height).map { frame.text(ofRow: $0) }.first { $0.contains(text) }
  }

  /// Filters the current list with `text` and says how many rows it shows.
  static func filtered(_ state: ConsoleState, _ text: String) -> Int {
    var state = state
    press(&state, .character("/"))
    type(&state, text)
    return state.currentList.visible.count
  }

  @Test func everyWayTheWorkspaceChangesBumpsItsVersion() throws {
    var (store, state) = try Self.state()
    var last = state.workspaceVersion
    func expectBumped(_ how: String) {
      #expect(state.workspaceVersion > last, "\(how) did not bump the version")
      last = state.workspaceVersion
    }
    _ = SaveAndReloadTests.run(press(&state, .character("d"), .tab, .enter), &state, store)
    expectBumped("a delete")
    _ = SaveAndReloadTests.run(press(&state, .character("z")), &state, store)
    expectBumped("undo")
    _ = SaveAndReloadTests.run(press(&state, .character("Z")), &state, store)
    expectBumped("redo")
    _ = SaveAndReloadTests.run(press(&state, .character("r")), &state, store)
    expectBumped("a reload")
    _ = SaveAndReloadTests.run(press(&state, .character("2"), .character("e")), &state, store)
    type(&state, " II")
    _ = SaveAndReloadTests.run(press(&state, .control("s")), &state, store)
    expectBumped("a form's save")
  }

  /// Problems and the markers of the lists, through a delete, undo and redo.
  @Test func undoAndRedoBringTheProblemsAndTheirMarkersAlong() throws {
    var (_, state) = try Self.state()
    _ = ConsoleModel.update(&state, .tick)
    press(&state, .character("2"))
    #expect(Self.row(state, "weekly_newsletter")?.contains("⚠") == false)
    // Deleting braze_us takes the newsletter's only channel with it: a warning on it.
    press(&state, .character("1"), .character("d"), .tab, .enter, .character("2"))
    #expect(state.problemsChecked)
    #expect(state.problems.contains { $0.path.description.hasPrefix("topics[weekly_newsletter]") })
    #expect(Self.row(state, "weekly_newsletter")?.contains("⚠") == true)
    // Undo and redo go to the connection they are about: back to Topics each time.
    press(&state, .character("z"), .character("2"))
    #expect(state.problemsChecked)
    #expect(state.problemCounts == (errors: 0, warnings: 1))
    #expect(Self.row(state, "weekly_newsletter")?.contains("⚠") == false)
    press(&state, .character("Z"), .character("2"))
    #expect(state.problemCounts == (errors: 0, warnings: 2))
    #expect(Self.row(state, "weekly_newsletter")?.contains("⚠") == true)
  }

  /// Search keys of the list on screen and of the others, and the problems list, after
  /// the file is read again with other content.
  @Test func aReloadRemakesTheSearchKeysOfEveryList() throws {
    var (_, state) = try Self.state()
    press(&state, .character("2"))
    #expect(Self.filtered(state, "quarterly") == 0)
    var changed = Fixtures.workspace
    changed.topics[0].name = "Quarterly digest"
    changed.connections[0].name = "Braze Virginia"
    changed.topics[1].channels = []
    let (_, loaded) = try Fixtures.loaded(changed)
    press(&state, .character("p"))
    let before = state.problems.count
    _ = ConsoleModel.update(&state, .effectCompleted(.reloaded(loaded)))
    #expect(Self.filtered(state, "quarterly") == 1)
    press(&state, .character("1"))
    #expect(Self.filtered(state, "virginia") == 1)
    press(&state, .character("p"))
    #expect(state.problems.count == before + 1)
    #expect(ListActions.activeList(state)?.recordCount == state.problems.count)
  }

  /// The index a form validates its draft against, after undo brings a record back: the
  /// validation's own index, or (while the workspace is not validated, `inline` 0) the one
  /// the form made.
  @Test(arguments: [0, 2_000])
  func aFormOpenedAfterUndoChecksAgainstTheRecordsUndoBroughtBack(inline: Int) throws {
    var (_, state) = try Self.state(inline: inline)
    press(&state, .character("2"), .character("G"), .character("d"), .tab, .enter)
    #expect(!state.workspace.topics.contains { $0.code == "sale_jp" })
    #expect(state.problemsChecked == (inline > 0))
    // A form opened now indexes the workspace without sale_jp.
    press(&state, .character("n"))
    #expect(state.validationContext != nil)
    press(&state, .escape, .character("z"))
    #expect(state.workspace.topics.contains { $0.code == "sale_jp" })
    press(&state, .character("n"), .tab)
    type(&state, "sale_jp")
    let problems = state.form?.problems["code"] ?? []
    #expect(problems.contains { $0.rule == "code.duplicate" }, "\(problems)")
  }

  /// The most basic way in, with nothing cleared by hand: the workspace replaced under an
  /// open test-send screen, an open child list and a list filtered on screen. The next event finds every
  /// cache of the old version and makes each again, or leaves it unused.
  @Test func aWorkspaceReplacedByTheLowestPathLeavesNothingStale() throws {
    var (_, state) = try Self.state()
    _ = ConsoleModel.update(&state, .tick)
    press(&state, .character("2"))
    #expect(state.signalPlanner == nil, "no planner while test-send is closed")
    press(&state, .enter)  // the newsletter's channels
    press(&state, .character("t"))
    type(&state, TestSendTests.email)
    #expect(state.signalPlanner?.workspace == state.workspace)
    var changed = state.workspace
    changed.connections[0].endpoint = "https://rest.fra-01.braze.eu"
    changed.topics[0].channels.append(
      TopicChannel(kind: .push, connection: "braze_us", subscriptionGroupId: ""))
    changed.topics[1].name = "Quarterly sale"
    var ids = state.recordIDs
    ids.channels[0].append(state.makeRecordID())
    state.replaceWorkspace(changed, ids: ids)
    _ = ConsoleModel.update(&state, .tick)
    #expect(state.signalPlanner?.workspace == changed)
    let plan = try #require(TestSendTests.screen(state)).plan(in: state)
    #expect(
      (try? plan.get())?.requests.first?.url.hasPrefix("https://rest.fra-01.braze.eu") == true)
    #expect(state.problemsChecked)
    #expect(state.problems == WorkspaceValidator.problems(in: changed, readFrom: state.revision))
    press(&state, .escape)
    #expect(state.childList?.list.recordCount == 2, "the channel added is listed")
    press(&state, .escape)
    #expect(Self.filtered(state, "quarterly") == 1)
  }

  /// A large workspace is validated by an effect: keys never wait for it, the header says
  /// "checking…" until its result, and a result for a version gone meanwhile is dropped
  /// and followed by a validation of the version of then.
  @Test func aLargeWorkspaceIsValidatedOffTheKeyLoopAndAnOldResultIsDropped() throws {
    var (store, state) = try Self.state(inline: 0)
    let runner = EffectRunner(store: store, environment: RuntimeEnvironment(variables: [:]))
    let first = ConsoleModel.startEffects(&state)
    guard case .validate(let request)? = first.first, first.count == 1 else {
      Issue.record("no validation effect at the start: \(first)")
      return
    }
    #expect(ConsoleModel.startEffects(&state).isEmpty, "one validation at a time")
    #expect(!ConsoleModel.wantsTick(state), "the runner's result wakes the loop, not ticks")
    let key = press(&state, .down, .up)
    #expect(!key.contains { if case .validate = $0 { true } else { false } })
    #expect(!state.problemsChecked)
    #expect(Self.row(state, "checking…") != nil)
    // The workspace changes (a delete) while the validation is out.
    let deleted = press(&state, .character("d"), .tab, .enter)
    #expect(!state.problemsChecked)
    runner.start(.validate(request))
    runner.waitUntilIdle()
    var next: [Effect] = []
    for event in runner.takeResults() { next += ConsoleModel.update(&state, event) }
    #expect(!state.problemsChecked, "the result for the version before the delete is dropped")
    let again = next.compactMap { effect -> ValidationRequest? in
      if case .validate(let request) = effect { return request }
      return nil
    }
    #expect(again.count == 1)
    #expect(again.first?.version == state.workspaceVersion)
    _ = SaveAndReloadTests.run(next + deleted, &state, store)
    #expect(state.problemsChecked)
    #expect(state.problems == WorkspaceValidator.problems(in: state.workspace))
    #expect(state.problemCounts == (errors: 0, warnings: 2))
    #expect(Self.row(state, "2 warnings") != nil)
  }

  /// An edit of one topic is validated incrementally: even where the whole workspace is
  /// validated only by an effect, the count is right at once, and so are the markers.
  @Test func anEditOfOneTopicIsValidatedAtOnceWithoutTheWholeWorkspace() throws {
    var (store, state) = try Self.state(inline: 0)
    _ = SaveAndReloadTests.run(ConsoleModel.startEffects(&state), &state, store)
    #expect(state.problemsChecked)
    press(&state, .character("2"), .character("e"), .tab, .control("u"))
    type(&state, "Bad Code")
    let effects = press(&state, .control("s"))
    #expect(!effects.contains { if case .validate = $0 { true } else { false } })
    #expect(state.problemsChecked)
    #expect(state.problems == WorkspaceValidator.problems(in: state.workspace))
    #expect(state.problemCounts.errors == 1)
    #expect(Self.row(state, "Bad Code")?.contains("✗") == true)
    press(&state, .character("z"))
    #expect(state.problemsChecked)
    #expect(state.problemCounts.errors == 0)
    #expect(Self.row(state, "weekly_newsletter")?.contains("✗") == false)
  }
}
