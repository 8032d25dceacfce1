import MizzenConsole
import MizzenCore
import Testing

/// Text snapshots of the console at the sizes that matter, with CJK, emoji and long names.
@Suite struct RenderSnapshotTests {
  static let sizes = [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16),
    Size(width: 59, height: 15),
  ]

  static func name(_ screen: String, _ size: Size) -> String {
    "\(screen)-\(size.width)x\(size.height)"
  }

  /// A state with no status message, so the hint strip shows.
  static func quiet(_ state: ConsoleState) -> ConsoleState {
    var state = state
    for _ in 0..<100 { _ = ConsoleModel.update(&state, .tick) }
    return state
  }

  @Test(arguments: sizes)
  func connectionsList(size: Size) throws {
    var state = Self.quiet(try Fixtures.state(size: size))
    press(&state, .down)
    expectSnapshot(ConsoleModel.render(state, size), named: Self.name("connections", size))
  }

  @Test(arguments: sizes)
  func formWithProblems(size: Size) throws {
    var state = Self.quiet(try Fixtures.state(size: size))
    trigger(&state, .new)
    type(&state, "東京 🗼 staging")
    press(&state, .tab, .tab, .left, .tab)
    type(&state, "http://example.com")
    expectSnapshot(ConsoleModel.render(state, size), named: Self.name("form", size))
  }

  @Test(arguments: sizes)
  func deleteDialog(size: Size) throws {
    var state = Self.quiet(try Fixtures.state(size: size))
    press(&state, .down, .character("d"))
    expectSnapshot(ConsoleModel.render(state, size), named: Self.name("delete", size))
  }

  @Test(arguments: sizes)
  func helpOverlay(size: Size) throws {
    var state = Self.quiet(try Fixtures.state(size: size))
    trigger(&state, .help)
    expectSnapshot(ConsoleModel.render(state, size), named: Self.name("help", size))
  }

  @Test func filterPromptAndTopics() throws {
    let size = Size(width: 80, height: 24)
    var state = Self.quiet(try Fixtures.state(size: size))
    trigger(&state, .filter)
    type(&state, "東京")
    expectSnapshot(ConsoleModel.render(state, size), named: "filter-80x24")
    press(&state, .enter, .character("2"))
    state = Self.quiet(state)
    expectSnapshot(ConsoleModel.render(state, size), named: "topics-80x24")
  }

  @Test func tooSmallShowsOnlyTheNotice() throws {
    let state = try Fixtures.state()
    let frame = ConsoleModel.render(state, Size(width: 59, height: 15))
    let lines = frame.text.split(separator: "\n").filter { !$0.allSatisfy { $0 == " " } }
    #expect(
      lines.map { $0.trimmingCharacters(in: .whitespaces) } == ["terminal too small (need 60×16)"])
    let alsoSmall = ConsoleModel.render(state, Size(width: 100, height: 15)).text
    #expect(alsoSmall.contains("terminal too small (need 60×16)"))
  }

  @Test(arguments: sizes)
  func noRowIsEverWiderThanTheScreen(size: Size) throws {
    var state = try Fixtures.state(size: size)
    for keys in [[Key.down], [.character("d")], [.escape, .enter], [.escape, .character("?")]] {
      for key in keys { press(&state, key) }
      let frame = ConsoleModel.render(state, size)
      for row in 0..<frame.height {
        #expect(DisplayWidth.of(frame.text(ofRow: row)) == size.width)
      }
    }
  }
}
