/// The rules of properties: how each identity is captured, and whether any property
/// captures the marketing preference identity at all.
enum PropertyRules {
  static func check(
    _ property: Property, at index: Int, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    let spot = NameAndCodeRules.checkRecord(
      kind: "property", code: property.code, name: property.name, collection: .properties,
      index: index, context: context, into: &sink)
    for (position, capture) in property.identities.enumerated() {
      checkCapture(capture, path: { spot.child("identities", position, field: $0) }, context, &sink)
    }
  }

  private static func checkCapture(
    _ capture: IdentityCapture, path: (String) -> ProblemPath, _ context: ValidationContext,
    _ sink: inout ProblemSink
  ) {
    if context.identitySpace(capture.identitySpace) == nil {
      sink.add(
        .captureSpace, path("identitySpace"),
        capture.identitySpace.isEmpty
          ? "Choose the identity space this capture reads."
          : "No identity space has the code \"\(capture.identitySpace)\": choose an existing "
            + "one or create it.")
    }
    let type = capture.captureType
    if type == nil {
      sink.add(
        .captureType, path("type"),
        "\"\(QuotedExcerpt.cut(capture.type))\" is not a capture type: use one of "
          + CaptureType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
    }
    let format = capture.captureFormat
    if format == nil {
      sink.add(
        .captureFormat, path("format"),
        "\"\(QuotedExcerpt.cut(capture.format))\" is not a capture format: use one of "
          + CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
    }
    if capture.captureEncoding == nil {
      sink.add(
        .captureEncoding, path("encoding"),
        "\"\(QuotedExcerpt.cut(capture.encoding))\" is not an encoding: use none or base64.")
    }
    if type != .managedCookie && capture.variable.isEmpty {
      sink.add(
        .captureVariable, path("variable"),
        "Name the variable to read the identity from (e.g. user.email for a data layer, or "
          + "the cookie's name); only managedCookie captures need none.")
    }
    if let format, format.needsKey, capture.key.isEmpty {
      sink.add(
        .captureKey, path("key"),
        "A \(format.rawValue) value holds several fields: name the key that holds the "
          + "identity (e.g. email), or use the string format.")
    }
  }

  /// The preference center is shown only where the marketing preference identity is known.
  /// Only meaningful once topics exist: an empty workspace, as `mizzen init` writes it, stays
  /// clean. With no flagged space the identity-space error already says what to do.
  static func checkCollection(_ workspace: Workspace, into sink: inout ProblemSink) {
    guard !workspace.topics.isEmpty else { return }
    let flagged = workspace.identitySpaces.filter(\.marketingPreference)
    guard !flagged.isEmpty else { return }
    let flaggedCodes = Set(flagged.map(\.code))
    let captured = workspace.properties.contains { property in
      property.identities.contains { flaggedCodes.contains($0.identitySpace) }
    }
    if captured { return }
    let space = flagged[0]
    sink.add(
      .preferenceCenterHidden, ProblemPath(collection: .properties),
      "No property captures the marketing preference identity \"\(space.name)\" "
        + "(\(space.code)), so the preference center would not be shown to anyone: add an "
        + "identity capture of \(space.code) to a property.")
  }
}
