/// The rules of one connection: name and code, endpoint, API key source, identity mapping.
enum ConnectionRules {
  static func check(
    _ connection: Connection, at index: Int, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    let spot = NameAndCodeRules.checkRecord(
      kind: "connection", code: connection.code, name: connection.name,
      collection: .connections, index: index, context: context, into: &sink)
    EndpointRules.check(connection.endpoint, at: spot.path("endpoint"), into: &sink)
    checkAPIKey(connection, at: spot.path("apiKey"), into: &sink)
    checkMapping(connection, spot: spot, context: context, into: &sink)
  }

  private static func checkAPIKey(
    _ connection: Connection, at path: ProblemPath, into sink: inout ProblemSink
  ) {
    let suggestion = suggestedVariable(for: connection.code)
    switch connection.apiKey {
    case .environment(let name) where name.isEmpty:
      sink.add(
        .apiKeyEnvMissing, path,
        "Name the environment variable that holds this connection's REST API key, e.g. "
          + "{\"env\": \"\(suggestion)\"}.")
    case .environment(let name) where !isEnvironmentName(name):
      sink.add(
        .apiKeyEnvInvalid, path,
        "\"\(QuotedExcerpt.cut(name))\" is not a valid environment variable name: use letters, digits and _, "
          + "not starting with a digit, e.g. \(suggestion).")
    case .environment:
      break
    case .inline(let key) where key.isEmpty:
      sink.add(
        .apiKeyEmpty, path,
        "The inline API key is empty: put the key in an environment variable and use "
          + "{\"env\": \"\(suggestion)\"}.")
    case .inline:
      // The key itself never appears in a message: problems are printed and journaled.
      sink.add(
        .apiKeyInline, path,
        "The REST API key is stored in the workspace file (Mizzen saves it mode 0600), where it can "
          + "leak through backups or git: export it as \(suggestion) and use "
          + "{\"env\": \"\(suggestion)\"} instead.")
    }
  }

  private static func checkMapping(
    _ connection: Connection, spot: RecordSpot, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    let mapping = connection.identityMapping
    if mapping.isEmpty {
      sink.add(
        .mappingEmpty, spot.path("identityMapping"),
        "Add at least one identity mapping (an identity space sent as external_id, email or "
          + "phone), or no signal can name a Braze user.")
      return
    }
    var seen: [String: Int] = [:]
    for (position, entry) in mapping.enumerated() {
      let field = entry.field
      if field == nil {
        sink.add(
          .mappingField, spot.child("identityMapping", position, field: "brazeField"),
          "\"\(QuotedExcerpt.cut(entry.brazeField))\" is not a Braze identifier field: use external_id, email "
            + "or phone.")
      }
      let space = context.identitySpace(entry.identitySpace)
      if space == nil {
        sink.add(
          .mappingSpace, spot.child("identityMapping", position, field: "identitySpace"),
          entry.identitySpace.isEmpty
            ? "Choose the identity space this mapping entry sends."
            : "No identity space has the code \"\(entry.identitySpace)\": choose an existing "
              + "one or create it.")
      }
      let pair = entry.identitySpace + "\u{0}" + entry.brazeField
      if let earlier = seen[pair] {
        sink.add(
          .mappingDuplicate, spot.child("identityMapping", position),
          "This entry repeats identityMapping[\(earlier)] (\(entry.identitySpace) → "
            + "\(entry.brazeField)) and is never used: remove it.")
      } else {
        seen[pair] = position
      }
      if let field, let type = space?.type, !fits(type, field) {
        sink.add(
          .mappingTypeMismatch, spot.child("identityMapping", position, field: "brazeField"),
          "The identity space \"\(entry.identitySpace)\" holds \(type.rawValue) values but is "
            + "sent as Braze's \(field.rawValue), which Braze would reject: send it as "
            + "\(suggestedField(for: type).rawValue) or choose another space.")
      }
    }
  }

  /// Email spaces go to email or external_id, phone spaces to phone or external_id, id
  /// spaces only to external_id.
  private static func fits(_ type: IdentityValueType, _ field: BrazeField) -> Bool {
    switch field {
    case .externalID: return true
    case .email: return type == .email
    case .phone: return type == .phone
    }
  }

  private static func suggestedField(for type: IdentityValueType) -> BrazeField {
    switch type {
    case .email: return .email
    case .phone: return .phone
    case .id: return .externalID
    }
  }

  /// `^[A-Za-z_][A-Za-z0-9_]*$`, the portable shell variable name.
  static func isEnvironmentName(_ name: String) -> Bool {
    guard let first = name.utf8.first, !isDigit(first) else { return false }
    return name.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "_") }
  }

  /// `BRAZE_US_API_KEY` for the connection `braze_us`.
  static func suggestedVariable(for code: String) -> String {
    let base = CodeGenerator.isValid(code) ? code.uppercased() : "BRAZE"
    let prefixed = base.hasPrefix("BRAZE") ? base : "BRAZE_" + base
    return prefixed + "_API_KEY"
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
