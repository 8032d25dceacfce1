/// `/users/track`: attributes objects update profiles (email, phone, global email/push
/// states, subscription groups); events and purchases are checked and counted only.
extension SandboxEndpoints {
  /// Braze's cap per array (braze-api.md §3).
  static let trackObjectLimit = 75
  /// Braze's fatal message for a request with nothing valid in it (braze-api.md §3).
  static let noValidData =
    "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields."

  /// A problem with one object of the request: reported in `errors`, the rest proceeds.
  struct TrackItemError: Error {
    var type: String
  }

  /// The changes one attributes object asks for, checked before anything is applied.
  private struct AttributeChanges {
    var target: TrackTarget
    var updateExistingOnly: Bool
    var email: String??
    var phone: String??
    var emailSubscribe: String?
    var pushSubscribe: String?
    var groups: [(id: String, subscribed: Bool)] = []
  }

  /// Whom an object addresses, in Braze's order of identifiers.
  private enum TrackTarget {
    case externalID(String)
    case brazeID(String)
    case alias(SandboxUser.Alias)
    case email(String)
    case phone(String)
  }

  func track(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    let arrays = [
      ("attributes", try body.objects("attributes")), ("events", try body.objects("events")),
      ("purchases", try body.objects("purchases")),
    ]
    guard arrays.contains(where: { !($0.1 ?? []).isEmpty }) else {
      throw SandboxRejection(Self.noValidData)
    }
    for (name, objects) in arrays where (objects?.count ?? 0) > Self.trackObjectLimit {
      throw SandboxRejection(
        "Too many objects in '\(name)': \(objects?.count ?? 0), the limit is "
          + "\(Self.trackObjectLimit) per request.",
        errors: ["Max Input Length Exceeded"])
    }
    var response: [String: Any] = ["message": "success"]
    var errors: [[String: Any]] = []
    let sent = arrays.reduce(0) { $0 + ($1.1?.count ?? 0) }
    store.withLock { store in
      for (name, objects) in arrays {
        guard let objects else { continue }
        var processed = 0
        for (index, object) in objects.enumerated() {
          do throws(TrackItemError) {
            if name == "attributes" {
              try applyAttributes(RequestBody(fields: object), in: &store)
            } else {
              _ = try Self.target(of: RequestBody(fields: object))
            }
            processed += 1
          } catch {
            errors.append(["type": error.type, "input_array": name, "index": index])
          }
        }
        response["\(name)_processed"] = processed
      }
    }
    if !errors.isEmpty { response["errors"] = errors }
    // Every object invalid: nothing was applied, and Braze answers with a fatal error.
    if errors.count == sent {
      return .json(400, ["message": Self.noValidData, "errors": errors])
    }
    return .json(201, response)
  }

  private func applyAttributes(_ object: RequestBody, in store: inout SandboxStore)
    throws(TrackItemError)
  {
    let changes = try attributeChanges(object, in: store)
    var targets: [Int]
    switch changes.target {
    case .externalID(let id):
      if let serial = store.serial(externalID: id) {
        targets = [serial]
      } else {
        targets = changes.updateExistingOnly ? [] : [store.findOrCreate(externalID: id)]
      }
    case .brazeID(let id):
      targets = store.serial(brazeID: id).map { [$0] } ?? []
    case .alias(let alias):
      if let serial = store.serial(alias: alias) {
        targets = [serial]
      } else {
        targets = changes.updateExistingOnly ? [] : [store.create(alias: alias)]
      }
    case .email(let email):
      // Only the most recently updated profile with the address, identified ones first;
      // an email-only profile when there is none (post_user_track.md FAQ).
      if let serial = store.latest(store.serials(email: email)) {
        targets = [serial]
      } else {
        targets = changes.updateExistingOnly ? [] : store.findOrCreate(email: email)
      }
    case .phone(let phone):
      if let serial = store.latest(store.serials(phone: phone)) {
        targets = [serial]
      } else {
        targets = changes.updateExistingOnly ? [] : store.findOrCreate(phone: phone)
      }
    }
    for serial in targets {
      if let email = changes.email { store.setEmail(serial, email) }
      if let phone = changes.phone { store.setPhone(serial, phone) }
      if let push = changes.pushSubscribe { store.modify(serial) { $0.pushSubscribe = push } }
    }
    // Braze applies email subscription changes to every profile sharing the address.
    var sharing = Set(targets)
    for serial in targets {
      if let email = store.user(serial)?.email { sharing.formUnion(store.serials(email: email)) }
    }
    let affected = sharing.sorted()
    for serial in affected {
      if let state = changes.emailSubscribe { store.modify(serial) { $0.emailSubscribe = state } }
    }
    for group in changes.groups {
      learnChannel(group.id, fields: [], in: &store)
      store.setGroupState(group.id, subscribed: group.subscribed, serials: affected)
    }
  }

