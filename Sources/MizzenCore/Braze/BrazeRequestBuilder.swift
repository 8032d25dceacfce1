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

  /// `POST /v2/subscription/status/set`: one `subscription_groups` entry per group, each
  /// naming the same identifier under v2's plural field (`external_ids`, `emails`,
  /// `phones`), in the order given.
  static func statusSetV2(
    base: String, groups: [(id: String, doubleOptIn: Bool)], state: SignalState,
    field: BrazeField, value: String
  ) -> PlannedRequest {
    let plural: String
    switch field {
    case .externalID: plural = "external_ids"
    case .email: plural = "emails"
    case .phone: plural = "phones"
    }
    let entries = groups.map { group in
      // emails, external_ids and phones sort before "subscription_…" and "use_…".
      var members = [
        (plural, JSONText.stringArray([value])),
        ("subscription_group_id", JSONText.quoted(group.id)),
        ("subscription_state", JSONText.quoted(state.subscriptionState)),
      ]
      if group.doubleOptIn { members.append(("use_double_opt_in_logic", "true")) }
      return JSONText.object(members)
    }
    let body = JSONText.object([
      ("subscription_groups", "[" + entries.joined(separator: ",") + "]")
    ])
    return post(
      .send, base: base, path: "/v2/subscription/status/set", body: body,
      permission: .subscriptionStatusSet)
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
