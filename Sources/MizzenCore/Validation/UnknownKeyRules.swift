/// The keys of a workspace file that the format does not define, each reported as a warning
/// at its path, with a "did you mean" when a key of the format is close.
///
/// The decoders accept such keys and a save writes them back (`WorkspaceShape`), so a
/// misspelt `subscriptionGroupID` would otherwise be ignored without a word. They are read
/// from the file's parsed document, which its `FileRevision` keeps exactly when the file
/// has such keys, and each is placed on the record it belongs to, found by code the way a
/// save pairs them: so the warnings follow the records while the console edits them, and a
/// key that the next save would not keep (its record was deleted) is no longer reported.
enum UnknownKeyRules {
  /// How each kind of object is named in messages.
  private static let kinds: [String: String] = [
    "": "the workspace", "connections": "a connection", "apiKey": "an apiKey",
    "identityMapping": "an identityMapping entry", "identitySpaces": "an identity space",
    "properties": "a property", "identities": "an identity capture", "topics": "a topic",
    "channels": "a channel entry",
  ]

  /// The unknown keys of `document` (the file `workspace` was read from), in file order.
  static func check(
    _ document: JSONValue, in workspace: Workspace, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    guard case .object(let members) = document else { return }
    let shape = WorkspaceShape.workspace
    for member in members where !shape.knows(member.key) {
      report(
        member.key, at: ProblemPath(field: QuotedExcerpt.cut(member.key)), in: "", shape, &sink)
    }
    for collection in ProblemPath.Collection.allCases {
      guard let recordShape = shape.children[collection.rawValue],
        case .array(let elements)? = document[collection.rawValue]
      else { continue }
      let codes = RecordCodes(workspace, collection)
      for (position, element) in elements.enumerated() {
        guard case .object(let recordMembers) = element,
          let index = codes.index(of: identity(element, "code"), near: position)
        else { continue }
        let code = codes.code(at: index)
        let spot = RecordSpot(
          collection: collection, index: index,
          key: context.recordKey(collection, code, at: index, indexedCode: code))
        checkRecord(recordMembers, recordShape, spot, workspace, &sink)
      }
    }
  }

  private static func checkRecord(
    _ members: [JSONMember], _ shape: WorkspaceShape, _ spot: RecordSpot,
    _ workspace: Workspace, _ sink: inout ProblemSink
  ) {
    let kind = spot.collection.rawValue
    for member in members {
      guard let childShape = shape.children[member.key] else {
        if !shape.knows(member.key) {
          report(member.key, at: spot.path(QuotedExcerpt.cut(member.key)), in: kind, shape, &sink)
        }
        continue
      }
      switch member.value {
      case .object(let inner):
        for key in inner.map(\.key) where !childShape.knows(key) {
          let field = member.key + "." + QuotedExcerpt.cut(key)
          report(key, at: spot.path(field), in: member.key, childShape, &sink)
        }
      case .array(let children):
        let identities = childIdentities(workspace, spot, member.key)
        let codes = RecordCodes(codes: identities)
        for (position, child) in children.enumerated() {
          guard case .object(let childMembers) = child,
            let index = codes.index(of: identity(child, childShape.identity ?? ""), near: position)
          else { continue }
          let key = member.key == "channels" ? channelKey(identities, index) : nil
          for childMember in childMembers where !childShape.knows(childMember.key) {
            let path = spot.child(
              member.key, index, key: key, field: QuotedExcerpt.cut(childMember.key))
            report(childMember.key, at: path, in: member.key, childShape, &sink)
          }
        }
      default: continue
      }
    }
  }

  private static func report(
    _ key: String, at path: ProblemPath, in kind: String, _ shape: WorkspaceShape,
    _ sink: inout ProblemSink
  ) {
    let quoted = "\"\(QuotedExcerpt.cut(key))\" is not a key of \(kinds[kind] ?? "this object")"
    let advice =
      suggestion(for: key, among: shape.known).map { "did you mean \($0)?" }
      ?? "remove it, or use one of " + shape.known.joined(separator: ", ") + "."
    sink.add(
      .keyUnknown, path, "\(quoted), so Mizzen ignores it (and keeps it when saving): \(advice)")
  }

  /// The known key `key` was probably meant to be: one that differs only in case, else one
  /// within one edit (keys of up to 4 letters) or two edits (longer ones), a swap of two
  /// neighbouring letters counting as one edit.
  static func suggestion(for key: String, among known: [String]) -> String? {
    let lowered = key.lowercased()
    if let same = known.first(where: { $0.lowercased() == lowered }) { return same }
    guard key.count <= 64 else { return nil }
    let typed = Array(lowered)
    var best: (key: String, distance: Int)? = nil
    for candidate in known {
      let allowed = candidate.count <= 4 ? 1 : 2
      let distance = editDistance(typed, Array(candidate.lowercased()))
      if distance <= allowed && distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.key
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
  /// neighbours each cost one.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }

  private static func identity(_ element: JSONValue, _ key: String) -> String {
    if case .string(let value)? = element[key] { return value }
    return ""
  }

  /// The identities of a record's nested list as the workspace holds it now.
  private static func childIdentities(_ workspace: Workspace, _ spot: RecordSpot, _ list: String)
    -> [String]
  {
    switch (spot.collection, list) {
    case (.connections, "identityMapping"):
      return workspace.connections[spot.index].identityMapping.map(\.identitySpace)
    case (.properties, "identities"):
      return workspace.properties[spot.index].identities.map(\.identitySpace)
    case (.topics, "channels"):
      return workspace.topics[spot.index].channels.map(\.channel)
    default:
      return []
    }
  }

  /// A channel entry is named by its channel when that is valid and alone in its topic.
  private static func channelKey(_ channels: [String], _ index: Int) -> String? {
    let channel = channels[index]
    guard CodeGenerator.isValid(channel), channels.count(where: { $0 == channel }) == 1 else {
      return nil
    }
    return channel
  }
}

/// The codes of one list of the workspace, to find where an element of the file now is.
private struct RecordCodes {
  private let codes: [String]
  private var first: [String: Int] = [:]

  init(codes: [String]) {
    self.codes = codes
    for (index, code) in codes.enumerated() where first[code] == nil { first[code] = index }
  }

  init(_ workspace: Workspace, _ collection: ProblemPath.Collection) {
    switch collection {
    case .connections: self.init(codes: workspace.connections.map(\.code))
    case .identitySpaces: self.init(codes: workspace.identitySpaces.map(\.code))
    case .properties: self.init(codes: workspace.properties.map(\.code))
    case .topics: self.init(codes: workspace.topics.map(\.code))
    }
  }

  func code(at index: Int) -> String { codes[index] }

  /// The element that has `code`: the one at `position` when it does (a file read as it
  /// is), else the first one with it; nil when none has it any more.
  func index(of code: String, near position: Int) -> Int? {
    if codes.indices.contains(position) && codes[position] == code { return position }
    return first[code]
  }
}
