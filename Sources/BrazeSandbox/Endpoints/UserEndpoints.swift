/// `/users/export/ids`, `/users/delete` and `/users/alias/new`.
extension SandboxEndpoints {
  func exportIDs(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    let externalIDs = try body.strings("external_ids")
    let aliases = try Self.aliases(body, "user_aliases")
    let brazeID = try body.string("braze_id")
    let email = try body.string("email_address")
    let phone = try body.string("phone")
    let fields = try body.strings("fields_to_export", limit: .max).map(Set.init)
    if externalIDs == nil && aliases == nil && brazeID == nil && email == nil && phone == nil {
      throw SandboxRejection(
        "Provide the users to export: 'external_ids', 'user_aliases', 'braze_id', "
          + "'email_address' or 'phone'.",
        errors: ["no identifiers provided"])
    }
    if let email { try checkEmails([email], field: "email_address") }
    if let phone { try checkPhones([phone], field: "phone") }
    var response: [String: Any] = ["message": "success"]
    store.withLock { store in
      var serials: [Int] = []
      var invalid: [String] = []
      for id in externalIDs ?? [] {
        if let serial = store.serial(externalID: id) {
          serials.append(serial)
        } else {
          invalid.append(id)
        }
      }
      serials += (aliases ?? []).compactMap { store.serial(alias: $0) }
      if let brazeID, let serial = store.serial(brazeID: brazeID) { serials.append(serial) }
      if let email { serials += store.serials(email: email) }
      if let phone { serials += store.serials(phone: phone) }
      var seen = Set<Int>()
      let users = serials.filter { seen.insert($0).inserted }.compactMap { store.user($0) }
      response["users"] = users.map { Self.exported($0, fields: fields) }
      if !invalid.isEmpty { response["invalid_user_ids"] = invalid }
    }
    return .json(201, response)
  }

  func deleteUsers(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    let kinds = ["external_ids", "user_aliases", "braze_ids", "email_addresses", "phone_numbers"]
    let sent = kinds.filter { body.has($0) }
    guard sent.count <= 1 else {
      throw SandboxRejection(
        "Only one identifier type per request: this one sends \(sent.joined(separator: ", ")).",
        errors: ["only one identifier type is allowed per request"])
    }
    let externalIDs = try body.strings("external_ids") ?? []
    let brazeIDs = try body.strings("braze_ids") ?? []
    let aliases = try Self.aliases(body, "user_aliases") ?? []
    let emails = try Self.prioritized(body, "email_addresses", identifier: "email")
    let phones = try Self.prioritized(body, "phone_numbers", identifier: "phone")
    let total = externalIDs.count + brazeIDs.count + aliases.count + phones.count + emails.count
    guard total > 0 else {
      throw SandboxRejection(
        "Provide the users to delete: 'external_ids', 'braze_ids', 'user_aliases', "
          + "'email_addresses' or 'phone_numbers'.",
        errors: ["no identifiers provided"])
    }
    guard total <= RequestBody.identifierLimit else {
      throw SandboxRejection(
        "Too many identifiers: \(total), the limit is \(RequestBody.identifierLimit) per request.",
        errors: ["Max Input Length Exceeded"])
    }
    if emails.contains(where: { !IdentifierSyntax.isEmail($0.value) }) {
      throw SandboxRejection(
        "Each 'email_addresses' entry needs a valid 'email'.",
        errors: ["The value provided for the 'email' field is not a valid email."])
    }
    try checkPhones(phones.map(\.value), field: "phone_numbers")
    let deleted = store.withLock { store -> Int in
      var doomed = Set<Int>()
      doomed.formUnion(externalIDs.compactMap { store.serial(externalID: $0) })
      doomed.formUnion(brazeIDs.compactMap { store.serial(brazeID: $0) })
      doomed.formUnion(aliases.compactMap { store.serial(alias: $0) })
      for rule in emails {
        if let serial = Self.chosen(store.serials(email: rule.value), rule.prioritization, store) {
          doomed.insert(serial)
        }
      }
      for rule in phones {
        if let serial = Self.chosen(store.serials(phone: rule.value), rule.prioritization, store) {
          doomed.insert(serial)
        }
      }
      for serial in doomed { store.delete(serial) }
      return doomed.count
    }
    return .json(201, ["deleted": deleted, "message": "success"])
  }

