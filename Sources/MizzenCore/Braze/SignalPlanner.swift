/// Turns a signal into the Braze calls that carry it (SPEC §4), or explains why it cannot.
///
/// Planning is pure and cheap (no I/O, no global tables) so that the console can re-plan
/// on every keystroke of the test-send form and show the exact request before sending.
public enum SignalPlanner {
  /// The plan for `signal`: the send call, then a verify call when `verify` is true.
  ///
  /// The identifier is the first entry of the connection's identity mapping whose
  /// identity space has a value in the signal and whose Braze field the channel accepts.
  public static func plan(_ signal: Signal, in workspace: Workspace, verify: Bool = false)
    throws(SignalPlanError) -> SignalPlan
  {
    let (topicIndex, topic) = try findTopic(signal.topic, in: workspace)
    guard let topicChannel = topic.channel(signal.channel), let kind = topicChannel.kind else {
      let offered = topic.channels.map(\.channel).joined(separator: ", ")
      throw SignalPlanError(
        .unknownChannel,
        "Topic '\(topic.code)' has no channel '\(signal.channel)'"
          + (offered.isEmpty ? "; add a channel to it first." : "; it offers: \(offered)."),
        path: ProblemPath(collection: .topics, recordIndex: topicIndex, recordKey: topic.code))
    }
    guard let state = signal.state else {
      throw SignalPlanError(
        .missingState,
        "Choose the person's choice, granted or denied; nothing is sent without an explicit "
          + "choice.")
    }
    let channelPath = ProblemPath(
      collection: .topics, recordIndex: topicIndex, recordKey: topic.code,
      childList: "channels", childKey: topicChannel.channel)
    let connection = try findConnection(topicChannel.connection, from: channelPath, in: workspace)
    let base = try baseURL(connection)
    if let problem = APIKeyResolver.sourceProblem(connection.apiKey, connection: connection.code) {
      throw problem
    }
    let groupID = topicChannel.subscriptionGroupId
    if kind.usesSubscriptionGroup && groupID.isEmpty {
      var path = channelPath
      path.field = "subscriptionGroupId"
      throw SignalPlanError(
        .missingGroupID,
        "The \(kind.label) channel of topic '\(topic.code)' has no Braze subscription group "
          + "id. Copy it from Braze (Audience > Subscriptions) into the channel.",
        path: path)
    }
    let (space, field, value) = try chooseIdentity(signal, kind: kind, connection, workspace)

    var requests: [PlannedRequest]
    var notes: [String] = []
    if kind.usesSubscriptionGroup {
      requests = [
        BrazeRequestBuilder.statusSet(
          base: base, groupID: groupID, state: state, field: field, value: value)
      ]
      if verify {
        requests.append(
          BrazeRequestBuilder.statusGet(
            .verify, base: base, groupID: groupID, field: field, value: value,
            expected: state.expectedGroupStatus))
      }
    } else {
      requests = [
        BrazeRequestBuilder.pushTrack(base: base, state: state, field: field, value: value)
      ]
      if verify {
        requests.append(
          BrazeRequestBuilder.pushExport(base: base, state: state, field: field, value: value))
        notes.append(
          "Push has no subscription group, so /subscription/status/get cannot read it back; "
            + "the verify call reads push_subscribe with /users/export/ids, which needs the "
            + "users.export.ids permission.")
      }
    }
    return SignalPlan(
      signal: signal, state: state, connection: connection.code, keySource: connection.apiKey,
      identitySpace: space, identityValue: value, brazeField: field,
      subscriptionGroupId: kind.usesSubscriptionGroup ? groupID : "", requests: requests,
      notes: notes)
  }

  /// The read-only check of a connection: `GET /subscription/status/get` for `probeID`, an
  /// external id nobody has, on the first subscription group mapped to the connection.
  public static func checkConnection(
    _ code: String, in workspace: Workspace, probeID: String = randomProbeID()
  ) throws(SignalPlanError) -> ConnectionCheckPlan {
    guard let connection = workspace.connection(code) else {
      let known = workspace.connections.map(\.code).joined(separator: ", ")
      throw SignalPlanError(
        .unknownConnection,
        "There is no connection '\(code)'"
          + (known.isEmpty ? "; the workspace has none yet." : "; known: \(known)."))
    }
    let base = try baseURL(connection)
    if let problem = APIKeyResolver.sourceProblem(connection.apiKey, connection: code) {
      throw problem
    }
    for topic in workspace.topics {
      for channel in topic.channels
      where channel.connection == code && channel.kind?.usesSubscriptionGroup == true
        && !channel.subscriptionGroupId.isEmpty
      {
        let request = BrazeRequestBuilder.statusGet(
          .check, base: base, groupID: channel.subscriptionGroupId, field: .externalID,
          value: probeID, expected: nil)
        return ConnectionCheckPlan(
          connection: code, keySource: connection.apiKey, topic: topic.code,
          channel: channel.channel, subscriptionGroupId: channel.subscriptionGroupId,
          request: request)
      }
    }
    throw SignalPlanError(
      .noGroupForCheck,
      "No email, SMS or WhatsApp channel with a subscription group id is mapped to connection "
        + "'\(code)'. The check reads a subscription group, so map one first (push has no "
        + "group to read).",
      path: ProblemPath(collection: .connections, recordKey: code))
  }

