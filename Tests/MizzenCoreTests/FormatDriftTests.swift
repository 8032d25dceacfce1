import Testing

@testable import MizzenCore

/// `WorkspaceShape` is the one description of the workspace format; the schema, both
/// writers and both decoders are checked against it, so that a change to any one of them
/// alone fails here and names what else must follow.
@Suite struct FormatDriftTests {
  /// A workspace in which every optional member is set, so that every key is written:
  /// one connection per kind of API key source.
  static let full = Workspace(
    name: "Full",
    connections: [
      Connection(
        code: "us", name: "US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("KEY_US"),
        identityMapping: [IdentityMapping(identitySpace: "email", brazeField: "email")]),
      Connection(
        code: "eu", name: "EU", endpoint: "https://rest.fra-01.braze.eu",
        apiKey: .inline("inline-key"),
        identityMapping: [IdentityMapping(identitySpace: "id", brazeField: "external_id")]),
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email", valueType: "email", marketingPreference: true)
    ],
    properties: [
      Property(
        code: "web", name: "Web", platform: "web",
        identities: [
          IdentityCapture(
            identitySpace: "email", type: "cookie", variable: "c", format: "json", key: "k",
            encoding: "base64")
        ])
    ],
    topics: [
      Topic(
        code: "news", name: "News", description: "Letters", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            channel: "sms", connection: "us", subscriptionGroupId: "g",
            doubleOptIn: true, updateExistingOnly: true)
        ])
    ])

  // MARK: Schema

  @Test func theSchemaDeclaresTheShapesKeysTypesAndRequiredKeys() throws {
    let schema = try JSONReader.parse(Array(WorkspaceSchema.text.utf8))
    let definitions = try #require(schema["$defs"])
    var problems: [String] = []
    Self.compare(schema, WorkspaceShape.workspace, "", definitions, &problems)
    #expect(
      problems.isEmpty, "schema and WorkspaceShape differ:\n\(problems.joined(separator: "\n"))")
  }

  private static func compare(
    _ schema: JSONValue, _ shape: WorkspaceShape, _ path: String, _ definitions: JSONValue,
    _ problems: inout [String]
  ) {
    // An object with `oneOf` (the API key) offers the union of its branches' keys, and
    // requires only what every branch requires.
    let branches: [JSONValue]
    if case .array(let options)? = schema["oneOf"] {
      branches = options
    } else {
      branches = [schema]
    }
    var properties: [String: JSONValue] = [:]
    var required: Set<String>?
    for branch in branches {
      if case .object(let members)? = branch["properties"] {
        for member in members { properties[member.key] = member.value }
      }
      var names = Set<String>()
      if case .array(let list)? = branch["required"] {
        for case .string(let name) in list { names.insert(name) }
      }
      required = required.map { $0.intersection(names) } ?? names
      if branch["additionalProperties"] != .bool(false) {
        problems.append("\(path): the schema allows keys the format does not define")
      }
    }
    let place = path.isEmpty ? "the workspace" : path
    let shapeKeys = Set(shape.known)
    for extra in Set(properties.keys).subtracting(shapeKeys).sorted() {
      problems.append("\(place): the schema declares \"\(extra)\", the shape does not")
    }
    for field in shape.fields {
      let fieldPath = path.isEmpty ? field.name : path + "." + field.name
      guard let property = properties[field.name] else {
        problems.append("\(fieldPath): in the shape, not in the schema")
        continue
      }
      let resolved = resolve(property, definitions)
      let type = jsonType(resolved)
      if type != field.type.rawValue {
        problems.append(
          "\(fieldPath): the shape says \(field.type), the schema \(type ?? "nothing")")
      }
      if (required ?? []).contains(field.name) != field.required {
        problems.append("\(fieldPath): required \(field.required) in the shape, not in the schema")
      }
      guard let child = shape.children[field.name] else {
        if field.type == .object || field.type == .array {
          problems.append("\(fieldPath): the shape has no child shape for it")
        }
        continue
      }
      let element =
        field.type == .array ? resolved["items"].map { resolve($0, definitions) } : resolved
      guard let element else {
        problems.append("\(fieldPath): the schema does not say what its elements are")
        continue
      }
      compare(element, child, fieldPath, definitions, &problems)
    }
  }

  private static func resolve(_ schema: JSONValue, _ definitions: JSONValue) -> JSONValue {
    guard case .string(let reference)? = schema["$ref"] else { return schema }
    let name = String(reference.dropFirst("#/$defs/".count))
    return definitions[name].map { resolve($0, definitions) } ?? schema
  }

  private static func jsonType(_ schema: JSONValue) -> String? {
    if case .string(let type)? = schema["type"] { return type }
    if schema["oneOf"] != nil { return "object" }
    let sample: JSONValue?
    if case .array(let values)? = schema["enum"] {
      sample = values.first
    } else {
      sample = schema["const"]
    }
    switch sample {
    case .string?: return "string"
    case .integer?: return "integer"
    case .bool?: return "boolean"
    default: return nil
    }
  }

  // MARK: Writers

  @Test func bothWritersWriteExactlyTheShapesKeysWithItsTypes() throws {
    let bytes = WorkspaceWriter.write(Self.full)
    #expect(
      bytes == JSONWriter.write(WorkspaceCodec.document(for: Self.full)),
      "WorkspaceWriter and WorkspaceCodec.document(for:) write different bytes")
    var seen: [String: Set<String>] = [:]
    var problems: [String] = []
    Self.collect(try JSONReader.parse(bytes), WorkspaceShape.workspace, "", &seen, &problems)
    Self.collectShapes(WorkspaceShape.workspace, "") { path, shape in
      let written = seen[path] ?? []
      for missing in Set(shape.known).subtracting(written).sorted() {
        problems.append("\(path.isEmpty ? "workspace" : path): \"\(missing)\" is never written")
      }
    }
    #expect(
      problems.isEmpty, "writers and WorkspaceShape differ:\n\(problems.joined(separator: "\n"))")
  }

  /// The fast decoder tries first the key that follows the one before in the order the
  /// writers write (`WorkspaceShape.writtenNext`); that order must be theirs, or every key
  /// of a written file would take the slow way.
  @Test func theWrittenOrderIsTheWritersOrder() throws {
    var problems: [String] = []
    func walk(_ value: JSONValue, _ shape: WorkspaceShape, _ path: String) {
      guard case .object(let members) = value else { return }
      var expected = shape.writtenNext[0]
      for member in members {
        guard let position = shape.known.firstIndex(of: member.key) else { continue }
        // A key left out (an API key has `env` or `value`) is skipped along the chain.
        while expected >= 0 && expected != position { expected = shape.writtenNext[expected + 1] }
        if expected != position {
          problems.append("\(path.isEmpty ? "workspace" : path): \(member.key) out of order")
        }
        expected = shape.writtenNext[position + 1]
        guard let child = shape.children[member.key] else { continue }
        let childPath = path.isEmpty ? member.key : path + "." + member.key
        if case .array(let elements) = member.value {
          for element in elements { walk(element, child, childPath) }
        } else {
          walk(member.value, child, childPath)
        }
      }
    }
    walk(try JSONReader.parse(WorkspaceWriter.write(Self.full)), WorkspaceShape.workspace, "")
    #expect(problems.isEmpty, "\(problems)")
    Self.collectShapes(WorkspaceShape.workspace, "") { path, shape in
      var visited: [Int] = []
      var position = shape.writtenNext[0]
      while position >= 0 {
        visited.append(position)
        position = shape.writtenNext[position + 1]
      }
      #expect(visited.sorted() == Array(shape.known.indices), "\(path): the chain misses keys")
    }
  }

  private static func collect(
    _ value: JSONValue, _ shape: WorkspaceShape, _ path: String,
    _ seen: inout [String: Set<String>], _ problems: inout [String]
  ) {
    guard case .object(let members) = value else {
      problems.append("\(path): written as \(value.kindDescription), not an object")
      return
    }
    for member in members {
      let memberPath = path.isEmpty ? member.key : path + "." + member.key
      guard let field = shape.fields.first(where: { $0.name == member.key }) else {
        problems.append("\(memberPath): written, but not in the shape")
        continue
      }
      seen[path, default: []].insert(member.key)
      if Self.type(of: member.value) != field.type {
        problems.append(
          "\(memberPath): written as \(member.value.kindDescription), not \(field.type)")
      }
      guard let child = shape.children[member.key] else { continue }
      if case .array(let elements) = member.value {
        for element in elements { collect(element, child, memberPath, &seen, &problems) }
      } else {
        collect(member.value, child, memberPath, &seen, &problems)
      }
    }
  }

  static func collectShapes(
    _ shape: WorkspaceShape, _ path: String, _ visit: (String, WorkspaceShape) -> Void
  ) {
    visit(path, shape)
    for field in shape.fields {
      guard let child = shape.children[field.name] else { continue }
      collectShapes(child, path.isEmpty ? field.name : path + "." + field.name, visit)
    }
  }

  private static func type(of value: JSONValue) -> WorkspaceShape.ValueType? {
    switch value {
    case .string: .string
    case .bool: .boolean
    case .integer: .integer
    case .object: .object
    case .array: .array
    case .double, .null: nil
    }
  }

  // MARK: Decoders

  /// Every key of the shape is read by both decoders: changing its value in the full file
  /// changes what both decode (or both refuse it), and both agree.
  @Test func bothDecodersReadEveryKeyOfTheShape() throws {
    let document = try JSONReader.parse(WorkspaceWriter.write(Self.full))
    var checked = 0
    for (path, changed) in Self.changes(of: document, WorkspaceShape.workspace) {
      let bytes = JSONWriter.write(changed)
      let exact = try? WorkspaceCodec.decodeDocument(bytes)
      let fast = WorkspaceFastDecoder.decode(bytes)
      #expect(exact?.workspace != Self.full, "the exact decoder ignores \(path)")
      #expect(fast != Self.full, "the fast decoder ignores \(path)")
      #expect(fast == exact?.workspace, "the decoders read \(path) differently")
      checked += 1
    }
    var keys = 0
    Self.collectShapes(WorkspaceShape.workspace, "") { _, shape in keys += shape.fields.count }
    // Every key but `version`, which has one valid value.
    #expect(checked == keys - 1)
  }

  /// Nothing else is read: a key outside the shape, on any kind of object, makes the fast
  /// decoder give up and the exact decoder list it as unknown.
  @Test func bothDecodersKeepOutKeysOutsideTheShape() throws {
    let document = try JSONReader.parse(WorkspaceWriter.write(Self.full))
    var paths: [String] = []
    Self.collectShapes(WorkspaceShape.workspace, "") { path, _ in paths.append(path) }
    for path in paths {
      let changed = Self.edit(
        document, WorkspaceShape.workspace, Array(path.split(separator: ".").map(String.init))
      ) {
        value in
        guard case .object(var members) = value else { return value }
        members.append(JSONMember("zzUnknown", .string("x")))
        return .object(members)
      }
      let bytes = JSONWriter.write(changed)
      #expect(
        WorkspaceFastDecoder.decode(bytes) == nil, "the fast decoder accepts \(path).zzUnknown")
      let exact = try WorkspaceCodec.decodeDocument(bytes)
      #expect(exact.workspace == Self.full, "an unknown key at \(path) changes the workspace")
      #expect(
        exact.unknownKeys.count >= 1 && exact.unknownKeys.allSatisfy { $0.hasSuffix("zzUnknown") })
    }
  }

  /// The document with one key's value changed, for each key the shape has (but `version`).
  private static func changes(
    of document: JSONValue, _ shape: WorkspaceShape
  ) -> [(String, JSONValue)] {
    var result: [(String, JSONValue)] = []
    collectShapes(shape, "") { path, child in
      let steps = path.split(separator: ".").map(String.init)
      for field in child.fields where field.name != "version" {
        let changed = edit(document, shape, steps) { value in
          guard case .object(var members) = value,
            let index = members.firstIndex(where: { $0.key == field.name })
          else { return value }
          switch members[index].value {
          case .string(let text): members[index].value = .string(text + "2")
          case .bool(let flag): members[index].value = .bool(!flag)
          case .array: members[index].value = .array([])
          case .object(let inner):
            members[index].value = .object(inner.map { JSONMember($0.key, .string("other")) })
          default: break
          }
          return .object(members)
        }
        result.append(((path.isEmpty ? "" : path + ".") + field.name, changed))
      }
    }
    return result
  }

  /// `document` with `change` applied to every object at `steps` (a path of keys, through
  /// every element of each list on the way).
  static func edit(
    _ value: JSONValue, _ shape: WorkspaceShape, _ steps: [String],
    _ change: (JSONValue) -> JSONValue
  ) -> JSONValue {
    guard let step = steps.first else { return change(value) }
    guard case .object(var members) = value,
      let index = members.firstIndex(where: { $0.key == step }),
      let child = shape.children[step]
    else { return value }
    let rest = Array(steps.dropFirst())
    if case .array(let elements) = members[index].value {
      members[index].value = .array(elements.map { edit($0, child, rest, change) })
    } else {
      members[index].value = edit(members[index].value, child, rest, change)
    }
    return .object(members)
  }
}
