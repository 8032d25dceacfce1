import MizzenCore

/// One row of History: a send of the signal journal (its position in `ConsoleState.journal`),
/// or a reconcile run, held whole and known by its id.
public enum HistoryRow: Equatable, Sendable {
  case send(Int)
  case run(ReconcileRun)
}

/// The History section's list: the signal journal and the reconcile runs, newest first, one
/// call or one run per row. Its records are `ConsoleState.history`, not the workspace, so
/// its search keys are made when the journals are read.
enum HistoryList {
  /// The list for a body `width` cells wide: below 120 the connection column is left out
  /// (the entry's detail names it) to give the others room.
  static func source(_ state: ConsoleState, width: Int) -> ListSource {
    let journal = state.journal
    let rows = state.history
    let wide = width >= 120
    return ListSource(
      columns: [
        SectionLists.markColumn,
        ListColumn(title: "Time (UTC)", minWidth: 14, maxWidth: 14, weight: 0),
        ListColumn(title: "Topic/channel", minWidth: 14, maxWidth: 40, weight: 3),
        ListColumn(title: "Choice", minWidth: 7, maxWidth: 7, weight: 0),
        ListColumn(title: "Identity", minWidth: 10, maxWidth: 36, weight: 3),
        ListColumn(title: "Outcome", minWidth: 12, maxWidth: 40, weight: 4),
      ] + (wide ? [ListColumn(title: "Connection", minWidth: 8, maxWidth: 12, weight: 1)] : []),
      count: rows.count,
      cells: { index in
        switch rows[index] {
        case .send(let position):
          let entry = journal[position]
          return [
            entry.succeeded ? "" : "✗", shortTime(entry.time), entry.topic + "/" + entry.channel,
            choice(entry), entry.identityValue, outcome(entry),
          ] + (wide ? [entry.connection] : [])
        case .run(let run):
          return [
            succeeded(run) ? "" : "✗", shortTime(run.time),
            "reconcile " + TerminalText.escaped(run.inputName), mode(run), counts(run),
            outcome(run),
          ] + (wide ? [""] : [])
        }
      },
      emptyMessage: state.journalRead
        ? "No test-send yet. t on a topic or channel sends one; each is journaled here."
        : "Reading the journal…",
      rowRole: { index in
        switch rows[index] {
        case .send(let position): return journal[position].succeeded ? nil : .warning
        case .run(let run): return succeeded(run) ? nil : .warning
        }
      })
  }

  /// The row at `index` of the list, if there is one.
  static func row(_ index: Int, in state: ConsoleState) -> HistoryRow? {
    state.history.indices.contains(index) ? state.history[index] : nil
  }

  /// A run that ended on its own with every row it sent accepted.
  static func succeeded(_ run: ReconcileRun) -> Bool {
    run.end == .finished && run.errors == 0
  }

  /// What the run could do, in the Choice column's 7 cells.
  static func mode(_ run: ReconcileRun) -> String {
    switch run.mode {
    case "read-only"?: return "read"
    case let mode?: return mode
    case nil: return run.applies ? "apply" : "read"
    }
  }

  /// `100,000 rows, 4,000 drift`; a resume did not read Braze, so it has neither.
  static func counts(_ run: ReconcileRun) -> String {
    let grouped = ReconcileProgressLine.grouped
    var parts: [String] = []
    if let rows = run.rows { parts.append("\(grouped(rows)) rows") }
    if let drift = run.drift { parts.append("\(grouped(drift)) drift") }
    return parts.isEmpty ? "resumed" : parts.joined(separator: ", ")
  }

  /// `finished, 80 batches, 2 errors`: how it ended, and for a run that applies, what it
  /// sent.
  static func outcome(_ run: ReconcileRun) -> String {
    var parts = [run.end.rawValue]
    if run.applies {
      parts.append("\(run.batches) batch\(run.batches == 1 ? "" : "es")")
      parts.append("\(run.errors) error\(run.errors == 1 ? "" : "s")")
    }
    return parts.joined(separator: ", ")
  }

  /// Lower-cased text the filter searches, one key per entry, newest first: everything a
  /// row shows, in full, plus the identity space and the outcome's status. Made in one
  /// reused key and one buffer, where the journal is read (`JournalRead`).
  static func searchKeys(_ journal: NewestFirst) -> SearchKeyList {
    var list = SearchKeyList()
    var key = SearchKey()
    // Read in place: `for entry in journal` copied every entry, a retain per string.
    journal.stored.withUnsafeBufferPointer { stored in
      for position in stored.indices.reversed() {
        addKey(of: stored[position], to: &key)
        if list.count == 0 {
          list.reserveCapacity(keys: stored.count, bytes: key.bytes.count * stored.count * 5 / 4)
        }
        list.append(key)
      }
    }
    return list
  }