  /// An external id that no real profile has, for the connection check.
  public static func randomProbeID() -> String {
    "mizzen-check-" + String(UInt64.random(in: .min ... .max), radix: 16)
  }

  private static func findTopic(_ code: String, in workspace: Workspace)
    throws(SignalPlanError) -> (Int, Topic)
  {
    let topics = workspace.topics
    for index in topics.indices where topics[index].code == code {
      return (index, topics[index])
    }
    throw SignalPlanError(
      .unknownTopic,
      "There is no topic '\(code)' in this workspace. Check the code (codes are lower case, "
        + "e.g. weekly_newsletter).")
  }

  private static func findConnection(
    _ code: String, from path: ProblemPath, in workspace: Workspace
  ) throws(SignalPlanError) -> Connection {
    if let connection = workspace.connection(code) { return connection }
    var fieldPath = path
    fieldPath.field = "connection"
    throw SignalPlanError(
      .unknownConnection,
      "The channel is mapped to connection '\(code)', which does not exist. Pick an existing "
        + "connection for the channel.",
      path: fieldPath)
  }

  private static func baseURL(_ connection: Connection) throws(SignalPlanError) -> String {
    let path = ProblemPath(
      collection: .connections, recordKey: connection.code, field: "endpoint")
    guard let endpoint = EndpointURL(connection.endpoint) else {
      throw SignalPlanError(
        .badEndpoint,
        "The endpoint '\(connection.endpoint)' of connection '\(connection.code)' is not an "
          + "https:// URL. Pick your Braze instance, e.g. https://rest.iad-01.braze.com.",
        path: path)
    }
    guard endpoint.scheme == "https" || endpoint.isLoopback else {
      throw SignalPlanError(
        .insecureEndpoint,
        "The endpoint of connection '\(connection.code)' uses plain http:// to "
          + "\(endpoint.host); the API key would travel unencrypted. Use https:// (plain "
          + "http:// is only for the local sandbox on 127.0.0.1).",
        path: path)
    }
    return endpoint.base
  }

  private static func chooseIdentity(
    _ signal: Signal, kind: Channel, _ connection: Connection, _ workspace: Workspace
  ) throws(SignalPlanError) -> (String, BrazeField, String) {
    for space in signal.identities.keys where workspace.identitySpace(space) == nil {
      throw SignalPlanError(
        .unknownIdentitySpace,
        "There is no identity space '\(space)'; known: "
          + workspace.identitySpaces.map(\.code).joined(separator: ", ") + ".")
    }
    var servable: [String] = []
    for entry in connection.identityMapping {
      guard let field = entry.field, kind.acceptedFields.contains(field) else { continue }
      guard let value = signal.identities[entry.identitySpace], !value.isEmpty else {
        servable.append(entry.identitySpace)
        continue
      }
      if let reason = identityProblem(value, field: field) {
        throw SignalPlanError(
          .malformedIdentity,
          "The \(entry.identitySpace) value '\(value)' \(reason); Braze would refuse it as "
            + "\(field.rawValue).")
      }
      return (entry.identitySpace, field, value)
    }
    let mappingPath = ProblemPath(
      collection: .connections, recordKey: connection.code, childList: "identityMapping")
    let accepted = kind.acceptedFields.map(\.rawValue).joined(separator: " or ")
    guard !servable.isEmpty else {
      throw SignalPlanError(
        .mappingCannotServeChannel,
        "The identity mapping of connection '\(connection.code)' cannot serve \(kind.label): "
          + "\(kind.label) takes \(accepted), and the mapping sends none of them. Add a "
          + "mapping entry for one of those fields.",
        path: mappingPath)
    }
    throw SignalPlanError(
      .missingIdentity,
      "The signal has no value for "
        + servable.map { "'\($0)'" }.joined(separator: " or ")
        + ", which connection '\(connection.code)' needs to reach a person on \(kind.label). "
        + "Give one, e.g. --identity \(servable[0])=VALUE.")
  }

  private static func identityProblem(_ value: String, field: BrazeField) -> String? {
    switch field {
    case .email:
      return IdentitySyntax.emailProblem(value)
    case .phone:
      return IdentitySyntax.isE164(value)
        ? nil
        : "is not an E.164 phone number (+, country code and number, 7 to 15 digits, "
          + "e.g. +14155550123)"
    case .externalID:
      return IdentitySyntax.externalIDProblem(value)
    }
  }
}
