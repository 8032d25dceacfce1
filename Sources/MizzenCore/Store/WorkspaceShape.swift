/// The workspace format's one description: per kind of object, each key with its JSON
/// type and whether the schema requires it, the shapes of nested objects, and how records
/// in lists are matched.
///
/// The other spellings of the format are checked against it (`FormatDriftTests`): both
/// decoders (`WorkspaceDecoder`, `WorkspaceFastDecoder`) read every key here and refuse or
/// list any other, both writers (`WorkspaceWriter`, `WorkspaceCodec.document(for:)` through
/// `JSONWriter`) write exactly these keys with these types, and `WorkspaceSchema` declares
/// the same keys, types and required keys. Change the format here first; the test names
/// what else must follow.
///
/// Also used by decoding (to list keys the program does not know) and by saving (to carry
/// those keys over from the file that was read, so that a file written by a newer minor
/// edition or edited by hand loses nothing when this program saves it).
struct WorkspaceShape: Sendable {
  /// The JSON type of a key's value.
  enum ValueType: String, Sendable {
    case string, boolean, integer, object, array
  }

  /// One key of an object.
  struct Field: Sendable {
    let name: String
    let type: ValueType
    /// Listed in the schema's `required` (the program itself reads a missing key as empty).
    let required: Bool
  }

  /// Every key this program reads and writes for the object, in the format's order.
  let fields: [Field]
  /// The key whose value identifies an element of a list across edits, e.g. `code`.
  let identity: String?
  /// The shapes of nested objects (`apiKey`) and of the elements of nested lists.
  let children: [String: WorkspaceShape]

  /// The keys of `fields`, kept apart because decoding looks them up for every member.
  let known: [String]
  /// `known` in UTF-8, for the fast decoder to match a key's bytes in the file.
  let knownBytes: [[UInt8]]
  /// The first eight bytes of each of `knownBytes` as a little-endian word, zero-padded:
  /// one comparison rules out nearly every other key.
  let knownWords: [UInt64]
  /// Bytes 8 to 15 of each of `knownBytes` likewise, zero where the key is shorter.
  let knownSecondWords: [UInt64]
  /// The length in bytes of each of `knownBytes`.
  let knownLengths: [Int]
  /// The keys in the order a written file has them (sorted, as `JSONWriter` writes them),
  /// as positions in `known`: `writtenNext[0]` is the first, `writtenNext[p + 1]` the one
  /// after position `p` (-1 after the last). The fast decoder tries it first.
  let writtenNext: [Int]

  init(_ fields: [Field], identity: String? = nil, children: [String: WorkspaceShape] = [:]) {
    self.fields = fields
    // Closures, not key paths: a key path used as a function is projected at run time.
    self.known = fields.map { $0.name }
    self.knownBytes = fields.map { Array($0.name.utf8) }
    self.knownWords = knownBytes.map { Self.word($0, from: 0) }
    self.knownSecondWords = knownBytes.map { Self.word($0, from: 8) }
    self.knownLengths = knownBytes.map { $0.count }
    let bytes = knownBytes
    let written = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
    var next = [Int](repeating: -1, count: knownBytes.count + 1)
    var previous = -1
    for position in written {
      next[previous + 1] = position
      previous = position
    }
    self.writtenNext = next
    self.identity = identity
    self.children = children
  }

  /// Bytes `offset` to `offset + 7` of `bytes` as a little-endian word, zero past the end.
  /// A plain loop: `prefix(8).enumerated().reduce` instantiated its generic types by name
  /// when the first workspace was read, a part of every command's start.
  private static func word(_ bytes: [UInt8], from offset: Int) -> UInt64 {
    var word: UInt64 = 0
    for index in offset..<max(offset, min(offset + 8, bytes.count)) {
      word |= UInt64(bytes[index]) << (8 * (index - offset))
    }
    return word
  }

  /// The mask that keeps the first `count` bytes of a little-endian word (all of them from
  /// eight up).
  static func lowBytes(_ count: Int) -> UInt64 {
    count >= 8 ? .max : (1 << (8 * UInt64(count))) - 1
  }

  private static func required(_ name: String, _ type: ValueType = .string) -> Field {
    Field(name: name, type: type, required: true)
  }

  private static func optional(_ name: String, _ type: ValueType = .string) -> Field {
    Field(name: name, type: type, required: false)
  }

  /// Exactly one of the two keys (the schema's `oneOf`), so neither is required alone.
  static let apiKey = WorkspaceShape([optional("env"), optional("value")])
  static let mapping = WorkspaceShape(
    [required("identitySpace"), required("brazeField")], identity: "identitySpace")
  static let connection = WorkspaceShape(
    [
      required("code"), required("name"), required("endpoint"), required("apiKey", .object),
      required("identityMapping", .array),
    ], identity: "code", children: ["apiKey": apiKey, "identityMapping": mapping])
  static let identitySpace = WorkspaceShape(
    [
      required("code"), required("name"), required("valueType"),
      optional("marketingPreference", .boolean),
    ], identity: "code")
  static let capture = WorkspaceShape(
    [
      required("identitySpace"), required("type"), optional("variable"), required("format"),
      optional("key"), optional("encoding"),
    ], identity: "identitySpace")
  static let property = WorkspaceShape(
    [required("code"), required("name"), optional("platform"), optional("identities", .array)],
    identity: "code", children: ["identities": capture])
  static let channel = WorkspaceShape(
    [
      required("channel"), required("connection"), optional("subscriptionGroupId"),
      optional("doubleOptIn", .boolean), optional("updateExistingOnly", .boolean),
    ], identity: "channel")
  static let topic = WorkspaceShape(
    [
      required("code"), required("name"), optional("description"), optional("legalBasis"),
      optional("channels", .array),
    ], identity: "code", children: ["channels": channel])
  static let workspace = WorkspaceShape(
    [
      required("format"), required("version", .integer), required("name"),
      required("connections", .array), required("identitySpaces", .array),
      required("properties", .array), required("topics", .array),
    ],
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
