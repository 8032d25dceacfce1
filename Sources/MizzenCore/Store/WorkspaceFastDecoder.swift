#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes a well-formed workspace file straight from its bytes, without a `JSONValue` tree.
///
/// This is the fast path for the usual file: valid UTF-8, valid JSON, only known keys, each
/// once, the right types. At the first thing it does not expect — a syntax error, a wrong
/// type, an unknown or repeated key, a `\u` escape — it gives up (`nil`), and the caller
/// decodes with `JSONReader` and `WorkspaceDecoder`, which are exact about every error and
/// keep unknown keys. So this path never has to produce a message, only to be right when it
/// succeeds; tests check that both paths agree.
struct WorkspaceFastDecoder {
  private struct GiveUp: Error {}

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  /// Told, before each topic, that the bytes before that offset are decoded.
  private let consumed: ConsumedPages?
  /// How many channels the topic before had: room for as many is made for the next.
  private var channelsBefore = 1

  private init(_ bytes: UnsafeBufferPointer<UInt8>, consumed: ConsumedPages?) {
    self.bytes = bytes
    self.consumed = consumed
  }

  /// The workspace in `bytes`, or nil when the exact path must decide.
  static func decode(_ bytes: [UInt8]) -> Workspace? {
    bytes.withUnsafeBufferPointer { decode($0, consumed: nil) }
  }

  /// Like `decode(_:)`, for a buffer that nobody reads afterwards: when it holds at least
  /// `smallest` bytes, the pages of the topics already decoded are handed back to the
  /// system as the decoder goes (`ConsumedPages`). `released` says whether any was: `bytes`
  /// then reads as zeros there.
  static func decode(
    releasing bytes: inout [UInt8], from smallest: Int = ConsumedPages.smallestReleased
  ) -> (workspace: Workspace?, released: Bool) {
    if bytes.count < smallest { return (decode(bytes), false) }
    return bytes.withUnsafeMutableBufferPointer { buffer in
      let pages = ConsumedPages(buffer)
      return (decode(UnsafeBufferPointer(buffer), consumed: pages), pages.released)
    }
  }

