import MizzenCore

/// The History section's list: the signal journal, newest first, one call per row. Its
/// records are `ConsoleState.journal`, not the workspace, so its search keys are made when
/// the journal is read.
enum HistoryList {
  /// The list for a body `width` cells wide: below 120 the connection column is left out
  /// (the entry's detail names it) to give the others room.
  static func source(_ journal: NewestFirst, width: Int, read: Bool = true) -> ListSource {
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
      count: journal.count,
      cells: { index in
        let entry = journal[index]
        return [
          entry.succeeded ? "" : "✗", shortTime(entry.time), entry.topic + "/" + entry.channel,
          choice(entry), entry.identityValue, outcome(entry),
        ] + (wide ? [entry.connection] : [])
      },
      emptyMessage: read
        ? "No test-send yet. t on a topic or channel sends one; each is journaled here."
        : "Reading the journal…",
      rowRole: { journal[$0].succeeded ? nil : .warning })
  }

  /// Lower-cased text the filter searches: everything a row shows, in full, plus the
  /// identity space and the outcome's status.
  static func searchKeys(_ journal: some Collection<JournalEntry>) -> [String] {
    journal.map { entry in
      var key = SearchKey()
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
      key.add(entry.outcome.kind.rawValue + " " + entry.outcome.kind.words)
      if let status = entry.outcome.status { key.add(" " + String(status)) }
      return key.text
    }
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

  /// Takes a freshly read journal (oldest first, as stored), keeping the selected entry
  /// selected when it is still there; a selection on the newest entry goes to the newest.
  static func load(_ state: inout ConsoleState, _ entries: [JournalEntry]) {
    let position = Section.history.rawValue - 1
    let old = state.journal
    let new = NewestFirst(entries)
    var keep: Int?
    if let selected = state.lists[position].selectedRecord, old.indices.contains(selected) {
      keep = find(old[selected], in: new, near: selected + new.count - old.count)
      // On the newest entry, the selection moves up to the sends that arrive.
      if selected == 0, new.count > old.count { keep = 0 }
    }
    // The journal only grows at the top, so the keys of the entries read before are kept
    // when the oldest and the newest of them are where they should be.
    let added = new.count - old.count
    let oldKeys = state.lists[position].searchKeys
    let keys: [String]
    if added >= 0, let first = old.first, let last = old.last, new[added] == first,
      new[new.count - 1] == last, oldKeys.count == old.count
    {
      keys = searchKeys(new[..<added]) + oldKeys
    } else {
      keys = searchKeys(new)
    }
    state.journal = new
    state.journalRead = true
    state.lists[position].reload(searchKeys: keys, selecting: keep)
    state.lists[position].scrollToSelection(pageHeight: state.pageHeight)
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
