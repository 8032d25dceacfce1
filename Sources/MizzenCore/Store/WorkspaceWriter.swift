/// Writes a `Workspace` straight to bytes, in exactly the layout `JSONWriter` gives the tree
/// of `WorkspaceCodec.document(for:)`, without building that tree.
///
/// Saving a large workspace is dominated by allocation when a tree is built first; this
/// writer allocates only its output. Tests check that both paths give the same bytes.
struct WorkspaceWriter {
  private var out: [UInt8] = []
  private var depth = 0
  private var needsComma = false

  static func write(_ workspace: Workspace) -> [UInt8] {
    var writer = WorkspaceWriter()
    writer.out.reserveCapacity(4096 + workspace.topics.count * 640)
    writer.workspace(workspace)
    writer.out.append(0x0A)
    return writer.out
  }

  private mutating func workspace(_ workspace: Workspace) {
    open()
    list("connections", workspace.connections) { writer, connection in
      writer.connection(connection)
    }
    field("format", workspace.format)
    list("identitySpaces", workspace.identitySpaces) { writer, space in
      writer.open()
      writer.field("code", space.code)
      if space.marketingPreference { writer.flag("marketingPreference") }
      writer.field("name", space.name)
      writer.field("valueType", space.valueType)
      writer.close()
    }
    field("name", workspace.name)
    list("properties", workspace.properties) { writer, property in
      writer.property(property)
    }
    list("topics", workspace.topics) { writer, topic in
      writer.topic(topic)
    }
    key("version")
    out.append(contentsOf: String(workspace.version).utf8)
    needsComma = true
    close()
  }

  private mutating func connection(_ connection: Connection) {
    open()
    key("apiKey")
    open()
    switch connection.apiKey {
    case .environment(let name): field("env", name)
    case .inline(let value): field("value", value)
    }
    close()
    field("code", connection.code)
    field("endpoint", connection.endpoint)
    list("identityMapping", connection.identityMapping) { writer, mapping in
      writer.open()
      writer.field("brazeField", mapping.brazeField)
      writer.field("identitySpace", mapping.identitySpace)
      writer.close()
    }
    field("name", connection.name)
    close()
  }

  private mutating func property(_ property: Property) {
    open()
    field("code", property.code)
    list("identities", property.identities) { writer, capture in
      writer.open()
      writer.field("encoding", capture.encoding)
      writer.field("format", capture.format)
      writer.field("identitySpace", capture.identitySpace)
      writer.field("key", capture.key)
      writer.field("type", capture.type)
      writer.field("variable", capture.variable)
      writer.close()
    }
    field("name", property.name)
    field("platform", property.platform)
    close()
  }

  private mutating func topic(_ topic: Topic) {
    open()
    list("channels", topic.channels) { writer, channel in
      writer.open()
      writer.field("channel", channel.channel)
      writer.field("connection", channel.connection)
      if channel.doubleOptIn { writer.flag("doubleOptIn") }
      if !channel.subscriptionGroupId.isEmpty {
        writer.field("subscriptionGroupId", channel.subscriptionGroupId)
      }
      if channel.updateExistingOnly { writer.flag("updateExistingOnly") }
      writer.close()
    }
    field("code", topic.code)
    if !topic.description.isEmpty { field("description", topic.description) }
    if !topic.legalBasis.isEmpty { field("legalBasis", topic.legalBasis) }
    field("name", topic.name)
    close()
  }

  // MARK: Layout

  /// A member whose value is `true` (flags are written only when set).
  private mutating func flag(_ name: String) {
    key(name)
    out.append(contentsOf: "true".utf8)
    needsComma = true
  }

  private mutating func open() {
    out.append(UInt8(ascii: "{"))
    depth += 1
    needsComma = false
  }

  private mutating func close() {
    depth -= 1
    JSONWriter.newline(depth, to: &out)
    out.append(UInt8(ascii: "}"))
    needsComma = true
  }

  private mutating func key(_ name: String) {
    if needsComma { out.append(UInt8(ascii: ",")) }
    JSONWriter.newline(depth, to: &out)
    JSONWriter.appendString(name, to: &out)
    out.append(UInt8(ascii: ":"))
    out.append(UInt8(ascii: " "))
    needsComma = false
  }

  private mutating func field(_ name: String, _ value: String) {
    key(name)
    JSONWriter.appendString(value, to: &out)
    needsComma = true
  }

  private mutating func list<Element>(
    _ name: String, _ elements: [Element], _ write: (inout WorkspaceWriter, Element) -> Void
  ) {
    key(name)
    if elements.isEmpty {
      out.append(contentsOf: "[]".utf8)
      needsComma = true
      return
    }
    out.append(UInt8(ascii: "["))
    depth += 1
    for (index, element) in elements.enumerated() {
      if index > 0 { out.append(UInt8(ascii: ",")) }
      JSONWriter.newline(depth, to: &out)
      write(&self, element)
    }
    depth -= 1
    JSONWriter.newline(depth, to: &out)
    out.append(UInt8(ascii: "]"))
    needsComma = true
  }
}