  private func attributeChanges(_ object: RequestBody, in store: SandboxStore)
    throws(TrackItemError) -> AttributeChanges
  {
    let target = try Self.target(of: object)
    let defaultExistingOnly: Bool
    if case .alias = target { defaultExistingOnly = true } else { defaultExistingOnly = false }
    var changes = AttributeChanges(
      target: target,
      updateExistingOnly: object.bool("_update_existing_only") ?? defaultExistingOnly)
    if object.fields["email"] != nil {
      if object.has("email") {
        guard let email = object.fields["email"] as? String, IdentifierSyntax.isEmail(email) else {
          throw TrackItemError(
            type: "The value provided for the 'email' field is not a valid email.")
        }
        changes.email = .some(email)
      } else {
        changes.email = .some(nil)
      }
    }
    if object.fields["phone"] != nil {
      if object.has("phone") {
        guard let phone = object.fields["phone"] as? String, !phone.isEmpty else {
          throw TrackItemError(type: "The value provided for the 'phone' field is not valid.")
        }
        changes.phone = .some(phone)
      } else {
        changes.phone = .some(nil)
      }
    }
    changes.emailSubscribe = try Self.globalState(object, "email_subscribe")
    changes.pushSubscribe = try Self.globalState(object, "push_subscribe")
    if object.has("subscription_groups") {
      guard let entries = object.fields["subscription_groups"] as? [Any] else {
        throw TrackItemError(type: "'subscription_groups' must be an array of objects.")
      }
      for entry in entries {
        guard let entry = entry as? [String: Any],
          let id = entry["subscription_group_id"] as? String, !id.isEmpty,
          let state = entry["subscription_state"] as? String,
          state == "subscribed" || state == "unsubscribed"
        else {
          throw TrackItemError(
            type: "Each 'subscription_groups' entry needs a 'subscription_group_id' and a "
              + "'subscription_state' of \"subscribed\" or \"unsubscribed\".")
        }
        if store.groups[id] == nil && !createsUnknownGroups {
          throw TrackItemError(type: "Subscription group '\(id)' does not exist in this workspace.")
        }
        changes.groups.append((id, state == "subscribed"))
      }
    }
    return changes
  }

  private static func globalState(_ object: RequestBody, _ name: String) throws(TrackItemError)
    -> String?
  {
    guard object.has(name) else { return nil }
    guard let state = object.fields[name] as? String,
      ["opted_in", "subscribed", "unsubscribed"].contains(state)
    else {
      throw TrackItemError(
        type: "The value provided for the '\(name)' field is not valid: use \"opted_in\", "
          + "\"subscribed\" or \"unsubscribed\".")
    }
    return state
  }

  private static func target(of object: RequestBody) throws(TrackItemError) -> TrackTarget {
    if let id = object.fields["external_id"] as? String, !id.isEmpty { return .externalID(id) }
    if let id = object.fields["braze_id"] as? String, !id.isEmpty { return .brazeID(id) }
    if let alias = object.fields["user_alias"] as? [String: Any],
      let name = alias["alias_name"] as? String, let label = alias["alias_label"] as? String
    {
      return .alias(SandboxUser.Alias(name: name, label: label))
    }
    if let email = object.fields["email"] as? String, !email.isEmpty {
      guard IdentifierSyntax.isEmail(email) else {
        throw TrackItemError(type: "The value provided for the 'email' field is not a valid email.")
      }
      return .email(email)
    }
    if let phone = object.fields["phone"] as? String, !phone.isEmpty { return .phone(phone) }
    throw TrackItemError(type: "'external_id' or 'braze_id' or 'user_alias' is required")
  }
}
