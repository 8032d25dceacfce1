/// Maps a parsed document onto `Workspace`, naming the JSON path of anything of the wrong
/// type and collecting the keys the format does not define.
struct WorkspaceDecoder {
  private(set) var unknownKeys: [String] = []

  mutating func workspace(_ document: JSONValue) throws(WorkspaceCodecError) -> Workspace {
    guard case .object(let members) = document else {
      throw WorkspaceCodecError(
        kind: .invalidValue,
        message: "the file holds \(document.kindDescription), but a workspace is a JSON object")
    }
    try checkFormat(document)
    let version = try checkVersion(document)
    note(members, shape: .workspace, path: "")
    return Workspace(
      format: Workspace.formatName, version: version,
      name: try Self.string(document, "name", ""),
      connections: try Self.list(document, "connections", "") {
        (value, path) throws(WorkspaceCodecError) in
        try connection(value, path)
      },
      identitySpaces: try Self.list(document, "identitySpaces", "") {
        (value, path) throws(WorkspaceCodecError) in
        try identitySpace(value, path)
      },
      properties: try Self.list(document, "properties", "") {
        (value, path) throws(WorkspaceCodecError) in
        try property(value, path)
      },
      topics: try Self.list(document, "topics", "") { (value, path) throws(WorkspaceCodecError) in
        try topic(value, path)
      })
  }

  private func checkFormat(_ document: JSONValue) throws(WorkspaceCodecError) {
    let formatName = Workspace.formatName
    switch document["format"] {
    case .string(let format)? where format == formatName: return
    case .string(let format)?:
      throw WorkspaceCodecError(
        kind: .unknownFormat,
        message: "the file's format is \"\(QuotedExcerpt.cut(format))\", not \"\(formatName)\": "
          + "it is not a Mizzen workspace, so it is not opened")
    case nil:
      throw WorkspaceCodecError(
        kind: .unknownFormat,
        message: "the file has no \"format\": \"\(formatName)\" member: "
          + "it is not a Mizzen workspace, so it is not opened")
    case let other?:
      throw WorkspaceCodecError(
        kind: .unknownFormat,
        message: "format: expected the string \"\(formatName)\", found \(other.kindDescription)")
    }
  }

  private func checkVersion(_ document: JSONValue) throws(WorkspaceCodecError) -> Int {
    let current = Workspace.currentVersion
    switch document["version"] {
    case .integer(let version)? where version > current:
      throw WorkspaceCodecError(
        kind: .newerVersion,
        message: "the file is format version \(version), written by a newer Mizzen; this one "
          + "knows version \(current) only: update mizzen to open it")
    case .integer(let version)? where version >= 1:
      return version
    case .integer(let version)?:
      throw WorkspaceCodecError.invalid("version", "\(version) is not a valid version (use 1)")
    case nil:
      throw WorkspaceCodecError.invalid("version", "missing (add \"version\": \(current))")
    case let other?:
      throw WorkspaceCodecError.invalid(
        "version", "expected a whole number, found \(other.kindDescription)")
    }
  }

  // MARK: Records

  private mutating func connection(_ value: JSONValue, _ path: String)
    throws(WorkspaceCodecError) -> Connection
  {
    let members = try Self.object(value, path)
    note(members, shape: .connection, path: path)
    return Connection(
      code: try Self.string(value, "code", path), name: try Self.string(value, "name", path),
      endpoint: try Self.string(value, "endpoint", path), apiKey: try apiKey(value["apiKey"], path),
      identityMapping: try Self.list(value, "identityMapping", path) {
        (mapping, mappingPath) throws(WorkspaceCodecError) in
        note(try Self.object(mapping, mappingPath), shape: .mapping, path: mappingPath)
        return IdentityMapping(
          identitySpace: try Self.string(mapping, "identitySpace", mappingPath),
          brazeField: try Self.string(mapping, "brazeField", mappingPath))
      })
  }

  private mutating func apiKey(_ value: JSONValue?, _ parent: String)
    throws(WorkspaceCodecError) -> APIKeySource
  {
    let path = Self.join(parent, "apiKey")
    let shape = "expected {\"env\": \"NAME\"} or {\"value\": \"KEY\"}"
    guard let value else { throw .invalid(path, "missing; \(shape)") }
    guard case .object(let members) = value else {
      throw .invalid(path, "\(shape), found \(value.kindDescription)")
    }
    note(members, shape: .apiKey, path: path)
    switch (value["env"], value["value"]) {
    case (.string(let name)?, nil): return .environment(name)
    case (nil, .string(let key)?): return .inline(key)
    case (.some, .some): throw .invalid(path, "has both \"env\" and \"value\"; keep one")
    case (let env?, nil): throw .invalid(Self.join(path, "env"), Self.expected("a string", env))
    case (nil, let inline?):
      throw .invalid(Self.join(path, "value"), Self.expected("a string", inline))
    case (nil, nil): throw .invalid(path, shape)
    }
  }

