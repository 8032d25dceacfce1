/// Turns a signal into the Braze calls that carry it (SPEC §4, §8), or explains why it cannot.
///
/// v1 or v2 follows one rule (`SignalRoute`, docs/braze-calls.md): a call that sets exactly
/// one email or SMS group for one identifier is v1 `/subscription/status/set`; every other
/// group change — WhatsApp (documented on v2 only) or several groups in one call, as a
/// send to every channel of a topic makes — is v2 `/v2/subscription/status/set`; push is
/// `/users/track`. The plan carries the reason, and the previews show it.
///
/// Planning is pure (no I/O, no global tables). The static `plan(_:in:verify:)` looks
/// records up by scanning, which suits a one-off plan; an instance made once per workspace
/// change keeps code → position tables, so that the console can re-plan on every
/// keystroke of the test-send form, even with tens of thousands of topics.
public struct SignalPlanner: Sendable {
  public let workspace: Workspace
  let topicIndex: [String: Int]
  let connectionIndex: [String: Int]

  /// Indexes `workspace`'s topics and connections by code (the first of duplicate codes
  /// wins, as in a scan).
  public init(workspace: Workspace) {
    self.workspace = workspace
    var topics: [String: Int] = [:]
    topics.reserveCapacity(workspace.topics.count)
    for (index, topic) in workspace.topics.enumerated() where topics[topic.code] == nil {
      topics[topic.code] = index
    }
    var connections: [String: Int] = [:]
    for (index, connection) in workspace.connections.enumerated()
    where connections[connection.code] == nil {
      connections[connection.code] = index
    }
    topicIndex = topics
    connectionIndex = connections
  }

  /// The plan for `signal` in the indexed workspace; see `plan(_:in:verify:)`.
  public func plan(_ signal: Signal, verify: Bool = false) throws(SignalPlanError) -> SignalPlan {
    try Self.plan(
      signal, in: workspace, verify: verify, topicAt: { topicIndex[$0] },
      connectionAt: { connectionIndex[$0] })
  }

  /// The plan for `signal`: the send call, then a verify call when `verify` is true.
  ///
  /// The identifier is the first entry of the connection's identity mapping whose
  /// identity space has a value in the signal and whose Braze field the channel accepts.
  public static func plan(_ signal: Signal, in workspace: Workspace, verify: Bool = false)
    throws(SignalPlanError) -> SignalPlan
  {
    try plan(
      signal, in: workspace, verify: verify,
      topicAt: { scan(workspace.topics, for: $0) },
      connectionAt: { scan(workspace.connections, for: $0) })
  }

  static func plan(
    _ signal: Signal, in workspace: Workspace, verify: Bool, topicAt: (String) -> Int?,
    connectionAt: (String) -> Int?
  ) throws(SignalPlanError) -> SignalPlan {
    let (topicIndex, topic) = try findTopic(signal, in: workspace, topicAt: topicAt)
    guard let topicChannel = topic.channel(signal.channel), topicChannel.kind != nil else {
      let offered = topic.channels.map(\.channel).joined(separator: ", ")
      throw SignalPlanError(
        .unknownChannel,
        "Topic '\(topic.code)' has no channel '\(signal.channel)'"
          + (offered.isEmpty ? "; add a channel to it first." : "; it offers: \(offered)."),
        path: ProblemPath(collection: .topics, recordIndex: topicIndex, recordKey: topic.code))
    }
    let state = try requireState(signal)
    let target = try self.target(
      topicChannel, of: topic, at: topicIndex, signal: signal, in: workspace,
      connectionAt: connectionAt)
    return call([target], signal: signal, state: state, verify: verify)
  }

  static func findTopic(
    _ signal: Signal, in workspace: Workspace, topicAt: (String) -> Int?
  ) throws(SignalPlanError) -> (Int, Topic) {
    guard let topicIndex = topicAt(signal.topic) else {
      throw SignalPlanError(
        .unknownTopic,
        "There is no topic '\(signal.topic)' in this workspace. Check the code (codes are "
          + "lower case, e.g. weekly_newsletter).")
    }
    return (topicIndex, workspace.topics[topicIndex])
  }

