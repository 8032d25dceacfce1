import MizzenCore

/// Draws the reconcile screen: the progress bar while the run is out, then the summary
/// per topic × channel and the report rows. Everything from the export or Braze is
/// escaped before it is drawn.
enum ReconcileRenderer {
  static let header = ["KIND", "TOPIC/CHANNEL", "PERSON", "EXPECTED", "BRAZE", "LINE"]

  static func draw(
    _ run: ReconcileState, _ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame
  ) {
    var lines: [(String, Role)] = [
      ("Reconcile \(TerminalText.escaped(run.input)): read-only compare with Braze", .columnTitle)
    ]
    let figures =
      run.progress.map { ReconcileProgressLine.bar($0, width: min(30, max(10, body.width / 5))) }
      ?? "reading the export…"
    switch run.phase {
    case .running:
      let spinner = StatusRenderer.spinner[state.ticks % StatusRenderer.spinner.count]
      lines.append(("\(spinner) " + figures, .warning))
      lines.append(("esc stops after the call in flight; nothing is written to Braze.", .dim))
    case .stopping:
      lines.append(("  " + figures, .warning))
      lines.append(("Stopping after the call in flight… esc closes this screen.", .warning))
    case .ended:
      lines += ended(run, body.width - 4)
    }
    for (offset, line) in lines.prefix(body.height).enumerated() {
      frame.draw(line.0, row: body.top + offset, column: 2, width: body.width - 4, role: line.1)
    }
    guard case .ended = run.phase, let result = run.result, !result.findings.isEmpty else { return }
    let top = body.top + lines.count + 1
    let height = body.top + body.height - top
    guard height > 0 else { return }
    report(run, result, state.workspace, top: top, height: height, width: body.width, &frame)
  }

  /// The summary of an ended run.
  private static func ended(_ run: ReconcileState, _ width: Int) -> [(String, Role)] {
    guard let result = run.result else { return [] }
    if let failure = result.failure {
      var lines: [(String, Role)] = [("Could not compare:", .error)]
      lines += TextFit.wrap(TerminalText.escaped(failure), to: width).map { ($0, .error) }
      if result.counts.isEmpty { return lines + [("esc closes.", .dim)] }
      return lines + table(result)
    }
    var lines: [(String, Role)] = []
    if let progress = result.progress {
      lines.append(
        (
          (result.stopped ? "Stopped: " : "Done: ") + ReconcileProgressLine.line(progress),
          result.stopped ? .warning : .success
        ))
    }
    let grouped = ReconcileProgressLine.grouped
    lines.append(
      (
        "\(grouped(result.rows)) rows, \(grouped(result.records)) person × topic × channel "
          + "records, \(grouped(result.requests)) reads"
          + (result.rateLimited > 0 ? ", \(grouped(result.rateLimited)) answered 429" : "")
          + ".", .normal
      ))
    return lines + table(result)
  }

  private static func table(_ result: ReconcileJobResult) -> [(String, Role)] {
    guard !result.counts.isEmpty else { return [(nothingToCompare, .warning)] }
    var lines = ReconcileReport.table(result.counts, applied: false).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map { (String($0), Role.normal) }
    if !lines.isEmpty { lines[0].1 = .columnTitle }
    if let last = lines.indices.last { lines[last].1 = .dim }
    let total = result.findingsTotal
    if total == 0 {
      lines.append(("Every row agrees with Braze: nothing to report.", .success))
    } else {
      let shown = result.findings.count
      lines.append(
        (
          "Report: \(ReconcileProgressLine.grouped(total)) rows drift, are unknown or refused"
            + (shown < total ? " (the first \(ReconcileProgressLine.grouped(shown)) listed)" : "")
            + ". / filters, enter looks the person up, t test-sends.", .columnTitle
        ))
    }
    return lines
  }

  static let nothingToCompare =
    "Nothing to compare: the export has no row the workspace can map to a subscription group."

  /// The report rows on screen, the selected one highlighted.
  private static func report(
    _ run: ReconcileState, _ result: ReconcileJobResult, _ workspace: Workspace, top: Int,
    height: Int, width: Int, _ frame: inout Frame
  ) {
    let list = run.list
    let rows = height - 1
    guard rows > 0 else { return }
    let first = ListState.top(
      for: list.selected, current: list.top, count: list.visible.count, height: rows)
    let shown = list.visible.dropFirst(first).prefix(rows)
    let cells = shown.map { index in
      let finding = result.findings[index]
      let space = ReconcileActions.space(of: finding, in: workspace)
      let person =
        finding.field == nil
        ? "—" : (space ?? finding.field?.rawValue ?? "") + "=" + finding.identifier
      return [
        finding.kind.rawValue, finding.topic + "/" + finding.channel, person,
        finding.expected.isEmpty ? "—" : finding.expected, finding.braze, String(finding.line),
      ].map { TerminalText.escaped($0) }
    }
    let widths = columnWidths([header] + cells, width: width - 6)
    frame.draw(
      "  " + line(header, widths), row: top, column: 2, width: width - 4, role: .columnTitle)
    if list.visible.isEmpty {
      frame.draw(
        "  No report row matches the filter; esc clears it.", row: top + 1, column: 2,
        width: width - 4, role: .dim)
      return
    }
    for (offset, (index, values)) in zip(shown, cells).enumerated() {
      let selected = index == list.selectedRecord
      let kind = result.findings[index].kind
      let role: Role = selected ? .selection : kind == .drift ? .warning : .normal
      frame.draw(
        (selected ? "› " : "  ") + line(values, widths), row: top + 1 + offset, column: 2,
        width: width - 4, role: role)
    }
  }

  /// Each column takes what its longest value on screen needs; Braze's answer, the
  /// last text column, takes what is left, and the person gives up room first.
  static func columnWidths(_ rows: [[String]], width: Int) -> [Int] {
    var widths = (0..<header.count).map { column in
      rows.map { DisplayWidth.of($0[column]) }.max().map { $0 + 2 } ?? 2
    }
    var over = widths.reduce(0, +) - width
    for column in [4, 2, 1] where over > 0 {
      let floor = DisplayWidth.of(header[column]) + 1
      let give = min(over, max(0, widths[column] - floor))
      widths[column] -= give
      over -= give
    }
    return widths
  }

  private static func line(_ values: [String], _ widths: [Int]) -> String {
    zip(values, widths).map { TextFit.pad(TextFit.truncate($0, to: $1 - 1), to: $1) }.joined()
  }
}
