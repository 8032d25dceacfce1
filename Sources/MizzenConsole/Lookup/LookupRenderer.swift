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
          (focused ? "› " : "  ") + "\(label) [\(TerminalText.escaped(lookup.values[index].text))]"
            + (lookup.recalled.contains(index) ? RecalledValues.note : ""),
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
    let table = rows.map { item in
      let row = item.row
      let sentAs = row.brazeField.map { "\($0.rawValue)=\(row.identityValue ?? "")" } ?? "—"
      let braze = item.answer.observed ?? item.answer.note ?? "—"
      return [row.topic + "/" + row.channel, row.connection, sentAs, braze].map {
        TerminalText.escaped($0)
      }
    }
    let widths = columnWidths([header] + table, width: body.width - 6)
    if !rows.isEmpty {
      lines.append(("  " + cells(header, widths), .columnTitle))
    }
    for (item, values) in zip(rows, table) {
      let row = item.row
      let mark = row.id == lookup.selected ? "› " : "  "
      let role: Role =
        row.id == lookup.selected && lookup.focus == lookup.tableFocus
        ? .selection
        : item.answer.observed == nil && item.status != nil ? .error : .normal
      lines.append(
        (
          mark + cells(values, widths), role
        ))
    }
    for (offset, line) in lines.prefix(body.height).enumerated() {
      frame.draw(line.0, row: body.top + offset, column: 2, width: body.width - 4, role: line.1)
    }
  }

  private static let header = ["TOPIC/CHANNEL", "CONNECTION", "SENT AS", "BRAZE"]

  /// Column widths in cells for `width`: each of the first three takes what its longest
  /// value needs (with a gap), and Braze's answer, the column read most, takes the rest.
  /// When the row is too narrow, "sent as" gives up room first, then the topic.
  static func columnWidths(_ rows: [[String]], width: Int) -> [Int] {
    var widths = (0..<4).map { column in
      rows.map { DisplayWidth.of($0[column]) }.max().map { $0 + 1 } ?? 1
    }
    let braze = max(12, width - widths[0] - widths[1] - widths[2])
    widths[3] = braze
    var over = widths.reduce(0, +) - width
    for column in [2, 0, 1] where over > 0 {
      let floor = DisplayWidth.of(header[column]) + 1
      let give = min(over, max(0, widths[column] - floor))
      widths[column] -= give
      over -= give
    }
    return widths
  }

  private static func cells(_ values: [String], _ widths: [Int]) -> String {
    zip(values, widths).map { TextFit.pad(TextFit.truncate($0, to: $1 - 1), to: $1) }.joined()
  }
}
