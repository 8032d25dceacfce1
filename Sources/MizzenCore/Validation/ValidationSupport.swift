/// Collects problems in the order they are found, which is the file's order.
struct ProblemSink {
  var problems: [Problem] = []

  mutating func add(_ rule: ValidationRule, _ path: ProblemPath, _ message: String) {
    problems.append(rule.problem(path, message))
  }
}

/// One record being validated: where it is, and how paths name it.
struct RecordSpot {
  let collection: ProblemPath.Collection
  let index: Int
  /// The record's code when that names it without doubt, else nil so the index is shown.
  let key: String?

  /// The path of the record itself, or of one of its fields.
  func path(_ field: String? = nil) -> ProblemPath {
    ProblemPath(collection: collection, recordIndex: index, recordKey: key, field: field)
  }

  /// The path of an element of one of the record's nested lists, or of one of its fields.
  func child(_ list: String, _ index: Int, key: String? = nil, field: String? = nil)
    -> ProblemPath
  {
    ProblemPath(
      collection: collection, recordIndex: self.index, recordKey: self.key, childList: list,
      childIndex: index, childKey: key, field: field)
  }

  /// How messages name the record: `topic "Weekly news"`, falling back to its position.
  static func describe(_ kind: String, name: String, index: Int) -> String {
    let trimmed = name.trimmingSpaces
    return trimmed.isEmpty ? "\(kind) #\(index + 1)" : "\(kind) \"\(QuotedExcerpt.cut(trimmed))\""
  }
}

/// A set of channels, as bits, so that "which channels can this connection serve" is one
/// integer per connection.
struct ChannelSet: Sendable {
  private var bits: UInt8 = 0

  /// The channels at least one usable mapping entry can serve: its Braze field is valid and
  /// accepted by the channel, and its identity space exists.
  init(servedBy mapping: [IdentityMapping], spaceExists: (String) -> Bool) {
    for entry in mapping {
      guard let field = entry.field, spaceExists(entry.identitySpace) else { continue }
      for channel in Channel.allCases where channel.acceptedFields.contains(field) {
        insert(channel)
      }
    }
  }

  mutating func insert(_ channel: Channel) { bits |= Self.bit(channel) }

  func contains(_ channel: Channel) -> Bool { bits & Self.bit(channel) != 0 }

  private static func bit(_ channel: Channel) -> UInt8 {
    switch channel {
    case .email: return 1
    case .sms: return 2
    case .whatsapp: return 4
    case .push: return 8
    }
  }
}

/// Subscription group ids: their expected shape and how they are compared.
enum GroupIDs {
  /// Whether a channel's group id is indexed for the "shared" rule: the channel uses a
  /// group and has an id. The index compares ids lower-cased (`sameKey`).
  static func isIndexed(_ channel: TopicChannel) -> Bool {
    withUnsafePointer(to: channel) { isIndexed($0) }
  }

  /// `isIndexed(_:)` of the channel where it is kept: the index reads every channel of a
  /// workspace, and one passed by value was copied for the call.
  static func isIndexed(_ channel: UnsafePointer<TopicChannel>) -> Bool {
    !channel.pointee.groupID.isEmpty && channel.pointee.kind?.usesSubscriptionGroup == true
  }

  /// Whether two ids are indexed under the same key: equal once lower-cased.
  static func sameKey(_ lhs: GroupIDText, _ rhs: GroupIDText) -> Bool {
    // Lower-casing outside ASCII can meet ASCII (the Kelvin sign is a K): such text is
    // compared as Swift compares strings.
    if lhs.hasNonASCII || rhs.hasNonASCII { return normalised(lhs.text) == normalised(rhs.text) }
    return lhs.equalsIgnoringASCIICase(rhs)
  }

  /// UUIDs are case-insensitive; lower-casing only when needed keeps the common case cheap.
  static func normalised(_ id: String) -> String {
    id.withUTF8Bytes { bytes in
      bytes.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
    } ? id.lowercased() : id
  }

  /// A loose 8-4-4-4-12 hexadecimal check; Braze does not promise the shape, hence a warning.
  static func looksLikeUUID(_ id: GroupIDText) -> Bool {
    if id.isLowerCaseUUID { return true }
    return id.withUTF8Bytes { bytes in
      guard bytes.count == GroupIDText.uuidLength else { return false }
      for offset in 0..<bytes.count {
        let byte = bytes[offset]
        if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
          if byte != UInt8(ascii: "-") { return false }
        } else if !isHexDigit(byte) {
          return false
        }
      }
      return true
    }
  }

  /// True when two ids are equal once ASCII letters are lower-cased, without allocating.
  static func sameID(_ lhs: GroupIDText, _ rhs: GroupIDText) -> Bool {
    lhs.equalsIgnoringASCIICase(rhs)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
  }
}

extension String {
  /// Runs `body` over the string's UTF-8 bytes: in place for native strings (the common
  /// case, and much faster than iterating `utf8`), else over a copy.
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// Without leading and trailing spaces and tabs; Foundation-free so the hot path stays lean.
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return self[start...end]
  }
}

extension ProblemPath.Collection {
  /// The collection's name in messages.
  var plural: String {
    switch self {
    case .connections: return "connections"
    case .identitySpaces: return "identity spaces"
    case .properties: return "properties"
    case .topics: return "topics"
    }
  }
}