  private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, consumed: ConsumedPages?)
    -> Workspace?
  {
    // No pass over the whole buffer checks its UTF-8: outside strings only ASCII JSON is
    // accepted, and every string is made by `text(_:)`, which gives up on bad UTF-8.
    var decoder = WorkspaceFastDecoder(buffer, consumed: consumed)
    do throws(GiveUp) {
      let workspace = try decoder.workspace()
      decoder.skipWhitespace()
      return decoder.index == buffer.count ? workspace : nil
    } catch {
      return nil
    }
  }

  // MARK: Records

  /// The keys of each kind of object, as `WorkspaceShape` lists them and in its order
  /// (`FastDecoderKeyTests`): a member is handed over as its position, so that matching it
  /// compares no strings.
  enum Keys {
    enum Workspace: Int, CaseIterable {
      case format, version, name, connections, identitySpaces, properties, topics
    }
    enum Connection: Int, CaseIterable { case code, name, endpoint, apiKey, identityMapping }
    enum APIKey: Int, CaseIterable { case env, value }
    enum Mapping: Int, CaseIterable { case identitySpace, brazeField }
    enum IdentitySpace: Int, CaseIterable { case code, name, valueType, marketingPreference }
    enum Capture: Int, CaseIterable { case identitySpace, type, variable, format, key, encoding }
    enum Property: Int, CaseIterable { case code, name, platform, identities }
    enum Channel: Int, CaseIterable {
      case channel, connection, subscriptionGroupId, doubleOptIn, updateExistingOnly
    }
    enum Topic: Int, CaseIterable { case code, name, description, legalBasis, channels }
  }

  private mutating func workspace() throws(GiveUp) -> Workspace {
    skipWhitespace()
    var workspace = Workspace(name: "")
    var formatSeen = false
    var versionSeen = false
    try members(Keys.Workspace.self, WorkspaceShape.workspace) { (decoder, key) throws(GiveUp) in
      switch key {
      case .format:
        guard try decoder.string() == Workspace.formatName else { throw GiveUp() }
        formatSeen = true
      case .version:
        workspace.version = try decoder.integer()
        guard (1...Workspace.currentVersion).contains(workspace.version) else { throw GiveUp() }
        versionSeen = true
      case .name: workspace.name = try decoder.string()
      case .connections:
        workspace.connections = try decoder.list { (decoder) throws(GiveUp) in
          try decoder.connection()
        }
      case .identitySpaces:
        workspace.identitySpaces = try decoder.list { (decoder) throws(GiveUp) in
          try decoder.identitySpace()
        }
      case .properties:
        workspace.properties = try decoder.list { (decoder) throws(GiveUp) in
          try decoder.property()
        }
      case .topics:
        // Each topic decoded where the array keeps it: one returned and appended was copied
        // (a retain per string) and the original destroyed.
        var topics: [Topic] = []
        try decoder.elements { (decoder) throws(GiveUp) in
          decoder.consumed?.release(upTo: decoder.index)
          topics.append(Topic(code: "", name: ""))
          try decoder.topic(into: &topics[topics.count - 1])
        }
        workspace.topics = topics
      }
    }
    guard formatSeen && versionSeen else { throw GiveUp() }
    return workspace
  }

  private mutating func connection() throws(GiveUp) -> Connection {
    var connection = Connection(
      code: "", name: "", endpoint: "", apiKey: .environment(""), identityMapping: [])
    var keySeen = false
    try members(Keys.Connection.self, WorkspaceShape.connection) { (decoder, key) throws(GiveUp) in
      switch key {
      case .code: connection.code = try decoder.string()
      case .name: connection.name = try decoder.string()
      case .endpoint: connection.endpoint = try decoder.string()
      case .apiKey:
        var source: APIKeySource? = nil
        try decoder.members(Keys.APIKey.self, WorkspaceShape.apiKey) {
          (decoder, key) throws(GiveUp) in
          guard source == nil else { throw GiveUp() }
          let text = try decoder.string()
          source = key == .env ? .environment(text) : .inline(text)
        }
        guard let source else { throw GiveUp() }
        connection.apiKey = source
        keySeen = true
      case .identityMapping:
        connection.identityMapping = try decoder.list { (decoder) throws(GiveUp) in
          var mapping = IdentityMapping(identitySpace: "", brazeField: "")
          try decoder.members(Keys.Mapping.self, WorkspaceShape.mapping) {
            (decoder, key) throws(GiveUp) in
            switch key {
            case .identitySpace: mapping.identitySpace = try decoder.string()
            case .brazeField: mapping.brazeField = try decoder.string()
            }
          }
          return mapping
        }
      }
    }
    guard keySeen else { throw GiveUp() }
    return connection
  }

  private mutating func identitySpace() throws(GiveUp) -> IdentitySpace {
    var space = IdentitySpace(code: "", name: "", valueType: "")
    try members(Keys.IdentitySpace.self, WorkspaceShape.identitySpace) {
      (decoder, key) throws(GiveUp) in
      switch key {
      case .code: space.code = try decoder.string()
      case .name: space.name = try decoder.string()
      case .valueType: space.valueType = try decoder.string()
      case .marketingPreference: space.marketingPreference = try decoder.bool()
      }
    }
    return space
  }

  private mutating func property() throws(GiveUp) -> Property {
    var property = Property(code: "", name: "", platform: "")
    try members(Keys.Property.self, WorkspaceShape.property) { (decoder, key) throws(GiveUp) in
      switch key {
      case .code: property.code = try decoder.string()
      case .name: property.name = try decoder.string()
      case .platform: property.platform = try decoder.string()
      case .identities:
        property.identities = try decoder.list { (decoder) throws(GiveUp) in
          var capture = IdentityCapture(identitySpace: "", type: "", variable: "", format: "")
          try decoder.members(Keys.Capture.self, WorkspaceShape.capture) {
            (decoder, key) throws(GiveUp) in
            let text = try decoder.string()
            switch key {
            case .identitySpace: capture.identitySpace = text
            case .type: capture.type = text
            case .variable: capture.variable = text
            case .format: capture.format = text
            case .key: capture.key = text
            case .encoding: capture.encoding = text
            }
          }
          return capture
        }
      }
    }
    return property
  }

  private mutating func topic(into topic: inout Topic) throws(GiveUp) {
    try members(Keys.Topic.self, WorkspaceShape.topic) { (decoder, key) throws(GiveUp) in
      switch key {
      case .code: topic.code = try decoder.string()
      case .name: topic.name = try decoder.string()
      case .description: topic.description = try decoder.string()
      case .legalBasis: topic.legalBasis = try decoder.string()
      case .channels: topic.channels = try decoder.channels()
      }
    }
  }

  /// A topic's channels, in an array made for as many as the topic before had: one
  /// allocation for the usual topic, where appending to an empty array made one for the
  /// first channel and another for the second.
  private mutating func channels() throws(GiveUp) -> [TopicChannel] {
    var channels: [TopicChannel] = []
    channels.reserveCapacity(channelsBefore)
    try elements { (decoder) throws(GiveUp) in
      // Decoded where it is kept: a channel returned and appended was copied, not moved.
      channels.append(TopicChannel(channel: "", connection: ""))
      try decoder.channel(into: &channels[channels.count - 1])
    }
    channelsBefore = max(1, channels.count)
    return channels
  }

  private mutating func channel(into channel: inout TopicChannel) throws(GiveUp) {
    try members(Keys.Channel.self, WorkspaceShape.channel) { (decoder, key) throws(GiveUp) in
      switch key {
      case .channel: channel.channel = try decoder.string()
      case .connection: channel.connection = try decoder.string()
      case .subscriptionGroupId: channel.groupID = try decoder.groupID()
      case .doubleOptIn: channel.doubleOptIn = try decoder.bool()
      case .updateExistingOnly: channel.updateExistingOnly = try decoder.bool()
      }
    }
  }

  // MARK: JSON

  /// Calls `member` for each key of an object, with the decoder at the value. Only keys of
  /// `shape` are accepted, each once (at most 16 keys, tracked in a bit set); each is handed
  /// over as the case of `Key` at its position.
  private mutating func members<Key: RawRepresentable<Int>>(
    _: Key.Type, _ shape: borrowing WorkspaceShape,
    _ member: (inout WorkspaceFastDecoder, Key) throws(GiveUp) -> Void
  ) throws(GiveUp) {
    try expect(UInt8(ascii: "{"))
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    var seen: UInt16 = 0
    var hint = shape.writtenNext[0]
    while true {
      skipWhitespace()
      let position = try knownKey(shape, hint: hint)
      guard seen & (1 << position) == 0, let key = Key(rawValue: position) else { throw GiveUp() }
      seen |= 1 << position
      hint = shape.writtenNext[position + 1]
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      try member(&self, key)
      skipWhitespace()
      if peek() == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"))
      return
    }
  }

  private mutating func list<Element>(
    _ element: (inout WorkspaceFastDecoder) throws(GiveUp) -> Element
  ) throws(GiveUp) -> [Element] {
    var result: [Element] = []
    try elements { (decoder) throws(GiveUp) in result.append(try element(&decoder)) }
    return result
  }

  /// Calls `element` for each element of an array, with the decoder at it.
  private mutating func elements(
    _ element: (inout WorkspaceFastDecoder) throws(GiveUp) -> Void
  ) throws(GiveUp) {
    try expect(UInt8(ascii: "["))
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      try element(&self)
      skipWhitespace()
      if peek() == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"))
      return
    }
  }

  /// The position in `shape.known` of the key at the decoder, read from its bytes: no
  /// `String` is made for a key spelt without escapes, the usual one. `hint` is the position
  /// tried first: the one that follows the key before in the order a written file has
  /// (`WorkspaceShape.writtenNext`), which nearly always matches.
  private mutating func knownKey(_ shape: borrowing WorkspaceShape, hint: Int) throws(GiveUp)
    -> Int
  {
    try expect(UInt8(ascii: "\""))
    let start = index
    // The usual key, spelt as the shape spells it, is matched where it stands: its closing
    // quote, its first eight bytes in one comparison, the next eight in a second, and the
    // rest of a longer key with memcmp.
    if let base = UnsafeRawPointer(bytes.baseAddress), start + 8 <= bytes.count {
      let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      func matches(_ position: Int) -> Bool {
        let length = shape.knownLengths[position]
        let end = start + length
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\""),
          word & WorkspaceShape.lowBytes(length) == shape.knownWords[position]
        else { return false }
        guard length > 8 else { return true }
        guard start + 16 <= bytes.count else {
          return shape.knownBytes[position].withUnsafeBytes { known in
            memcmp(base + start + 8, known.baseAddress! + 8, length - 8) == 0
          }
        }
        // The next eight in one more comparison: memcmp for a few bytes cost more.
        let second = UInt64(
          littleEndian: base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
        guard
          second & WorkspaceShape.lowBytes(length - 8) == shape.knownSecondWords[position]
        else { return false }
        guard length > 16 else { return true }
        return shape.knownBytes[position].withUnsafeBytes { known in
          memcmp(base + start + 16, known.baseAddress! + 16, length - 16) == 0
        }
      }
      if hint >= 0 && matches(hint) {
        index = start + shape.knownLengths[hint] + 1
        return hint
      }
      for position in shape.knownWords.indices where matches(position) {
        index = start + shape.knownLengths[position] + 1
        return position
      }
    }
    skipPlainText()
    guard index < bytes.count else { throw GiveUp() }
    if bytes[index] == UInt8(ascii: "\\") {
      guard let position = shape.known.firstIndex(of: try escapedString(from: start)) else {
        throw GiveUp()
      }
      return position
    }
    guard bytes[index] == UInt8(ascii: "\"") else { throw GiveUp() }
    let key = UnsafeBufferPointer(rebasing: bytes[start..<index])
    index += 1
    var word: UInt64 = 0
    if let base = UnsafeRawPointer(bytes.baseAddress), start + 8 <= bytes.count {
      word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      word &= WorkspaceShape.lowBytes(key.count)
    } else {
      for offset in 0..<min(8, key.count) { word |= UInt64(key[offset]) << (8 * offset) }
    }
    for position in shape.knownWords.indices where shape.knownWords[position] == word {
      let matches = shape.knownBytes[position].withUnsafeBufferPointer { known in
        guard known.count == key.count else { return false }
        for offset in 8..<max(8, key.count) where known[offset] != key[offset] { return false }
        return true
      }
      if matches { return position }
    }
    throw GiveUp()
  }

  private mutating func string() throws(GiveUp) -> String {
    try expect(UInt8(ascii: "\""))
    let start = index
    let ascii = skipPlainText()
    guard index < bytes.count else { throw GiveUp() }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      let bytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
      let text = ascii ? String(decoding: bytes, as: UTF8.self) : try Self.text(bytes)
      index += 1
      return text
    case UInt8(ascii: "\\"): return try escapedString(from: start)
    default: throw GiveUp()
    }
  }

  /// A group id, kept as `GroupIDText` keeps it without a `String` for the usual UUID.
  private mutating func groupID() throws(GiveUp) -> GroupIDText {
    try expect(UInt8(ascii: "\""))
    let start = index
    skipPlainText()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
      index = start - 1
      return GroupIDText(try string())
    }
    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
    index += 1
    if let id = GroupIDText(uuid: text) { return id }
    return GroupIDText(try Self.text(text))
  }

  /// The text of a string's bytes, which must be valid UTF-8.
  private static func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(GiveUp) -> String {
    // Checked here and then decoded: `String(validating:as:)` is generic, and unspecialised
    // it spent more looking up type metadata than validating.
    do throws(JSONSyntaxError) {
      try UTF8Check.validate(bytes)
    } catch {
      throw GiveUp()
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Moves to the first quote, backslash or control character at or after the decoder,
  /// eight bytes at a time (or to the end), and says whether every byte passed was ASCII.
  @discardableResult
  private mutating func skipPlainText() -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var passed: UInt64 = 0
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while index + 8 <= bytes.count {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        // A byte is flagged when zero (quote, backslash) or below 0x20; bytes above the
        // first flagged one may be flagged wrongly, so only the lowest one is trusted.
        let found =
          ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20)
            & ~word)
          & highs
        if found != 0 {
          let stop = found.trailingZeroBitCount / 8
          // The bytes before the stop: a shift by 64 would be zero, not all ones.
          passed |= stop == 0 ? 0 : word & (UInt64.max >> (64 - 8 * UInt64(stop)))
          index += stop
          return passed & highs == 0
        }
        passed |= word
        index += 8
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      passed |= UInt64(byte)
      index += 1
    }
    return passed & highs == 0
  }

  private mutating func escapedString(from start: Int) throws(GiveUp) -> String {
    var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return try buffer.withUnsafeBufferPointer { (text) throws(GiveUp) in
          try Self.text(text)
        }
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw GiveUp() }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape(to: &buffer)
        default: throw GiveUp()
        }
      case 0..<0x20: throw GiveUp()
      default: buffer.append(byte)
      }
    }
    throw GiveUp()
  }

  /// A `\uXXXX` escape outside the surrogate range (the writer's `\u00XX`); surrogate
  /// pairs are left to the exact path.
  private mutating func appendUnicodeEscape(to buffer: inout [UInt8]) throws(GiveUp) {
    guard index + 4 <= bytes.count else { throw GiveUp() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      // Digits are compared as they are: folding case first would read 0x10…0x19 as 0…9.
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw GiveUp()
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    guard let scalar = Unicode.Scalar(value) else { throw GiveUp() }
    buffer.append(contentsOf: String(Character(scalar)).utf8)
  }

  private mutating func integer() throws(GiveUp) -> Int {
    var value = 0
    let start = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"),
      index - start < 9
    {
      value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
      index += 1
    }
    let next = peek()
    let endsNumber =
      next != UInt8(ascii: ".") && next != UInt8(ascii: "e") && next != UInt8(ascii: "E")
      && !(next.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false)
    guard index > start, endsNumber, !(bytes[start] == UInt8(ascii: "0") && index - start > 1)
    else { throw GiveUp() }
    return value
  }

  private mutating func bool() throws(GiveUp) -> Bool {
    for (word, value) in [("true", true), ("false", false)] where peek() == word.utf8.first {
      for expected in word.utf8 { try expect(expected) }
      return value
    }
    throw GiveUp()
  }

  private func peek() -> UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  private mutating func expect(_ byte: UInt8) throws(GiveUp) {
    guard index < bytes.count, bytes[index] == byte else { throw GiveUp() }
    index += 1
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }
}
