import Foundation
import MizzenConsole
import Testing

/// docs/keybindings.md and README's key block are generated from the binding table; these
/// tests fail when either is stale, and rewrite both under `MIZZEN_UPDATE_DOCS=1`.
@Suite struct KeyReferenceTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let updating = ProcessInfo.processInfo.environment["MIZZEN_UPDATE_DOCS"] == "1"
  static let begin = "<!-- keys:begin -->"
  static let end = "<!-- keys:end -->"

  @Test func keybindingsFileIsCurrent() throws {
    let file = Self.root.appendingPathComponent("docs/keybindings.md")
    let generated = KeyReference.markdown()
    if Self.updating {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try generated.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let committed = try? String(contentsOf: file, encoding: .utf8)
    expectCurrent(committed, generated, name: "docs/keybindings.md")
  }

  @Test func readmeKeyBlockIsCurrent() throws {
    let file = Self.root.appendingPathComponent("README.md")
    let readme = try String(contentsOf: file, encoding: .utf8)
    guard let begin = readme.range(of: Self.begin + "\n"),
      let end = readme.range(of: Self.end, range: begin.upperBound..<readme.endIndex)
    else {
      let message =
        "README.md has no \(Self.begin) … \(Self.end) block; put both markers under its "
        + "## Keys heading, then run \(KeyReference.regenerateCommand)."
      Issue.record("\(message)")
      return
    }
    let generated = KeyReference.readmeBlock()
    if Self.updating {
      var rewritten = readme
      rewritten.replaceSubrange(begin.upperBound..<end.lowerBound, with: generated)
      try rewritten.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let committed = String(readme[begin.upperBound..<end.lowerBound])
    expectCurrent(committed, generated, name: "README.md's key block")
  }

  /// Every binding is listed once under its context's heading, with its keys as the
  /// help overlay spells them, then its `:` commands, and its action name.
  @Test(arguments: BindingContext.allCases)
  func everyBindingIsListedUnderItsContext(_ context: BindingContext) throws {
    let text = KeyReference.markdown()
    let sections = text.components(separatedBy: "\n## ").dropFirst()
    let bindings = BindingTable.standard.bindings(in: [context])
    let section = sections.first { $0.hasPrefix(context.title + "\n") }
    guard let section else {
      #expect(bindings.isEmpty, "no section titled \(context.title)")
      return
    }
    let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
    #expect(rows.count == bindings.count)
    for (row, binding) in zip(rows, bindings) {
      let keys = (binding.keys.map(\.label) + binding.commandLabels).map { "`\($0)`" }
        .joined(separator: " / ")
      #expect(row.hasPrefix("| \(keys) | \(binding.description)"))
      #expect(row.hasSuffix("| `\(binding.action.rawValue)` |"))
    }
  }

  @Test(arguments: [
    (Key.control("s"), "ctrl-s"), (.backTab, "shift-tab"), (.up, "↑"), (.pageUp, "PgUp"),
    (.function(1), "F1"), (.escape, "esc"), (.enter, "enter"), (.character(" "), "space"),
  ])
  func keysAreSpelledAsTyped(_ key: Key, _ spelling: String) {
    #expect(key.label == spelling)
  }

  @Test func headerSaysGeneratedAndHowToRegenerate() {
    let first = KeyReference.markdown().split(separator: "\n").prefix(3).joined(separator: "\n")
    #expect(first.contains("Generated from Sources/MizzenConsole/Bindings/BindingTable.swift"))
    #expect(first.contains(KeyReference.regenerateCommand))
    #expect(KeyReference.readmeBlock().hasPrefix("<!-- Generated from"))
  }

  private func expectCurrent(
    _ committed: String?, _ generated: String, name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let committed else {
      Issue.record(
        "\(name) is missing; run \(KeyReference.regenerateCommand) and commit it.",
        sourceLocation: sourceLocation)
      return
    }
    guard committed != generated else { return }
    let want = committed.split(separator: "\n", omittingEmptySubsequences: false)
    let got = generated.split(separator: "\n", omittingEmptySubsequences: false)
    var differences: [String] = []
    for line in 0..<max(want.count, got.count) {
      let old = line < want.count ? String(want[line]) : "<none>"
      let new = line < got.count ? String(got[line]) : "<none>"
      if old != new { differences.append("line \(line + 1)\n  file  |\(old)|\n  table |\(new)|") }
    }
    let message =
      "\(name) is stale: the binding table changed since it was generated. Run "
      + "\(KeyReference.regenerateCommand) and commit the result.\n"
      + differences.prefix(10).joined(separator: "\n")
    Issue.record("\(message)", sourceLocation: sourceLocation)
  }
}
