/// The key reference in Markdown, generated from ``BindingTable`` so that the published
/// documentation (docs/keybindings.md and README's "Keys" section) cannot drift from what
/// the keys do and what the `?` help overlay lists.
///
/// Keys are spelled by ``Key/label``, the same words the hint strip and help use.
public enum KeyReference {
  /// The command that rewrites the generated files; quoted in them and in the test that
  /// fails when they are stale.
  public static let regenerateCommand = "MIZZEN_UPDATE_DOCS=1 swift test --filter KeyReference"

  /// The whole of docs/keybindings.md.
  public static func markdown() -> String {
    (["# Mizzen key bindings", ""] + body(headingLevel: 2)).joined(separator: "\n") + "\n"
  }

  /// The block README carries between its `<!-- keys:begin -->` and `<!-- keys:end -->`
  /// markers, under its own `## Keys` heading.
  public static func readmeBlock() -> String {
    body(headingLevel: 3).joined(separator: "\n") + "\n"
  }

  private static func body(headingLevel: Int) -> [String] {
    let heading = String(repeating: "#", count: headingLevel) + " "
    var lines = [
      "<!-- Generated from Sources/MizzenConsole/Bindings/BindingTable.swift; do not edit."
        + " Regenerate: \(regenerateCommand) -->",
      "",
      "The keys under \"\(BindingContext.global.title)\" work in every list; those under"
        + " \"\(BindingContext.form.title)\" also work on a row of the identity mapping. `?`"
        + " shows the keys of the screen you are on. Under `--read-only` the keys that change"
        + " the workspace are off. A `:` command (typed after `:`, completed with tab) runs"
        + " the same action as the keys beside it, refused for the same reason; some actions"
        + " have only a command.",
      "",
    ]
    for context in BindingContext.allCases {
      let bindings = BindingTable.standard.bindings(in: [context])
      guard !bindings.isEmpty else { continue }
      lines.append(heading + context.title)
      lines.append("")
      if context == .form {
        lines.append("In a text field: " + BindingTable.textFieldKeys + ".")
        lines.append("")
      }
      lines.append("| Keys and commands | What they do | Action |")
      lines.append("|---|---|---|")
      for binding in bindings {
        let keys = (binding.keys.map(\.label) + binding.commandLabels).map(codeSpan)
          .joined(separator: " / ")
        var description = escape(binding.description)
        if binding.isDangerous { description += " (changes the workspace)" }
        lines.append("| \(keys) | \(description) | \(codeSpan(binding.action.rawValue)) |")
      }
      lines.append("")
    }
    lines.removeLast()
    return lines
  }

  /// A Markdown code span that survives inside a table: `|` is escaped and a key that is a
  /// backtick gets a longer fence.
  private static func codeSpan(_ text: String) -> String {
    let escaped = escape(text)
    return escaped.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
