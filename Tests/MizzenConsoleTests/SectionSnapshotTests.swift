import MizzenConsole
import MizzenCore
import Testing

/// Text snapshots of the Topics, Identity spaces and Properties screens and their forms,
/// at 80×24 and 120×40, with CJK and emoji names from the fixture.
@Suite struct SectionSnapshotTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  /// Screens by name, each reached by the keys that open it.
  static let screens: [(name: String, keys: [Key])] = [
    ("topics-list", [.character("2"), .down]),
    ("topic-form", [.character("2"), .down, .character("e")]),
    ("channels-list", [.character("2"), .down, .enter]),
    (
      "channel-form",
      [.character("2"), .enter, .character("n"), .tab, .tab] + "\"12ab".map { .character($0) }
    ),
    ("spaces-list", [.character("3"), .down]),
    ("space-form", [.character("3"), .down, .character("e")]),
    ("properties-list", [.character("4")]),
    ("property-form", [.character("4"), .character("n")] + "モバイル アプリ".map { .character($0) }),
    ("captures-list", [.character("4"), .enter]),
    ("capture-form", [.character("4"), .enter, .character("e"), .tab, .tab, .tab, .right]),
  ]

  @Test(arguments: screens.indices, sizes)
  func section(screen: Int, size: Size) throws {
    var state = try Fixtures.state(size: size)
    for key in Self.screens[screen].keys { _ = ConsoleModel.update(&state, .key(key)) }
    state = RenderSnapshotTests.quiet(state)
    expectSnapshot(
      ConsoleModel.render(state, size),
      named: RenderSnapshotTests.name(Self.screens[screen].name, size))
  }
}