  static func requireState(_ signal: Signal) throws(SignalPlanError) -> SignalState {
    guard let state = signal.state else {
      throw SignalPlanError(
        .missingState,
        "Choose the person's choice, granted or denied; nothing is sent without an explicit "
          + "choice.")
    }
    return state
  }

  /// Everything one channel's send needs, checked: its connection, endpoint, key source,
  /// group id and the identity its connection's mapping picks for the signal.
  static func target(
    _ topicChannel: TopicChannel, of topic: Topic, at topicIndex: Int, signal: Signal,
    in workspace: Workspace, connectionAt: (String) -> Int?
  ) throws(SignalPlanError) -> ChannelTarget {
    let kind = topicChannel.kind ?? .email
    let channelPath = ProblemPath(
      collection: .topics, recordIndex: topicIndex, recordKey: topic.code,
      childList: "channels", childKey: topicChannel.channel)
    guard let connectionIndex = connectionAt(topicChannel.connection) else {
      var fieldPath = channelPath
      fieldPath.field = "connection"
      throw SignalPlanError(
        .unknownConnection,
        "The channel is mapped to connection '\(topicChannel.connection)', which does not "
          + "exist. Pick an existing connection for the channel.",
        path: fieldPath)
    }
    let connection = workspace.connections[connectionIndex]
    let base = try baseURL(connection)
    if let problem = APIKeyResolver.sourceProblem(connection.apiKey, connection: connection.code) {
      throw problem
    }
    if kind.usesSubscriptionGroup && topicChannel.subscriptionGroupId.isEmpty {
      var path = channelPath
      path.field = "subscriptionGroupId"
      throw SignalPlanError(
        .missingGroupID,
        "The \(kind.label) channel of topic '\(topic.code)' has no Braze subscription group "
          + "id. Copy it from Braze (Audience > Subscriptions) into the channel.",
        path: path)
    }
    let (space, field, value) = try chooseIdentity(signal, kind: kind, connection, workspace)
    return ChannelTarget(
      channel: topicChannel, kind: kind, connection: connection, base: base, space: space,
      field: field, value: value)
  }

  /// The plan of one call carrying `targets`: one push channel, or subscription groups of
  /// one connection reached through one identifier (see `route`).
  static func call(
    _ targets: [ChannelTarget], signal: Signal, state: SignalState, verify: Bool
  ) -> SignalPlan {
    let first = targets[0]
    let base = first.base
    var requests: [PlannedRequest] = []
    var notes: [String] = []
    let route = SignalRoute(targets.map(\.kind))
    switch route {
    case .track:
      requests.append(
        BrazeRequestBuilder.pushTrack(
          base: base, state: state, field: first.field, value: first.value,
          updateExistingOnly: first.channel.updateExistingOnly))
      if verify {
        requests.append(
          BrazeRequestBuilder.pushExport(
            base: base, state: state, field: first.field, value: first.value))
        notes.append(
          "Push has no subscription group, so /subscription/status/get cannot read it back; "
            + "the verify call reads push_subscribe with /users/export/ids, which needs the "
            + "users.export.ids permission.")
      }
    case .v1:
      requests.append(
        BrazeRequestBuilder.statusSet(
          base: base, groupID: first.channel.subscriptionGroupId, state: state,
          field: first.field, value: first.value, doubleOptIn: first.doubleOptIn))
    case .v2:
      requests.append(
        BrazeRequestBuilder.statusSetV2(
          base: base,
          groups: targets.map { ($0.channel.subscriptionGroupId, $0.doubleOptIn) }, state: state,
          field: first.field, value: first.value))
    }
    if verify && route != .track {
      for target in targets {
        requests.append(
          BrazeRequestBuilder.statusGet(
            .verify, base: base, groupID: target.channel.subscriptionGroupId,
            field: first.field, value: first.value, expected: state.expectedGroupStatus))
      }
    }
    var planned = signal
    planned.channel = PlainJoin.joined(targets.map(\.channel.channel), separator: "+")
    let groups = route == .track ? [] : targets.map(\.channel.subscriptionGroupId)
    return SignalPlan(
      signal: planned, state: state, connection: first.connection.code,
      keySource: first.connection.apiKey, identitySpace: first.space,
      identityValue: first.value, brazeField: first.field,
      subscriptionGroupId: PlainJoin.joined(groups, separator: ","), requests: requests,
      notes: notes,
      channels: targets.map(\.channel.channel), subscriptionGroupIds: groups, route: route)
  }

