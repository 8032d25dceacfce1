import Foundation
import MizzenCore

/// `/subscription/status/set` (v1 and v2), `/subscription/status/get` and
/// `/subscription/user/status`.
extension SandboxEndpoints {
  func setStatus(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let change = try SubscriptionChange(
      RequestBody(request.body), plural: false, endpoints: self)
    return success(try apply([change]))
  }

  func setStatusV2(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    guard let entries = try body.objects("subscription_groups"), !entries.isEmpty else {
      throw SandboxRejection(
        "Missing 'subscription_groups': send an array of group updates.",
        errors: ["'subscription_groups' is required"])
    }
    var changes: [SubscriptionChange] = []
    for entry in entries {
      changes.append(
        try SubscriptionChange(RequestBody(fields: entry), plural: true, endpoints: self))
    }
    return success(try apply(changes))
  }

  /// 201 `success`, with the per-item errors when some items were not processed.
  private func success(_ itemErrors: [String]) -> HTTPResponse {
    guard !itemErrors.isEmpty else { return .json(201, ["message": "success"]) }
    return .json(201, ["message": "success", "errors": itemErrors])
  }

  /// Checks every change against the known groups first, so that a refused call
  /// changes nothing, then applies them all. When external ids are given they decide
  /// the users, as on `status/get`; emails and phones reach every profile that has them.
  /// An identifier of `itemErrors` is left as it is and named in the returned errors.
  private func apply(_ changes: [SubscriptionChange]) throws(SandboxRejection) -> [String] {
    var itemErrors: [String] = []
    func processed(_ values: [String], _ field: String) -> [String] {
      guard !self.itemErrors.isEmpty else { return values }
      return values.filter { value in
        guard self.itemErrors.contains(value) else { return true }
        itemErrors.append("'\(value)': provided \(field) is blacklisted and disallowed")
        return false
      }
    }
    try store.withLock { (store: inout SandboxStore) throws(SandboxRejection) in
      for change in changes {
        try checkGroup(change.groupID, fields: change.fieldsUsed, in: store)
      }
      for change in changes {
        learnChannel(change.groupID, fields: change.fieldsUsed, in: &store)
        var serials: [Int] = []
        if let externalIDs = change.externalIDs {
          serials = processed(externalIDs, "external_id").map {
            store.findOrCreate(externalID: $0)
          }
        } else if let emails = change.emails {
          serials = processed(emails, "email").flatMap { store.findOrCreate(email: $0) }
        } else if let phones = change.phones {
          serials = processed(phones, "phone").flatMap { store.findOrCreate(phone: $0) }
        }
        store.setGroupState(change.groupID, subscribed: change.subscribed, serials: serials)
      }
    }
    return itemErrors
  }

  func getStatus(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    guard let groupID = request.query["subscription_group_id"]?.first, !groupID.isEmpty else {
      throw SandboxRejection(
        "Missing 'subscription_group_id'.", errors: ["'subscription_group_id' is required"])
    }
    let lookup = try IdentifierQuery(request.query, endpoints: self)
    guard let lookup else {
      throw SandboxRejection(
        "Provide the users to read: 'external_id', 'email' or 'phone'.",
        errors: ["no identifiers provided"])
    }
    let status = try store.withLock {
      (store: inout SandboxStore) throws(SandboxRejection) -> [(String, Bool?)] in
      try checkGroup(groupID, fields: [lookup.field], in: store)
      return lookup.values.map { value in
        (value, store.groupState(groupID, serials: lookup.serials(value, in: store)))
      }
    }
    return .statusAnswer(status)
  }

  func userStatus(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    guard let lookup = try IdentifierQuery(request.query, endpoints: self) else {
      throw SandboxRejection(
        "Provide the users to read: 'external_id', 'email' or 'phone'.",
        errors: ["no identifiers provided"])
    }
    let users = store.withLock { store -> [[String: Any]] in
      let serials = lookup.values.flatMap { lookup.serials($0, in: store) }
      return serials.compactMap { store.user($0) }.map { user in
        let groups = user.groups.keys.sorted().map { id -> [String: Any] in
          var group: [String: Any] = [
            "id": id, "status": user.groups[id]?.subscribed == true ? "Subscribed" : "Unsubscribed",
          ]
          // A group first used with external ids only has no known channel yet.
          if let channel = store.groups[id] ?? nil { group["channel"] = channel.rawValue }
          return group
        }
        return [
          "external_id": user.externalID ?? NSNull(), "email": user.email ?? NSNull(),
          "phone": user.phone ?? NSNull(), "subscription_groups": groups,
        ]
      }
    }
    return .json(200, ["message": "success", "total_count": users.count, "users": users])
  }

  /// Refuses an unknown group as Braze does (unless groups are created on first use) and an
  /// identifier kind the group's channel does not take.
  func checkGroup(_ id: String, fields: [BrazeField], in store: SandboxStore)
    throws(SandboxRejection)
  {
    guard let known = store.groups[id] else {
      if createsUnknownGroups { return }
      throw .unknownGroup
    }
    guard let channel = known else { return }
    for field in fields where !channel.acceptedFields.contains(field) {
      let accepted = channel.acceptedFields.map(\.rawValue).joined(separator: " or ")
      throw SandboxRejection(
        "Subscription group '\(id)' is a \(channel.label) group: it takes \(accepted), "
          + "not \(field.rawValue).")
    }
  }

  /// Records a group on first use, with the channel its identifiers imply.
  func learnChannel(_ id: String, fields: [BrazeField], in store: inout SandboxStore) {
    guard (store.groups[id] ?? nil) == nil else { return }
    if fields.contains(.email) {
      store.groups[id] = .some(.email)
    } else if fields.contains(.phone) {
      store.groups[id] = .some(.sms)
    } else {
      store.groups[id] = .some(nil)
    }
  }
}

/// The users named in a GET query: external ids win over emails and phones, as Braze
/// documents for `status/get`; emails and phones together are refused.
struct IdentifierQuery {
  var field: BrazeField
  var values: [String]

  init?(_ query: [String: [String]], endpoints: SandboxEndpoints) throws(SandboxRejection) {
    let limit = RequestBody.identifierLimit
    let externalIDs = query["external_id"]
    let emails = query["email"]
    let phones = query["phone"]
    for (name, values) in [("external_id", externalIDs), ("email", emails), ("phone", phones)] {
      if let values, values.count > limit {
        throw SandboxRejection(
          "Too many identifiers: '\(name)' holds \(values.count), the limit is \(limit) per request.",
          errors: ["Max Input Length Exceeded"])
      }
    }
    if let externalIDs {
      field = .externalID
      values = externalIDs
    } else if emails != nil && phones != nil {
      throw SandboxRejection(SubscriptionChange.emailAndPhoneMessage)
    } else if let emails {
      try endpoints.checkEmails(emails, field: "email")
      field = .email
      values = emails
    } else if let phones {
      try endpoints.checkPhones(phones, field: "phone")
      field = .phone
      values = phones
    } else {
      return nil
    }
  }

  func serials(_ value: String, in store: SandboxStore) -> [Int] {
    switch field {
    case .externalID: return store.serial(externalID: value).map { [$0] } ?? []
    case .email: return store.serials(email: value)
    case .phone: return store.serials(phone: value)
    }
  }
}
