/// A record's identity for the session: given when the workspace is loaded or the record is
/// created, kept by edits, undo and redo, and matched by content when the file is read
/// again. A code cannot serve, since a broken file can repeat one, and a position cannot,
/// since it moves when an earlier record is deleted or comes back. A channel's or
/// capture's identity is unique among its parent's children, where it is looked up.
public struct RecordID: Hashable, Sendable, CustomStringConvertible {
  let serial: Int

  public var description: String { "#\(serial)" }
}

/// One record of the workspace, top-level or nested, by identity. Screens, forms and
/// dialogs hold these; the record's position is looked up (`RecordIDs.position`) each time
/// it is needed, so it is never stale.
public enum RecordRef: Hashable, Sendable {
  case connection(RecordID)
  case topic(RecordID)
  case channel(topic: RecordID, id: RecordID)
  case identitySpace(RecordID)
  case property(RecordID)
  case capture(property: RecordID, id: RecordID)

  /// The record kind in the singular, for messages ("channel").
  var noun: String {
    switch self {
    case .connection: return "connection"
    case .topic: return "topic"
    case .channel: return "channel"
    case .identitySpace: return "identity space"
    case .property: return "property"
    case .capture: return "identity capture"
    }
  }

  /// The section that lists the record, or its topic or property for a nested one, and
  /// the identity of the record listed there.
  var listed: (section: Section, id: RecordID) {
    switch self {
    case .connection(let id): return (.connections, id)
    case .topic(let id), .channel(let id, _): return (.topics, id)
    case .identitySpace(let id): return (.identitySpaces, id)
    case .property(let id), .capture(let id, _): return (.properties, id)
    }
  }

  /// The record's own identity.
  var id: RecordID {
    switch self {
    case .connection(let id), .topic(let id), .identitySpace(let id), .property(let id):
      return id
    case .channel(_, let id), .capture(_, let id):
      return id
    }
  }
}