  /// The entries of `email_addresses` or `phone_numbers`: objects with the identifier and
  /// a required `prioritization` (braze-api.md §4).
  private static func prioritized(_ body: RequestBody, _ name: String, identifier: String)
    throws(SandboxRejection) -> [(value: String, prioritization: [String])]
  {
    guard let entries = try body.objects(name) else { return [] }
    var rules: [(value: String, prioritization: [String])] = []
    for entry in entries {
      guard let value = entry[identifier] as? String, !value.isEmpty else {
        throw SandboxRejection(
          "Each '\(name)' entry needs '\(identifier)' and 'prioritization'.",
          errors: ["'\(identifier)' is required in '\(name)'"])
      }
      guard let order = entry["prioritization"] as? [String], !order.isEmpty,
        order.allSatisfy(["identified", "unidentified", "most_recently_updated"].contains),
        !(order.contains("identified") && order.contains("unidentified"))
      else {
        throw SandboxRejection(
          "'prioritization' is required for each '\(name)' entry: an array of "
            + "\"identified\" or \"unidentified\", optionally with \"most_recently_updated\".",
          errors: ["'prioritization' is required"])
      }
      rules.append((value, order))
    }
    return rules
  }

  func newAliases(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    guard let entries = try body.objects("user_aliases"), !entries.isEmpty else {
      throw SandboxRejection(
        "Missing 'user_aliases': send an array of aliases.", errors: ["'user_aliases' is required"])
    }
    guard entries.count <= RequestBody.identifierLimit else {
      throw SandboxRejection(
        "Too many aliases: \(entries.count), the limit is \(RequestBody.identifierLimit) per request.",
        errors: ["Max Input Length Exceeded"])
    }
    var requests: [(alias: SandboxUser.Alias, externalID: String?)] = []
    for entry in entries {
      guard let name = entry["alias_name"] as? String, !name.isEmpty,
        let label = entry["alias_label"] as? String, !label.isEmpty
      else {
        throw SandboxRejection("Each alias needs a non-empty 'alias_name' and 'alias_label'.")
      }
      requests.append(
        (SandboxUser.Alias(name: name, label: label), entry["external_id"] as? String))
    }
    store.withLock { store in
      for request in requests {
        if let externalID = request.externalID {
          // Braze adds the alias only to an existing user and otherwise does nothing.
          if let serial = store.serial(externalID: externalID) {
            store.addAlias(serial, request.alias)
          }
        } else if store.serial(alias: request.alias) == nil {
          _ = store.create(alias: request.alias)
        }
      }
    }
    return .json(201, ["aliases_processed": requests.count, "message": "success"])
  }

  private static func aliases(_ body: RequestBody, _ name: String) throws(SandboxRejection)
    -> [SandboxUser.Alias]?
  {
    guard let objects = try body.objects(name) else { return nil }
    guard objects.count <= RequestBody.identifierLimit else {
      throw SandboxRejection(
        "Too many aliases: \(objects.count), the limit is \(RequestBody.identifierLimit) per request.",
        errors: ["Max Input Length Exceeded"])
    }
    var aliases: [SandboxUser.Alias] = []
    for object in objects {
      guard let name = object["alias_name"] as? String, let label = object["alias_label"] as? String
      else {
        throw SandboxRejection("Each entry of '\(name)' needs 'alias_name' and 'alias_label'.")
      }
      aliases.append(SandboxUser.Alias(name: name, label: label))
    }
    return aliases
  }

  /// Braze's rule for deleting by email or phone: narrow by the prioritization, and
  /// delete nothing when more than one profile still matches.
  private static func chosen(_ serials: [Int], _ rules: [String], _ store: SandboxStore)
    -> Int?
  {
    var candidates = serials.compactMap { store.user($0) }
    if rules.contains("identified") { candidates = candidates.filter(\.isIdentified) }
    if rules.contains("unidentified") { candidates = candidates.filter { !$0.isIdentified } }
    if rules.contains("most_recently_updated"),
      let latest = candidates.max(by: { $0.updated < $1.updated })
    {
      candidates = [latest]
    }
    return candidates.count == 1 ? candidates[0].serial : nil
  }

  private static func exported(_ user: SandboxUser, fields: Set<String>?) -> [String: Any] {
    var object: [String: Any] = [
      "braze_id": user.brazeID,
      "user_aliases": user.aliases.map { ["alias_name": $0.name, "alias_label": $0.label] },
    ]
    if let id = user.externalID { object["external_id"] = id }
    if let email = user.email { object["email"] = email }
    if let phone = user.phone { object["phone"] = phone }
    if let state = user.emailSubscribe { object["email_subscribe"] = state }
    if let state = user.pushSubscribe { object["push_subscribe"] = state }
    guard let fields else { return object }
    return object.filter { fields.contains($0.key) }
  }
}
