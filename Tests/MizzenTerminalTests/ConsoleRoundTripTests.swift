import Foundation
import MizzenConsole
import MizzenCore
import Testing

@testable import MizzenTerminal

/// The console's own frames through real curses: the snapshots the console tests keep, and
/// frames rendered from a live state while keys are pressed.
@MainActor
@Suite(.serialized)
struct ConsoleRoundTripTests {
  /// The console's render snapshots, beside its tests: `<screen>-<width>x<height>.txt`.
  nonisolated static let snapshotFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("MizzenConsoleTests/Snapshots")

  nonisolated static var snapshotNames: [String] {
    let names = try? FileManager.default.contentsOfDirectory(atPath: snapshotFolder.path)
    return (names ?? []).filter { $0.hasSuffix(".txt") }.sorted()
  }

  @Test func snapshotsExist() {
    #expect(Self.snapshotNames.count >= 8, "no render snapshots in \(Self.snapshotFolder.path)")
  }

  /// Each snapshot, drawn cell by cell and read back from the curses screen, is the same text.
  @Test(arguments: snapshotNames)
  func snapshotReadsBackUnchanged(name: String) throws {
    let text = try String(
      contentsOf: Self.snapshotFolder.appendingPathComponent(name), encoding: .utf8)
    let size = try #require(Self.size(fromName: name))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    try #require(lines.count == size.height)
    var frame = Frame(width: size.width, height: size.height)
    for (row, line) in lines.enumerated() {
      frame.draw(String(line), row: row, column: 0, width: size.width, role: .normal)
    }
    let expected = lines.joined(separator: "\n")
    try #require(frame.text == expected, "the snapshot does not fit its own size")
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    screen.terminal.draw(frame)
    #expect(screen.text == VirtualScreen.shown(expected))
  }

  /// A live console, drawn after every key as the main loop does (only changes sent): the
  /// screen always equals the frame, styles included.
  @Test(arguments: [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16),
  ])
  func liveConsoleStaysExactKeyAfterKey(size: Size) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-roundtrip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = WorkspaceStore(path: folder.appendingPathComponent("ワーク.json").path)
    try store.save(Self.workspace, expecting: nil)
    var state = ConsoleModel.initialState(
      loaded: try store.load(), loadError: nil,
      options: ConsoleOptions(workspacePath: store.path), size: size)
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    var keys: [Key] = [.down, .down, .up, .character("?"), .pageDown, .pageDown, .escape]
    keys += [.character("n")]
    keys += "東京 🎉 staging".map { Key.character($0) }
    keys += [.tab, .tab, .escape, .tab, .enter, .character("/"), .character("東")]
    keys += [.escape, .escape, .character("2")]
    var frame = ConsoleModel.render(state, size)
    screen.terminal.draw(frame)
    #expect(screen.text == VirtualScreen.shown(frame.text))
    for key in keys {
      _ = ConsoleModel.update(&state, .key(key))
      frame = ConsoleModel.render(state, size)
      screen.terminal.draw(frame)
      #expect(screen.text == VirtualScreen.shown(frame.text), "after \(key)")
      let mismatches = Self.styleMismatches(frame, screen.terminal)
      #expect(mismatches.isEmpty, "after \(key): \(mismatches.prefix(3))")
    }
  }

  static func size(fromName name: String) -> Size? {
    guard let dims = name.dropLast(4).split(separator: "-").last else { return nil }
    let parts = dims.split(separator: "x").compactMap { Int($0) }
    return parts.count == 2 ? Size(width: parts[0], height: parts[1]) : nil
  }

  /// Cells whose attributes or colour pair on the screen are not those of their role.
  static func styleMismatches(_ frame: Frame, _ terminal: Terminal) -> [String] {
    var found: [String] = []
    for row in 0..<frame.height {
      for column in 0..<frame.width where !frame[row, column].isContinuation {
        let role = frame[row, column].role
        let cell = terminal.screenCell(row: row, column: column)
        if cell.attributes != terminal.attributes(of: role) || cell.pair != terminal.pair(of: role)
        {
          found.append("(\(row),\(column)) \(role)")
        }
      }
    }
    return found
  }

  static let workspace = Workspace(
    name: "Acme 株式会社 🚢",
    connections: [
      Connection(
        code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_US_API_KEY"),
        identityMapping: [IdentityMapping(identitySpace: "email", field: .email)]),
      Connection(
        code: "braze_jp", name: "東京の接続 🗼 本番", endpoint: "https://rest.jp-01.braze.com",
        apiKey: .inline("fake-key-not-real-1234"),
        identityMapping: [IdentityMapping(identitySpace: "phone", field: .phone)]),
      Connection(
        code: "family", name: "Family 👨‍👩‍👧 with a name far too long for any column it is put in",
        endpoint: "http://127.0.0.1:4010", apiKey: .environment("SANDBOX_KEY"),
        identityMapping: []),
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email", type: .email, marketingPreference: true),
      IdentitySpace(code: "phone", name: "電話番号", type: .phone),
    ],
    topics: [
      Topic(
        code: "news", name: "週刊ニュース 📰", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .email, connection: "braze_us",
            subscriptionGroupId: "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
        ])
    ])
}
