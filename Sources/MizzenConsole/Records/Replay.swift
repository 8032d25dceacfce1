import MizzenCore

/// "Reload and re-apply my changes": the console's pending edits (what its workspace
/// changed since the file was last read or saved) made again, record by record and by
/// identity, on the file's new content. An edit of a record the file changed too, or no
/// longer has, is not applied and is reported; records added here are added, records
/// deleted here are deleted unless the file changed them.
enum Replay {
  /// The workspace with the edits re-applied, and what could not be.
  struct Outcome {
    var workspace: Workspace
    var ids: RecordIDs
    /// The identities of the file's records as read (for the next re-apply's base).
    var fileIDs: RecordIDs
    /// How many record edits (adds, changes, deletes) were made again.
    var applied = 0
    /// One line per edit that no longer applies.
    var skipped: [String] = []
  }

  /// `mine` re-applied over `file`, both measured against `base`, the content the edits
  /// were made on. The file's records are matched to `base` by code (`RecordIDs`).
  static func reapply(
    base: ConsoleState.Version, mine: ConsoleState.Version, file: Workspace,
    _ source: inout RecordIDs.Source
  ) -> Outcome {
    let fileIDs = RecordIDs(matching: file, against: base.workspace, base.ids, &source)
    var outcome = Outcome(workspace: file, ids: fileIDs, fileIDs: fileIDs)
    let connections = merge(
      base: Array(zip(base.ids.connections, base.workspace.connections)),
      mine: Array(zip(mine.ids.connections, mine.workspace.connections)),
      file: Array(zip(fileIDs.connections, file.connections)), same: ==,
      name: { "connection \($0.code)" },
      &outcome)
    outcome.workspace.connections = connections.map(\.1)
    outcome.ids.connections = connections.map(\.0)
    let spaces = merge(
      base: Array(zip(base.ids.identitySpaces, base.workspace.identitySpaces)),
      mine: Array(zip(mine.ids.identitySpaces, mine.workspace.identitySpaces)),
      file: Array(zip(fileIDs.identitySpaces, file.identitySpaces)), same: ==,
      name: { "identity space \($0.code)" }, &outcome)
    outcome.workspace.identitySpaces = spaces.map(\.1)
    outcome.ids.identitySpaces = spaces.map(\.0)
    let topics = mergeNested(
      base: Side(base.workspace.topics, base.ids.topics, base.ids.channels),
      mine: Side(mine.workspace.topics, mine.ids.topics, mine.ids.channels),
      file: Side(file.topics, fileIDs.topics, fileIDs.channels), children: \.channels,
      name: { "topic \($0.code)" }, childName: { "channel \($0.channel) of \($1.code)" },
      &outcome)
    (outcome.workspace.topics, outcome.ids.topics, outcome.ids.channels) =
      (topics.records, topics.ids, topics.childIDs)
    let properties = mergeNested(
      base: Side(base.workspace.properties, base.ids.properties, base.ids.captures),
      mine: Side(mine.workspace.properties, mine.ids.properties, mine.ids.captures),
      file: Side(file.properties, fileIDs.properties, fileIDs.captures), children: \.identities,
      name: { "property \($0.code)" },
      childName: { "capture \($0.identitySpace) of \($1.code)" }, &outcome)
    (outcome.workspace.properties, outcome.ids.properties, outcome.ids.captures) =
      (properties.records, properties.ids, properties.childIDs)
    if mine.workspace.name != base.workspace.name {
      if file.name == base.workspace.name {
        outcome.workspace.name = mine.workspace.name
        outcome.applied += 1
      } else if file.name != mine.workspace.name {
        outcome.skipped.append("the workspace name: changed in the file too; yours is not applied")
      }
    }
    return outcome
  }

  /// Records with their children and the identities of both.
  private struct Side<T> {
    var records: [T]
    var ids: [RecordID]
    var childIDs: [[RecordID]]

    init(_ records: [T], _ ids: [RecordID], _ childIDs: [[RecordID]]) {
      self.records = records
      self.ids = ids
      self.childIDs = childIDs
    }
  }

  /// Parents merged without their children, then each kept parent's children merged.
  private static func mergeNested<T: Equatable, C: Equatable>(
    base: Side<T>, mine: Side<T>, file: Side<T>, children: WritableKeyPath<T, [C]>,
    name: (T) -> String, childName: (C, T) -> String, _ outcome: inout Outcome
  ) -> Side<T> {
    func bare(_ record: T) -> T {
      var record = record
      record[keyPath: children] = []
      return record
    }
    let parents = merge(
      base: Array(zip(base.ids, base.records)), mine: Array(zip(mine.ids, mine.records)),
      file: Array(zip(file.ids, file.records)), same: { bare($0) == bare($1) },
      apply: { theirs, mine in
        var record = mine
        record[keyPath: children] = theirs[keyPath: children]
        return record
      }, name: name, &outcome)
    var result = Side<T>([], [], [])
    for (id, parent) in parents {
      var record = parent
      var childIDs: [RecordID] = []
      let inBase = base.ids.firstIndex(of: id)
      let inMine = mine.ids.firstIndex(of: id)
      let inFile = file.ids.firstIndex(of: id)
      if let inBase, let inMine, let inFile {
        let merged = merge(
          base: Array(zip(base.childIDs[inBase], base.records[inBase][keyPath: children])),
          mine: Array(zip(mine.childIDs[inMine], mine.records[inMine][keyPath: children])),
          file: Array(zip(file.childIDs[inFile], file.records[inFile][keyPath: children])),
          same: ==, name: { childName($0, parent) }, &outcome)
        record[keyPath: children] = merged.map(\.1)
        childIDs = merged.map(\.0)
      } else if let inFile {
        childIDs = file.childIDs[inFile]
      } else if let inMine {
        childIDs = mine.childIDs[inMine]
      }
      result.records.append(record)
      result.ids.append(id)
      result.childIDs.append(childIDs)
    }
    return result
  }

  /// One list of records by identity: the file's list, in its order, with the edits of
  /// `mine` against `base` made on it; records added in `mine` come last.
  private static func merge<T>(
    base: [(RecordID, T)], mine: [(RecordID, T)], file: [(RecordID, T)],
    same: (T, T) -> Bool, apply: (_ file: T, _ mine: T) -> T = { $1 },
    name: (T) -> String, _ outcome: inout Outcome
  ) -> [(RecordID, T)] {
    let before = Dictionary(base, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(mine, uniquingKeysWith: { first, _ in first })
    var result: [(RecordID, T)] = []
    for (id, theirs) in file {
      guard let old = before[id] else {
        result.append((id, theirs))
        continue
      }
      guard let new = after[id] else {
        if same(theirs, old) {
          outcome.applied += 1
        } else {
          outcome.skipped.append("\(name(old)): deleted here but changed in the file, so kept")
          result.append((id, theirs))
        }
        continue
      }
      if same(new, old) || same(theirs, new) {
        result.append((id, theirs))
      } else if same(theirs, old) {
        result.append((id, apply(theirs, new)))
        outcome.applied += 1
      } else {
        outcome.skipped.append("\(name(new)): changed in the file too; your edit is not applied")
        result.append((id, theirs))
      }
    }
    let inFile = Set(file.map(\.0))
    for (id, new) in mine {
      if let old = before[id] {
        if !inFile.contains(id) && !same(new, old) {
          outcome.skipped.append("\(name(new)): no longer in the file; your edit is not applied")
        }
      } else {
        result.append((id, new))
        outcome.applied += 1
      }
    }
    return result
  }
}
