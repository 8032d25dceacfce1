/// The batch read reconcile makes, encoded the way `BrazeRequestBuilder` encodes
/// single-signal calls (unreserved-only query escaping); its v2 writes are the builder's
/// own `statusSetV2`.
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
    return BrazeRequestBuilder.statusSetV2(
      base: target.base, field: write.field,
      updates: write.objects.map { object in
        // The group's own channel decides the flag, as it does for `mizzen send`.
        let doubleOptIn = table.targets.contains {
          $0.groupID == object.groupID && $0.base == target.base && $0.doubleOptIn
        }
        return BrazeRequestBuilder.V2GroupUpdate(
          groupID: object.groupID, subscribed: object.subscribed,
          identifiers: object.records.map { table.identifier($0) }, doubleOptIn: doubleOptIn)
      })
  }
}
