import Foundation
import MizzenConsole
import MizzenTestSupport
import Testing

@testable import MizzenTerminal

/// Frames drawn through real curses and read back from its screen, cell by cell.
@MainActor
@Suite(.serialized)
struct TerminalRoundTripTests {
  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func drawnFrameReadsBackAsItsText(size: Size) throws {
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    var frame = FrameFixtures.frame(size, FrameFixtures.international)
    let lastRow = size.height - 1
    FrameFixtures.write(
      "bottom right corner 日", into: &frame, row: lastRow, column: size.width - 22)
    screen.terminal.draw(frame)
    #expect(screen.terminal.size == size)
    #expect(frame.text.contains("Family 👨\u{200D}👩\u{200D}👧 and"))
    #expect(screen.text == VirtualScreen.shown(frame.text))
    #expect(screen.terminal.screenText(ofRow: 2).hasPrefix("Family 👨👩👧 and"))
    #expect(screen.terminal.screenText(ofRow: lastRow).hasSuffix("corner 日"))
  }

  @Test func onlyChangedCellsAreRedrawnAndTheResultIsExact() throws {
    let size = Size(width: 60, height: 16)
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    let first = FrameFixtures.frame(
      size, [("日本語のテキスト", .normal), ("abcdefgh", .normal), ("row three", .selection)])
    screen.terminal.draw(first)
    // Narrow over the right half of a wide character, wide over two narrow ones, and a
    // selection that moves from row 2 to row 1.
    let second = FrameFixtures.frame(
      size, [("日 x語のテキスト", .normal), ("a中defgh", .selection), ("row three", .normal)])
    #expect(FrameDiff.spans(from: first, to: second).map(\.row) == [0, 1, 2])
    screen.terminal.draw(second)
    #expect(screen.text == VirtualScreen.shown(second.text))
    #expect(screen.terminal.screenText(ofRow: 0).hasPrefix("日 x語"))
    #expect(screen.terminal.screenText(ofRow: 1).hasPrefix("a中defgh"))
  }

  /// Many random frames of narrow, wide and joined characters drawn one after another:
  /// after each, the screen equals the frame. Seeded, so a failure can be replayed.
  @Test func randomFrameSequencesStayExact() throws {
    let size = Size(width: 40, height: 8)
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    var generator = SeededGenerator(seed: 0x6D_697A_7A65_6E)
    let pieces = ["a", "Z", " ", "é", "日", "語", "🎉", "e\u{301}", "한", "-", "ｆ"]
    let roles: [Role] = [.normal, .selection, .error, .dialog]
    var frame = Frame(width: size.width, height: size.height)
    for round in 0..<60 {
      let rows = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        Int.random(in: 0..<size.height, using: &generator)
      }
      for row in rows {
        let start = Int.random(in: 0..<size.width, using: &generator)
        let length = Int.random(in: 1...12, using: &generator)
        let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
        let role = roles.randomElement(using: &generator)!
        overwrite(&frame, row: row, column: start, text: text, role: role)
      }
      screen.terminal.draw(frame)
      #expect(screen.text == VirtualScreen.shown(frame.text), "after round \(round)")
    }
  }

  @Test(arguments: [ColorScheme.color, .monochrome])
  func everyRoleIsDrawnWithItsStyle(scheme: ColorScheme) throws {
    let size = Size(width: 60, height: Role.allCases.count)
    let options = Terminal.Options(colorWanted: scheme == .color, mouse: false)
    let screen = try VirtualScreen(size: size, options: options)
    defer { screen.close() }
    #expect(screen.terminal.scheme == scheme)
    let lines = Role.allCases.map { ("role \($0)", $0) }
    screen.terminal.draw(FrameFixtures.frame(size, lines))
    for (row, role) in Role.allCases.enumerated() {
      let cell = screen.terminal.screenCell(row: row, column: 0)
      #expect(cell.text == "r")
      #expect(cell.pair == (scheme == .color ? Int16(role.rawValue) + 1 : 0), "\(role)")
      #expect(cell.attributes == screen.terminal.attributes(of: role), "\(role)")
    }
  }

  @Test func cursorIsShownOnlyWhereTheFrameAsks() throws {
    let size = Size(width: 60, height: 16)
    let screen = try VirtualScreen(size: size)
    defer { screen.close() }
    var frame = FrameFixtures.frame(size, [("Name: 週刊", .inputFocus)])
    frame.cursor = Position(row: 0, column: 10)
    screen.terminal.draw(frame)
    #expect(screen.terminal.cursorVisible == true)
    #expect(screen.terminal.cursorPosition == Position(row: 0, column: 10))
    frame.cursor = nil
    screen.terminal.draw(frame)
    #expect(screen.terminal.cursorVisible == false)
  }

  /// A joined emoji goes to the terminal as its parts, side by side, in the cells the frame
  /// measured them in: tmux 3.3 would draw 👩‍💻 in 2 cells and the frame counts 4, so the
  /// rest of the row moved left and kept 2 stale cells at its end. The joiner stays in the
  /// frame; only the terminal never sees it.
  @Test func aJoinerIsNeverSentToTheTerminal() throws {
    let size = Size(width: 30, height: 3)
    let sent = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-sent-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: sent) }
    let screen = try VirtualScreen(size: size, outputPath: sent)
    var frame = Frame(width: size.width, height: size.height)
    let cells = frame.draw("A👩\u{200D}💻B स्ते", row: 1, column: 0, width: size.width, role: .normal)
    #expect(cells == 9, "A, the two parts of the emoji, B, a space and two cells of Devanagari")
    screen.terminal.draw(frame)
    #expect(screen.terminal.screenText(ofRow: 1).hasPrefix("A👩💻B स्ते "))
    screen.close()
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sent)))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("A👩💻B"), "the parts are sent next to each other")
    #expect(text.contains("स्ते"), "zero-width marks other than the joiner are sent")
    #expect(!text.unicodeScalars.contains("\u{200D}"))
  }

  /// Writes `text` over a frame the way the console does: whatever wide character is cut
  /// in half by the new text is blanked, so the frame stays well formed.
  private func overwrite(_ frame: inout Frame, row: Int, column: Int, text: String, role: Role) {
    var scratch = Frame(width: frame.width, height: 1)
    let end = FrameFixtures.write(text, into: &scratch, row: 0, column: column, role: role)
    guard end > column else { return }
    if frame[row, column].isContinuation { frame[row, column - 1] = .blank }
    if end < frame.width && frame[row, end].isContinuation { frame[row, end] = .blank }
    for col in column..<end { frame[row, col] = scratch[0, col] }
  }
}
