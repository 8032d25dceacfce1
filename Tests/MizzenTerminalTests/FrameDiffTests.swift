import MizzenConsole
import Testing

@testable import MizzenTerminal

struct FrameDiffTests {
  let size = Size(width: 20, height: 5)

  @Test func firstFrameAndNewSizeSendEveryRow() {
    let frame = FrameFixtures.frame(size, [("a", .normal)])
    let all = (0..<5).map { FrameDiff.Span(row: $0, start: 0, end: 20) }
    #expect(FrameDiff.spans(from: nil, to: frame) == all)
    let smaller = FrameFixtures.frame(Size(width: 20, height: 4), [("a", .normal)])
    #expect(FrameDiff.spans(from: smaller, to: frame) == all)
  }

  @Test func sameFrameSendsNothing() {
    let frame = FrameFixtures.frame(size, FrameFixtures.international)
    #expect(FrameDiff.spans(from: frame, to: frame).isEmpty)
  }

  @Test func movingTheSelectionSendsTwoRows() {
    let before = FrameFixtures.frame(size, [("one", .selection), ("two", .normal)])
    let after = FrameFixtures.frame(size, [("one", .normal), ("two", .selection)])
    #expect(
      FrameDiff.spans(from: before, to: after) == [
        FrameDiff.Span(row: 0, start: 0, end: 3), FrameDiff.Span(row: 1, start: 0, end: 3),
      ])
  }

  @Test func spanNeverStartsOrEndsInsideAWideCharacter() {
    let before = FrameFixtures.frame(size, [("ab日cd", .normal)])
    var after = before
    // Only the right half's role changes, as a sloppy renderer might do.
    after[0, 3] = .continuation(.error)
    #expect(FrameDiff.spans(from: before, to: after) == [FrameDiff.Span(row: 0, start: 2, end: 4)])
    var widened = before
    widened[0, 1] = Cell(text: "x")
    widened[0, 2] = Cell(text: "語")
    #expect(
      FrameDiff.spans(from: before, to: widened) == [FrameDiff.Span(row: 0, start: 1, end: 4)])
  }
}

struct ColorSchemeTests {
  @Test(arguments: [
    (false, [String: String](), true),
    (true, [:], false),
    (false, ["NO_COLOR": "1"], false),
    (false, ["NO_COLOR": ""], true),
    (false, ["TERM": "xterm"], true),
  ])
  func colorIsWantedUnlessRefused(flag: Bool, environment: [String: String], wanted: Bool) {
    #expect(ColorScheme.colorWanted(noColorFlag: flag, environment: environment) == wanted)
  }

  /// Without colour, the roles a person must tell apart still look different.
  @Test(arguments: [
    (Role.normal, Role.selection), (.normal, .error), (.tab, .tabActive), (.button, .buttonFocus),
    (.input, .inputFocus), (.selection, .selectionDim), (.normal, .columnTitle),
    (.hint, .hintKey), (.normal, .warning),
  ])
  func monochromeKeepsRolesApart(first: Role, second: Role) {
    #expect(
      ColorScheme.monochrome.style(for: first) != ColorScheme.monochrome.style(for: second))
  }

  /// Roles drawn inside a dialog keep the dialog's background, so no row of a box shows
  /// the terminal's own background through it.
  @Test(arguments: [Role.dialogTitle, .dialogDim, .button, .buttonFocus])
  func dialogRolesKeepABackground(role: Role) {
    #expect(ColorScheme.color.style(for: role).background != .terminalDefault)
  }

  @Test func monochromeUsesNoColour() {
    for role in Role.allCases {
      let style = ColorScheme.monochrome.style(for: role)
      #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
    }
  }
}
