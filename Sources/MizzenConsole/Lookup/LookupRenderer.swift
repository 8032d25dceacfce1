import MizzenCore

/// Draws the look-up screen: the identity fields, then a row per topic × channel with the
/// mapping and Braze's state, as the reads arrive. Values from the file and from Braze
/// are escaped before they are drawn.
enum LookupRenderer {
  static func draw(
    _ lookup: LookupState, _ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame
  ) {
    var lines: [(String, Role)] = [
      ("Look up a person's state in Braze (enter reads every topic × channel)", .columnTitle)
    ]
    for (index, space) in lookup.spaces.enumerated() {
      let focused = lookup.focus == index
      let label = TextFit.pad(space, to: max(12, DisplayWidth.of(space)))
      lines.append(
        (
          (focused ? "› " : "  ") + "\(label) [\(TerminalText.escaped(lookup.values[index].text))]",
          focused ? .inputFocus : .input
        ))
    }
    lines.append(("", .normal))
    if case .reading = lookup.phase {
      let spinner = StatusRenderer.spinner[state.ticks % StatusRenderer.spinner.count]
      lines.append(
        (
          "\(spinner) Reading \(lookup.progress.done) of \(lookup.progress.total)… esc cancels",
          .warning
        ))
    }
    let rows = lookup.rows
    if !rows.isEmpty {
      lines.append(
        ("  " + cells(["TOPIC/CHANNEL", "CONNECTION", "SENT AS", "BRAZE"]), .columnTitle))
    }
    for item in rows {
      let row = item.row
      let mark = row.id == lookup.selected ? "› " : "  "
      let sentAs = row.brazeField.map { "\($0.rawValue)=\(row.identityValue ?? "")" } ?? "—"
      let braze = item.answer.observed ?? item.answer.note ?? "—"
      let role: Role =
        row.id == lookup.selected && lookup.focus == lookup.tableFocus
        ? .selection
        : item.answer.observed == nil && item.status != nil ? .error : .normal
      lines.append(
        (
          mark
            + cells(
              [row.topic + "/" + row.channel, row.connection, sentAs, braze].map {
                TerminalText.escaped($0)
              }), role
        ))
    }
    for (offset, line) in lines.prefix(body.height).enumerated() {
      frame.draw(line.0, row: body.top + offset, column: 2, width: body.width - 4, role: line.1)
    }
  }

  private static func cells(_ values: [String]) -> String {
    let widths = [30, 14, 26, 24]
    return zip(values, widths).map { TextFit.pad(TextFit.truncate($0, to: $1 - 1), to: $1) }
      .joined()
  }
}
