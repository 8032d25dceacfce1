import Foundation
import MizzenConsole
import MizzenCore
import Testing

/// Problems: counted in the header, listed by `:problems`, shown under fields as you type.
@Suite struct ProblemTests {
  @Test func theHeaderCountsProblemsAfterEveryChange() throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 30))
    #expect(!state.problemsChecked)
    #expect(ConsoleModel.render(state, state.size).text(ofRow: 0).contains("checking…"))
    _ = ConsoleModel.update(&state, .tick)
    #expect(ConsoleModel.render(state, state.size).text(ofRow: 0).contains("1 warning"))
    // Deleting braze_us takes the newsletter's only channel with it: a warning, no error.
    trigger(&state, .delete)
    pressButton(&state, "Delete")
    #expect(state.problemCounts == (errors: 0, warnings: 2))
    #expect(ConsoleModel.render(state, state.size).text(ofRow: 0).contains("2 warnings"))
    trigger(&state, .undo)
    #expect(state.problemCounts == (errors: 0, warnings: 1))
  }

  @Test func problemsAppearUnderTheFieldAsYouTypeAndGoWhenFixed() throws {
    var state = try Fixtures.state()
    trigger(&state, .new)
    #expect(state.form?.problems["name"]?.isEmpty == false)
    type(&state, "Braze EU")
    #expect(state.form?.problems["name"] == nil)
    press(&state, .tab, .tab, .tab, .tab)
    #expect(state.form?.problems["apiKey"]?.first?.severity == .error)
    type(&state, "1BAD")
    let invalid = try #require(state.form?.problems["apiKey"]?.first)
    #expect(invalid.message.contains("not a valid environment variable name"))
    press(&state, .control("u"))
    type(&state, "BRAZE_EU_KEY")
    #expect(state.form?.problems["apiKey"] == nil)
    let screen = ConsoleModel.render(state, state.size).text
    #expect(!screen.contains("✗"))
  }

  @Test func aMappingRowShowsItsOwnProblem() throws {
    var state = try Fixtures.state()
    press(&state, .enter)
    for _ in 0..<5 { press(&state, .tab) }
    #expect(state.form?.focusedField.id == "identityMapping")
    press(&state, .character("a"), .right, .tab, .right)
    #expect(ConnectionFormProbe.mapping(state)[1] == "phone→email")
    #expect(state.form?.rowProblems[1]?.isEmpty == false)
    #expect(state.form?.rowProblems[0] == nil)
    let screen = ConsoleModel.render(state, state.size).text
    #expect(screen.contains("⚠ The identity space \"phone\" holds phone values"))
  }

  /// A key the format does not define is listed as a warning at its path, with the key it
  /// probably meant, and the list still jumps to its record.
  @Test func problemsListShowsUnknownKeysOfTheFile() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-console-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = WorkspaceStore(path: folder.appendingPathComponent("mizzen.json").path)
    let text = String(decoding: WorkspaceCodec.encode(Fixtures.workspace), as: UTF8.self)
      .replacingOccurrences(
        of: "\"code\": \"sale_jp\",", with: "\"code\": \"sale_jp\", \"colour\": 1,")
    try Data(text.utf8).write(to: URL(fileURLWithPath: store.path))
    var state = ConsoleModel.initialState(
      loaded: try store.load(), loadError: nil,
      options: ConsoleOptions(readOnly: false, workspacePath: Fixtures.path),
      size: Size(width: 120, height: 30))
    trigger(&state, .problems)
    let screen = ConsoleModel.render(state, state.size).text
    #expect(screen.contains("topics[sale_jp].colour"))
    #expect(screen.contains("\"colour\" is not a key of a topic"))
    #expect(state.problems.contains { $0.rule == "key.unknown" && $0.severity == .warning })
  }

  @Test func problemsListJumpsToTheConnectionForm() throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, "pro")
    press(&state, .tab)
    type(&state, "b")
    press(&state, .tab, .enter)
    guard case .problems(let list) = state.screens.last else {
      Issue.record(":problems opens the problems list")
      return
    }
    #expect(list.visible.count == 1)
    #expect(ConsoleModel.render(state, state.size).text.contains("connections[braze_jp].apiKey"))
    press(&state, .enter)
    #expect(state.form?.purpose == .editConnection(state.recordIDs.connections[1]))
    #expect(state.screens.count == 1)
  }
}