  /// The key of one entry, in `key` (emptied first).
  private static func addKey(of entry: JournalEntry, to key: inout SearchKey) {
    key.removeAll()
    key.add(entry.time)
    key.add(" ")
    key.add(entry.topic)
    key.add("/")
    key.add(entry.channel)
    key.add(" ")
    key.add(entry.connection)
    key.add(" ")
    key.add(entry.identitySpace)
    key.add("=")
    key.add(entry.identityValue)
    key.add(" ")
    key.add(entry.state)
    key.add(entry.isVerify ? " verify " : " ")
    key.add(entry.outcome.kind.rawValue)
    key.add(" ")
    key.add(entry.outcome.kind.words)
    if let status = entry.outcome.status {
      key.add(" ")
      key.add(String(status))
    }
  }

  /// The filter's text for a run: everything its row shows, and its input's path.
  static func searchKey(_ run: ReconcileRun) -> String {
    var key = SearchKey()
    key.add(run.time)
    key.add(" reconcile ")
    key.add(run.input)
    key.add(" " + mode(run) + " " + counts(run) + " " + outcome(run))
    return key.text
  }

  /// What the row says the call was: the choice sent, or `verify` for a read-back.
  static func choice(_ entry: JournalEntry) -> String {
    entry.isVerify ? "verify" : entry.state
  }

  /// `2026-01-31T09:02:36.123Z` as `01-31 09:02:36`: the year and milliseconds are in the
  /// entry's detail, and the row needs the room.
  static func shortTime(_ time: String) -> String {
    let characters = Array(time)
    guard characters.count >= 19, characters[10] == "T" else { return time }
    return String(characters[5..<10]) + " " + String(characters[11..<19])
  }

  /// How the call ended, e.g. `success 201`, `server error 503, 3 attempts`, or for a
  /// read-back that Braze answered `read Unsubscribed` (its HTTP 200 goes without saying,
  /// and the row needs the room; the entry's detail has it).
  static func outcome(_ entry: JournalEntry) -> String {
    var parts: [String] = []
    if !(entry.isVerify && entry.outcome.isSuccess && entry.verification != nil) {
      var head = entry.outcome.kind.words
      if let status = entry.outcome.status { head += " \(status)" }
      parts.append(head)
    }
    if entry.attempts != 1 { parts.append("\(entry.attempts) attempts") }
    if let verification = entry.verification {
      var read = "read " + (verification.observed ?? "nothing")
      if !verification.matches { read += " (sent " + verification.expected + ")" }
      parts.append(read)
    }
    return parts.joined(separator: ", ")
  }

  /// Takes a freshly read journal and the runs read just before it
  /// (`state.reconcileRuns`), merged by time, keeping the selected send or run selected when
  /// it is still there; a selection on the newest row goes to the newest. The entries' keys
  /// came with the read; only the runs' few are made here.
  static func load(_ state: inout ConsoleState, _ read: JournalRead) {
    let position = Section.history.rawValue - 1
    let old = state.journal
    let oldRows = state.history
    let new = read.entries
    let runs = state.reconcileRuns
    let rows = merged(new, runs)
    var keep: Int?
    if let selected = state.lists[position].selectedRecord, oldRows.indices.contains(selected) {
      switch oldRows[selected] {
      case .send(let index) where old.indices.contains(index):
        if let found = find(old[index], in: new, near: index + new.count - old.count) {
          keep = runs.isEmpty ? found : rows.firstIndex(of: .send(found))
        }
      case .run(let run):
        keep = rows.firstIndex {
          if case .run(let other) = $0 { other.id == run.id } else { false }
        }
      default:
        break
      }
      // On the newest row, the selection moves up to the sends and runs that arrive.
      if selected == 0, rows.count > oldRows.count { keep = 0 }
    }
    var keys = read.keys
    if !runs.isEmpty {
      keys = SearchKeyList()
      for row in rows {
        switch row {
        case .send(let index): keys.append(index, of: read.keys)
        case .run(let run): keys.append(searchKey(run))
        }
      }
    }
    state.journal = new
    state.history = rows
    state.journalRead = true
    state.lists[position].reload(keys: keys, selecting: keep)
    state.lists[position].scrollToSelection(pageHeight: state.pageHeight)
  }

  /// Sends and runs, both newest first, merged by time (`HistoryPick.merged`).
  static func merged(_ sends: NewestFirst, _ runs: [ReconcileRun]) -> [HistoryRow] {
    HistoryPick.merged(sends: sends.count, sendTime: { sends[$0].time }, runs: runs).map { pick in
      switch pick {
      case .send(let index): return .send(index)
      case .run(let index): return .run(runs[index])
      }
    }
  }

  /// The entry's index in `entries`: new entries arrive at the top, so it usually moved
  /// down by their number; else a search from the top.
  private static func find(_ entry: JournalEntry, in entries: NewestFirst, near guess: Int)
    -> Int?
  {
    if entries.indices.contains(guess), entries[guess] == entry { return guess }
    return entries.firstIndex(of: entry)
  }
}
