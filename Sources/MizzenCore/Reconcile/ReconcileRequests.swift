/// The two batch calls reconcile makes, encoded the way `BrazeRequestBuilder` encodes
/// single-signal calls (sorted JSON keys, unreserved-only query escaping), kept apart so
/// that it can be folded into the builder once its v2 planning settles.
enum ReconcileRequests {
  /// `GET /subscription/status/get` for up to 50 identifiers of one kind in one group,
  /// with Braze's bracket syntax for arrays (`external_id[]=a&external_id[]=b`).
  static func statusGet(base: String, groupID: String, field: BrazeField, values: [String])
    -> PlannedRequest
  {
    let path = "/subscription/status/get"
    var url = base + path + "?subscription_group_id=" + PercentEncoding.queryValue(groupID)
    for value in values {
      url += "&" + field.rawValue + "%5B%5D=" + PercentEncoding.queryValue(value)
    }
    return PlannedRequest(
      purpose: .verify, method: "GET", url: url, path: path,
      headers: BrazeRequestBuilder.commonHeaders, body: nil, permission: .subscriptionStatusGet)
  }

  /// `POST /v2/subscription/status/set` with one `subscription_groups` entry per object.
  static func statusSetV2(
    base: String, objects: [(groupID: String, subscribed: Bool)],
    field: BrazeField, values: [[String]]
  ) -> PlannedRequest {
    let key = pluralKey(field)
    var entries: [String] = []
    for (object, identifiers) in zip(objects, values) {
      // external_ids, emails and phones all sort before subscription_group_id.
      entries.append(
        JSONText.object([
          (key, JSONText.stringArray(identifiers)),
          ("subscription_group_id", JSONText.quoted(object.groupID)),
          (
            "subscription_state", JSONText.quoted(object.subscribed ? "subscribed" : "unsubscribed")
          ),
        ]))
    }
    let body = JSONText.object([("subscription_groups", "[" + entries.joined(separator: ",") + "]")]
    )
    let path = "/v2/subscription/status/set"
    return PlannedRequest(
      purpose: .send, method: "POST", url: base + path, path: path,
      headers: BrazeRequestBuilder.commonHeaders, body: Array(body.utf8),
      permission: .subscriptionStatusSet)
  }

  /// The v2 field for a kind of identifier: `external_ids`, `emails` or `phones`.
  static func pluralKey(_ field: BrazeField) -> String {
    switch field {
    case .externalID: return "external_ids"
    case .email: return "emails"
    case .phone: return "phones"
    }
  }
}

extension ReconcileBatches {
  /// The request for read `read` of `table`.
  public static func request(_ read: Read, in table: ReconcileTable) -> PlannedRequest {
    let target = table.targets[Int(read.target)]
    return ReconcileRequests.statusGet(
      base: target.base, groupID: target.groupID, field: read.field,
      values: read.records.map { table.identifier($0) })
  }

  /// The request for write `write` of `table`.
  public static func request(_ write: Write, in table: ReconcileTable) -> PlannedRequest {
    let target = table.targets[Int(write.target)]
    return ReconcileRequests.statusSetV2(
      base: target.base, objects: write.objects.map { ($0.groupID, $0.subscribed) },
      field: write.field,
      values: write.objects.map { $0.records.map { table.identifier($0) } })
  }
}