  private mutating func identitySpace(_ value: JSONValue, _ path: String)
    throws(WorkspaceCodecError) -> IdentitySpace
  {
    note(try Self.object(value, path), shape: .identitySpace, path: path)
    var marketing = false
    switch value["marketingPreference"] {
    case nil: break
    case .bool(let flag)?: marketing = flag
    case let other?:
      throw .invalid(Self.join(path, "marketingPreference"), Self.expected("true or false", other))
    }
    return IdentitySpace(
      code: try Self.string(value, "code", path), name: try Self.string(value, "name", path),
      valueType: try Self.string(value, "valueType", path), marketingPreference: marketing)
  }

  private mutating func property(_ value: JSONValue, _ path: String)
    throws(WorkspaceCodecError) -> Property
  {
    note(try Self.object(value, path), shape: .property, path: path)
    return Property(
      code: try Self.string(value, "code", path), name: try Self.string(value, "name", path),
      platform: try Self.string(value, "platform", path),
      identities: try Self.list(value, "identities", path) {
        (capture, capturePath) throws(WorkspaceCodecError) in
        note(try Self.object(capture, capturePath), shape: .capture, path: capturePath)
        return IdentityCapture(
          identitySpace: try Self.string(capture, "identitySpace", capturePath),
          type: try Self.string(capture, "type", capturePath),
          variable: try Self.string(capture, "variable", capturePath),
          format: try Self.string(capture, "format", capturePath),
          key: try Self.string(capture, "key", capturePath),
          encoding: try Self.string(capture, "encoding", capturePath, default: "none"))
      })
  }

  private mutating func topic(_ value: JSONValue, _ path: String)
    throws(WorkspaceCodecError) -> Topic
  {
    note(try Self.object(value, path), shape: .topic, path: path)
    return Topic(
      code: try Self.string(value, "code", path), name: try Self.string(value, "name", path),
      description: try Self.string(value, "description", path),
      legalBasis: try Self.string(value, "legalBasis", path),
      channels: try Self.list(value, "channels", path) {
        (channel, channelPath) throws(WorkspaceCodecError) in
        note(try Self.object(channel, channelPath), shape: .channel, path: channelPath)
        return TopicChannel(
          channel: try Self.string(channel, "channel", channelPath),
          connection: try Self.string(channel, "connection", channelPath),
          subscriptionGroupId: try Self.string(channel, "subscriptionGroupId", channelPath),
          doubleOptIn: try Self.flag(channel, "doubleOptIn", channelPath),
          updateExistingOnly: try Self.flag(channel, "updateExistingOnly", channelPath))
      })
  }

  // MARK: Helpers

  private static func object(_ value: JSONValue, _ path: String) throws(WorkspaceCodecError)
    -> [JSONMember]
  {
    guard case .object(let members) = value else {
      throw .invalid(path, Self.expected("an object", value))
    }
    return members
  }

  /// An optional `true`/`false` member; absent is false.
  private static func flag(_ object: JSONValue, _ key: String, _ path: String)
    throws(WorkspaceCodecError) -> Bool
  {
    switch object[key] {
    case nil: return false
    case .bool(let flag)?: return flag
    case let other?: throw .invalid(Self.join(path, key), Self.expected("true or false", other))
    }
  }

  private static func string(
    _ object: JSONValue, _ key: String, _ path: String, default fallback: String = ""
  ) throws(WorkspaceCodecError) -> String {
    switch object[key] {
    case nil: return fallback
    case .string(let text)?: return text
    case let other?: throw .invalid(Self.join(path, key), Self.expected("a string", other))
    }
  }

  private static func list<Element>(
    _ object: JSONValue, _ key: String, _ path: String,
    _ element: (JSONValue, String) throws(WorkspaceCodecError) -> Element
  ) throws(WorkspaceCodecError) -> [Element] {
    let listPath = Self.join(path, key)
    switch object[key] {
    case nil: return []
    case .array(let values)?:
      var result: [Element] = []
      result.reserveCapacity(values.count)
      for (index, value) in values.enumerated() {
        result.append(try element(value, "\(listPath)[\(index)]"))
      }
      return result
    case let other?: throw .invalid(listPath, Self.expected("an array", other))
    }
  }

  private mutating func note(_ members: [JSONMember], shape: WorkspaceShape, path: String) {
    for member in members where !shape.knows(member.key) {
      unknownKeys.append(Self.join(path, member.key))
    }
  }

  private static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
  }

  private static func expected(_ what: String, _ found: JSONValue) -> String {
    "expected \(what), found \(found.kindDescription)"
  }
}
