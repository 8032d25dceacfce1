/// The rules of identity spaces: each one's value type, and the marketing preference
/// identity, which exactly one space must be once topics exist.
enum IdentitySpaceRules {
  static func check(
    _ space: IdentitySpace, at index: Int, context: ValidationContext,
    into sink: inout ProblemSink
  ) {
    let spot = NameAndCodeRules.checkRecord(
      kind: "identity space", code: space.code, name: space.name, collection: .identitySpaces,
      index: index, context: context, into: &sink)
    if space.type == nil {
      sink.add(
        .valueTypeInvalid, spot.path("valueType"),
        (space.valueType.isEmpty
          ? "The value type is missing"
          : "\"\(QuotedExcerpt.cut(space.valueType))\" is not a value type")
          + ": use email, phone (E.164, e.g. +14155550123) or id.")
    }
    if space.marketingPreference,
      let other = context.marketingSpaces.first(where: { $0 != index })
    {
      sink.add(
        .marketingMultiple, spot.path("marketingPreference"),
        "Only one identity space can be the marketing preference identity, and "
          + "\(context.recordPath(.identitySpaces, other)) is one too: unmark all but one.")
    }
  }

  /// Problems of the identity spaces as a whole (no single record is at fault).
  static func checkCollection(_ workspace: Workspace, into sink: inout ProblemSink) {
    guard !workspace.topics.isEmpty,
      !workspace.identitySpaces.contains(where: \.marketingPreference)
    else { return }
    let path = ProblemPath(collection: .identitySpaces)
    let message =
      workspace.identitySpaces.isEmpty
      ? "Topics exist but there is no identity space: create one (e.g. an email address) and "
        + "mark it as the marketing preference identity."
      : "No identity space is marked as the marketing preference identity, which the "
        + "preference center needs: mark exactly one (usually the email address)."
    sink.add(.marketingMissing, path, message)
  }
}
