/// The summary and the drift report of a run, in the three formats (SPEC §9).
public enum ReconcileReport {
  /// The CSV header of `--report FILE`.
  public static let driftHeader = "line,topic,channel,braze_field,identifier,expected,braze,result"

  /// One `--report` line for a drifting row.
  public static func driftLine(_ row: ReconcileDriftRow) -> String {
    [
      String(row.line), row.topic, row.channel, row.field.rawValue, row.identifier, row.expected,
      row.braze, row.result,
    ].map(csvField).joined(separator: ",")
  }

  /// The `--format csv` summary: one line per topic × channel.
  public static func csv(_ counts: [ReconcileCounts]) -> String {
    var lines = [
      "topic,channel,agree,drift_granted_but_unsubscribed,drift_denied_but_subscribed,unknown,"
        + "refused,corrected,failed"
    ]
    for count in counts {
      lines.append(
        [
          csvField(count.topic), csvField(count.channel), String(count.agree),
          String(count.driftToSubscribed), String(count.driftToUnsubscribed),
          String(count.unknown), String(count.refused), String(count.corrected),
          String(count.failed),
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  /// The `--format text` table; topic and channel codes are escaped for the terminal.
  public static func table(_ counts: [ReconcileCounts], applied: Bool) -> String {
    var header = ["topic/channel", "agree", "drift +", "drift -", "unknown", "refused"]
    if applied { header += ["corrected", "failed"] }
    var rows = [header]
    for count in counts {
      var row = [
        TerminalText.escaped(count.topic + "/" + count.channel),
        ReconcileProgressLine.grouped(count.agree),
        ReconcileProgressLine.grouped(count.driftToSubscribed),
        ReconcileProgressLine.grouped(count.driftToUnsubscribed),
        ReconcileProgressLine.grouped(count.unknown), ReconcileProgressLine.grouped(count.refused),
      ]
      if applied {
        row += [
          ReconcileProgressLine.grouped(count.corrected),
          ReconcileProgressLine.grouped(count.failed),
        ]
      }
      rows.append(row)
    }
    var widths = Array(repeating: 0, count: header.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    let lines = rows.map { row in
      row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    return
      (lines + [
        "drift + = granted in the input but unsubscribed in Braze; drift - = denied but subscribed."
      ]).joined(separator: "\n")
  }

  /// A CSV field, quoted when it holds a comma, quote or line break.
  public static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
