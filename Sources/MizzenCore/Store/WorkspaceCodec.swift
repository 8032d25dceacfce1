/// Turns a `Workspace` into the bytes of SPEC §2's file and back, by a hand-written mapping.
///
/// Writing: keys sorted, two-space indent, a final newline (see `JSONWriter`); optional
/// members are left out when they hold nothing (`marketingPreference` unless true, a
/// topic's empty `description` or `legalBasis`, an empty `subscriptionGroupId`); an identity
/// capture always has all six keys. A file this program wrote decodes and re-encodes to the
/// same bytes.
///
/// Reading is lenient about absent members (a missing string is empty, a missing list is
/// empty, a missing capture `encoding` is `none`) so that such gaps surface as validation
/// problems with a path, and strict about types (`topics[3].channels[0].channel: expected a
/// string, found a number`). Keys the format does not know are accepted and listed in
/// `DecodedWorkspace.unknownKeys`; `WorkspaceStore` writes them back on save.
public enum WorkspaceCodec {
  /// The file's bytes for `workspace`.
  public static func encode(_ workspace: Workspace) -> [UInt8] {
    WorkspaceWriter.write(workspace)
  }

  /// Decodes a whole file: the fast path for a well-formed file with known keys only, else
  /// the exact path, which names what is wrong.
  public static func decode(_ bytes: [UInt8]) throws(WorkspaceCodecError) -> Workspace {
    if let workspace = WorkspaceFastDecoder.decode(bytes) { return workspace }
    return try decodeDocument(bytes).workspace
  }

  /// Decodes a whole file and keeps what is needed to save it again without loss.
  public static func decodeDocument(_ bytes: [UInt8]) throws(WorkspaceCodecError)
    -> DecodedWorkspace
  {
    let document: JSONValue
    do {
      document = try JSONReader.parse(bytes)
    } catch {
      throw WorkspaceCodecError(error)
    }
    var reader = WorkspaceDecoder()
    let workspace = try reader.workspace(document)
    return DecodedWorkspace(
      workspace: workspace, document: document, unknownKeys: reader.unknownKeys)
  }

  /// The JSON tree written for `workspace`. Members are listed in key order already, so
  /// the writer has nothing to sort.
  public static func document(for workspace: Workspace) -> JSONValue {
    .object([
      JSONMember("connections", .array(workspace.connections.map(connection))),
      JSONMember("format", .string(workspace.format)),
      JSONMember("identitySpaces", .array(workspace.identitySpaces.map(identitySpace))),
      JSONMember("name", .string(workspace.name)),
      JSONMember("properties", .array(workspace.properties.map(property))),
      JSONMember("topics", .array(workspace.topics.map(topic))),
      JSONMember("version", .integer(workspace.version)),
    ])
  }

  private static func connection(_ connection: Connection) -> JSONValue {
    let key: JSONMember
    switch connection.apiKey {
    case .environment(let name): key = JSONMember("env", .string(name))
    case .inline(let value): key = JSONMember("value", .string(value))
    }
    return .object([
      JSONMember("apiKey", .object([key])),
      JSONMember("code", .string(connection.code)),
      JSONMember("endpoint", .string(connection.endpoint)),
      JSONMember(
        "identityMapping",
        .array(
          connection.identityMapping.map { mapping in
            .object([
              JSONMember("brazeField", .string(mapping.brazeField)),
              JSONMember("identitySpace", .string(mapping.identitySpace)),
            ])
          })),
      JSONMember("name", .string(connection.name)),
    ])
  }

  private static func identitySpace(_ space: IdentitySpace) -> JSONValue {
    var members = [JSONMember("code", .string(space.code))]
    if space.marketingPreference { members.append(JSONMember("marketingPreference", .bool(true))) }
    members.append(JSONMember("name", .string(space.name)))
    members.append(JSONMember("valueType", .string(space.valueType)))
    return .object(members)
  }

  private static func property(_ property: Property) -> JSONValue {
    .object([
      JSONMember("code", .string(property.code)),
      JSONMember(
        "identities",
        .array(
          property.identities.map { capture in
            .object([
              JSONMember("encoding", .string(capture.encoding)),
              JSONMember("format", .string(capture.format)),
              JSONMember("identitySpace", .string(capture.identitySpace)),
              JSONMember("key", .string(capture.key)),
              JSONMember("type", .string(capture.type)),
              JSONMember("variable", .string(capture.variable)),
            ])
          })),
      JSONMember("name", .string(property.name)),
      JSONMember("platform", .string(property.platform)),
    ])
  }

  private static func topic(_ topic: Topic) -> JSONValue {
    var members: [JSONMember] = []
    members.reserveCapacity(5)
    members.append(JSONMember("channels", .array(topic.channels.map(channel))))
    members.append(JSONMember("code", .string(topic.code)))
    if !topic.description.isEmpty {
      members.append(JSONMember("description", .string(topic.description)))
    }
    if !topic.legalBasis.isEmpty {
      members.append(JSONMember("legalBasis", .string(topic.legalBasis)))
    }
    members.append(JSONMember("name", .string(topic.name)))
    return .object(members)
  }

  private static func channel(_ channel: TopicChannel) -> JSONValue {
    var members = [
      JSONMember("channel", .string(channel.channel)),
      JSONMember("connection", .string(channel.connection)),
    ]
    if channel.doubleOptIn { members.append(JSONMember("doubleOptIn", .bool(true))) }
    if !channel.subscriptionGroupId.isEmpty {
      members.append(JSONMember("subscriptionGroupId", .string(channel.subscriptionGroupId)))
    }
    if channel.updateExistingOnly {
      members.append(JSONMember("updateExistingOnly", .bool(true)))
    }
    return .object(members)
  }
}

/// A decoded file: the workspace, the parsed document, and the keys the program ignored.
public struct DecodedWorkspace: Sendable {
  public var workspace: Workspace
  /// The parsed file, kept so that unknown keys can be written back.
  public var document: JSONValue
  /// Paths of keys the format does not define, e.g. `topics[2].owner`, in file order.
  public var unknownKeys: [String]
}
