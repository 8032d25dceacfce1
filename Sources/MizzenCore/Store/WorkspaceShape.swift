/// The keys the format knows, per kind of object, and how records in lists are matched.
///
/// Shared by decoding (to list keys the program does not know) and by saving (to carry
/// those keys over from the file that was read, so that a file written by a newer minor
/// edition or edited by hand loses nothing when this program saves it).
struct WorkspaceShape: Sendable {
  /// Every key this program reads and writes for the object.
  let known: [String]
  /// The key whose value identifies an element of a list across edits, e.g. `code`.
  let identity: String?
  /// The shapes of nested objects (`apiKey`) and of the elements of nested lists.
  let children: [String: WorkspaceShape]

  init(known: [String], identity: String? = nil, children: [String: WorkspaceShape] = [:]) {
    self.known = known
    self.identity = identity
    self.children = children
  }

  static let apiKey = WorkspaceShape(known: ["env", "value"])
  static let mapping = WorkspaceShape(
    known: ["identitySpace", "brazeField"], identity: "identitySpace")
  static let connection = WorkspaceShape(
    known: ["code", "name", "endpoint", "apiKey", "identityMapping"], identity: "code",
    children: ["apiKey": apiKey, "identityMapping": mapping])
  static let identitySpace = WorkspaceShape(
    known: ["code", "name", "valueType", "marketingPreference"], identity: "code")
  static let capture = WorkspaceShape(
    known: ["identitySpace", "type", "variable", "format", "key", "encoding"],
    identity: "identitySpace")
  static let property = WorkspaceShape(
    known: ["code", "name", "platform", "identities"], identity: "code",
    children: ["identities": capture])
  static let channel = WorkspaceShape(
    known: [
      "channel", "connection", "subscriptionGroupId", "doubleOptIn", "updateExistingOnly",
    ], identity: "channel")
  static let topic = WorkspaceShape(
    known: ["code", "name", "description", "legalBasis", "channels"], identity: "code",
    children: ["channels": channel])
  static let workspace = WorkspaceShape(
    known: ["format", "version", "name", "connections", "identitySpaces", "properties", "topics"],
    children: [
      "connections": connection, "identitySpaces": identitySpace, "properties": property,
      "topics": topic,
    ])

  func knows(_ key: String) -> Bool { known.contains(key) }

  /// `new` with every member of `old` that this shape does not know added back, recursively.
  /// List elements are paired by their identity key; a record whose code changed, or that
  /// is new, has nothing to carry.
  func carryUnknownMembers(from old: JSONValue, into new: JSONValue) -> JSONValue {
    switch (old, new) {
    case (.object(let oldMembers), .object(var newMembers)):
      for (index, member) in newMembers.enumerated() {
        guard let shape = children[member.key], let oldValue = old[member.key] else { continue }
        newMembers[index].value = shape.carryElements(from: oldValue, into: member.value)
      }
      for member in oldMembers where !knows(member.key) {
        if !newMembers.contains(where: { $0.key == member.key }) { newMembers.append(member) }
      }
      return .object(newMembers)
    default:
      return new
    }
  }

  private func carryElements(from old: JSONValue, into new: JSONValue) -> JSONValue {
    guard case .array(let oldElements) = old, case .array(var newElements) = new else {
      return carryUnknownMembers(from: old, into: new)
    }
    guard let identity else { return new }
    var byIdentity: [String: [Int]] = [:]
    for (index, element) in oldElements.enumerated() {
      if case .string(let key)? = element[identity] { byIdentity[key, default: []].append(index) }
    }
    for (index, element) in newElements.enumerated() {
      guard case .string(let key)? = element[identity], var matches = byIdentity[key],
        !matches.isEmpty
      else { continue }
      let oldIndex = matches.removeFirst()
      byIdentity[key] = matches
      newElements[index] = carryUnknownMembers(from: oldElements[oldIndex], into: element)
    }
    return .array(newElements)
  }
}