  /// The check of a connection: for each permission its channels need, the read-only
  /// call that proves it (for `probeID`, an external id nobody has, so nothing changes),
  /// or none for the write permissions. A push-only connection is checked through
  /// `/users/export/ids`.
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
    var group: (topic: String, channel: String, id: String)?
    var push: (topic: String, channel: String)?
    for topic in workspace.topics {
      for channel in topic.channels where channel.connection == code {
        if channel.kind == .push {
          push = push ?? (topic.code, channel.channel)
        } else if channel.kind != nil && !channel.subscriptionGroupId.isEmpty {
          group = group ?? (topic.code, channel.channel, channel.subscriptionGroupId)
        }
      }
    }
    var probes: [PermissionProbe] = []
    if let group {
      probes.append(
        PermissionProbe(
          permission: .subscriptionStatusGet, use: "verify and look up group states",
          request: BrazeRequestBuilder.statusGet(
            .check, base: base, groupID: group.id, field: .externalID, value: probeID,
            expected: nil)))
      probes.append(
        PermissionProbe(
          permission: .subscriptionGroupsGet, use: "list the groups a person is in",
          request: BrazeRequestBuilder.userGroups(base: base, externalID: probeID)))
    }
    if push != nil {
      probes.append(
        PermissionProbe(
          permission: .usersExportIDs, use: "verify and look up push_subscribe",
          request: BrazeRequestBuilder.exportProbe(base: base, externalID: probeID)))
    }
    if group != nil {
      probes.append(
        PermissionProbe(
          permission: .subscriptionStatusSet, use: "send to email, SMS and WhatsApp groups",
          request: nil))
    }
    if push != nil {
      probes.append(PermissionProbe(permission: .usersTrack, use: "send push", request: nil))
    }
    guard
      let first = group.map({ ($0.topic, $0.channel, $0.id) })
        ?? push.map({ ($0.topic, $0.channel, "") })
    else {
      throw SignalPlanError(
        .noGroupForCheck,
        "No topic channel with a subscription group id or push is mapped to connection "
          + "'\(code)', so it needs no permission yet: map a channel to it first.",
        path: ProblemPath(collection: .connections, recordKey: code))
    }
    return ConnectionCheckPlan(
      connection: code, keySource: connection.apiKey, topic: first.0, channel: first.1,
      subscriptionGroupId: first.2, probes: probes)
  }

  /// An external id that no real profile has, for the connection check.
  public static func randomProbeID() -> String {
    "mizzen-check-" + String(UInt64.random(in: .min ... .max), radix: 16)
  }

  /// The position of the first topic with this code. Lengths are compared before
  /// contents, so that most topics are passed over without a string comparison.
  private static func scan(_ topics: [Topic], for code: String) -> Int? {
    let length = code.utf8.count
    for index in topics.indices {
      let candidate = topics[index].code
      if candidate.utf8.count == length && candidate == code { return index }
    }
    return nil
  }

  private static func scan(_ connections: [Connection], for code: String) -> Int? {
    connections.firstIndex { $0.code == code }
  }

  static func baseURL(_ connection: Connection) throws(SignalPlanError) -> String {
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

  static func chooseIdentity(
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
    var error = SignalPlanError(
      .missingIdentity,
      "The signal has no value for "
        + servable.map { "'\($0)'" }.joined(separator: " or ")
        + ", which connection '\(connection.code)' needs to reach a person on \(kind.label).")
    error.identitySpaces = servable
    throw error
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
