/// Builds the Braze calls of SPEC §4 from already-checked parts. Bodies are JSON with
/// sorted keys and a single identifier given as a string (the same form the verify call
/// queries with).
enum BrazeRequestBuilder {
  /// The headers every call carries besides `Authorization`.
  static let commonHeaders = [
    HTTPHeader("Content-Type", "application/json"),
    HTTPHeader("User-Agent", MizzenVersion.userAgent),
  ]

  /// `POST /subscription/status/set` (v1) for one identifier of one email or SMS group.
  static func statusSet(
    base: String, groupID: String, state: SignalState, field: BrazeField, value: String,
    doubleOptIn: Bool = false
  ) -> PlannedRequest {
    // The identifier keys (email, external_id, phone) all sort before "subscription_…",
    // which sorts before "use_double_opt_in_logic".
    var members = [
      (field.rawValue, JSONText.quoted(value)),
      ("subscription_group_id", JSONText.quoted(groupID)),
      ("subscription_state", JSONText.quoted(state.subscriptionState)),
    ]
    if doubleOptIn { members.append(("use_double_opt_in_logic", "true")) }
    return post(
      .send, base: base, path: "/subscription/status/set", body: JSONText.object(members),
      permission: .subscriptionStatusSet)
  }

  /// One `subscription_groups` entry of a v2 set: a group, the state to set, and the
  /// people, all of one identifier kind.
  struct V2GroupUpdate {
    var groupID: String
    var subscribed: Bool
    var identifiers: [String]
    var doubleOptIn = false
  }

  /// `POST /v2/subscription/status/set`: one `subscription_groups` entry per group, each
  /// naming the same identifier under v2's plural field (`external_ids`, `emails`,
  /// `phones`), in the order given.
  static func statusSetV2(
    base: String, groups: [(id: String, doubleOptIn: Bool)], state: SignalState,
    field: BrazeField, value: String
  ) -> PlannedRequest {
    statusSetV2(
      base: base, field: field,
      updates: groups.map {
        V2GroupUpdate(
          groupID: $0.id, subscribed: state == .granted, identifiers: [value],
          doubleOptIn: $0.doubleOptIn)
      })
  }

  /// `POST /v2/subscription/status/set` with one `subscription_groups` entry per update,
  /// in the order given: the one encoding of a v2 body, for a test send (one person,
  /// several groups) and for a reconcile batch (up to 50 people an entry).
  static func statusSetV2(base: String, field: BrazeField, updates: [V2GroupUpdate])
    -> PlannedRequest
  {
    let plural = v2Field(field)
    var body = #"{"subscription_groups":["#
    for (index, update) in updates.enumerated() {
      if index > 0 { body += "," }
      // emails, external_ids and phones sort before "subscription_…" and "use_…".
      var members = [
        (plural, JSONText.stringArray(update.identifiers)),
        ("subscription_group_id", JSONText.quoted(update.groupID)),
        ("subscription_state", JSONText.quoted(update.subscribed ? "subscribed" : "unsubscribed")),
      ]
      if update.doubleOptIn { members.append(("use_double_opt_in_logic", "true")) }
      body += JSONText.object(members)
    }
    body += "]}"
    return post(
      .send, base: base, path: "/v2/subscription/status/set", body: body,
      permission: .subscriptionStatusSet)
  }

  /// v2's plural field for a kind of identifier: `external_ids`, `emails` or `phones`.
  static func v2Field(_ field: BrazeField) -> String {
    switch field {
    case .externalID: return "external_ids"
    case .email: return "emails"
    case .phone: return "phones"
    }
  }

  /// `POST /users/track` with one attributes object setting `push_subscribe`, and
  /// `_update_existing_only: true` when the channel must not create profiles.
  static func pushTrack(
    base: String, state: SignalState, field: BrazeField, value: String,
    updateExistingOnly: Bool = false
  ) -> PlannedRequest {
    // "_update_existing_only" sorts first; email, external_id and phone before
    // "push_subscribe".
    var members: [(key: String, json: String)] = []
    if updateExistingOnly { members.append(("_update_existing_only", "true")) }
    members.append((field.rawValue, JSONText.quoted(value)))
    members.append(("push_subscribe", JSONText.quoted(state.pushSubscribe)))
    let attributes = JSONText.object(members)
    let body = JSONText.object([("attributes", "[" + attributes + "]")])
    return post(.send, base: base, path: "/users/track", body: body, permission: .usersTrack)
  }

  /// `GET /subscription/status/get` for one identifier of one group.
  static func statusGet(
    _ purpose: RequestPurpose, base: String, groupID: String, field: BrazeField, value: String,
    expected: String?
  ) -> PlannedRequest {
    let path = "/subscription/status/get"
    let url =
      base + path + "?subscription_group_id=" + PercentEncoding.queryValue(groupID) + "&"
      + field.rawValue + "=" + PercentEncoding.queryValue(value)
    return PlannedRequest(
      purpose: purpose, method: "GET", url: url, path: path, headers: commonHeaders, body: nil,
      permission: .subscriptionStatusGet,
      expectation: expected.map { .groupStatus(identifier: value, expected: $0) })
  }

  /// `POST /users/export/ids` reading `push_subscribe` back for one identifier.
  static func pushExport(base: String, state: SignalState, field: BrazeField, value: String)
    -> PlannedRequest
  {
    let identifier: (key: String, json: String)
    switch field {
    case .externalID: identifier = ("external_ids", JSONText.stringArray([value]))
    case .email: identifier = ("email_address", JSONText.quoted(value))
    case .phone: identifier = ("phone", JSONText.quoted(value))
    }
    let fields = ("fields_to_export", JSONText.stringArray(["push_subscribe"]))
    // email_address and external_ids sort before fields_to_export; phone after it.
    let members = field == .phone ? [fields, identifier] : [identifier, fields]
    var request = post(
      .verify, base: base, path: "/users/export/ids", body: JSONText.object(members),
      permission: .usersExportIDs)
    request.expectation = .pushSubscribe(expected: state.pushSubscribe)
    return request
  }

  /// `GET /subscription/user/status` for one external id (the groups a person is in).
  static func userGroups(base: String, externalID: String) -> PlannedRequest {
    let path = "/subscription/user/status"
    return PlannedRequest(
      purpose: .check, method: "GET",
      url: base + path + "?external_id=" + PercentEncoding.queryValue(externalID), path: path,
      headers: commonHeaders, body: nil, permission: .subscriptionGroupsGet)
  }

  /// `POST /users/export/ids` of `push_subscribe` for one external id, read-only.
  static func exportProbe(base: String, externalID: String) -> PlannedRequest {
    let body = JSONText.object([
      ("external_ids", JSONText.stringArray([externalID])),
      ("fields_to_export", JSONText.stringArray(["push_subscribe"])),
    ])
    return post(
      .check, base: base, path: "/users/export/ids", body: body, permission: .usersExportIDs)
  }

  private static func post(
    _ purpose: RequestPurpose, base: String, path: String, body: String,
    permission: BrazePermission
  ) -> PlannedRequest {
    PlannedRequest(
      purpose: purpose, method: "POST", url: base + path, path: path, headers: commonHeaders,
      body: Array(body.utf8), permission: permission)
  }
}
