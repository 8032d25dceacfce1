import MizzenCore

/// The History section: the signal journal, newest first, one send per row.
enum HistoryView {
  static func draw(_ state: ConsoleState, _ body: BodyArea, _ frame: inout Frame) {
    let width = body.width - 2
    guard !state.journal.isEmpty else {
      frame.draw(
        "No test-send yet. t on a topic or channel sends one; each is journaled here.",
        row: body.top + 1, column: 2, width: width - 2, role: .dim)
      return
    }
    frame.draw(
      "Time                      Topic/channel              Choice   Identity          Outcome",
      row: body.top, column: 1, width: width, role: .columnTitle)
    for (offset, entry) in state.journal.prefix(body.height - 1).enumerated() {
      frame.draw(
        row(entry), row: body.top + 1 + offset, column: 1, width: width,
        role: entry.succeeded ? .normal : .warning)
    }
  }

  static func row(_ entry: JournalEntry) -> String {
    // Columns are measured in cells, so a wide identity value keeps the next column aligned.
    func pad(_ text: String, _ count: Int) -> String { TextFit.pad(text, to: count - 1) + " " }
    var outcome = entry.outcome.kind.rawValue
    if let status = entry.outcome.status { outcome += " \(status)" }
    outcome += ", \(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s")"
    if let verification = entry.verification {
      outcome += ", verify " + (verification.observed ?? "?")
    }
    return pad(entry.time, 26) + pad(entry.topic + "/" + entry.channel, 27) + pad(entry.state, 9)
      + pad(entry.identityValue, 18) + outcome
  }
}
