import MizzenCore

/// One validated "set this group's state for these identifiers", from a v1 body or from
/// one entry of a v2 `subscription_groups` array.
struct SubscriptionChange {
  /// Braze's text for a call that names both kinds (braze-api.md §1).
  static let emailAndPhoneMessage =
    "Either an email address or a phone number should be provided, but not both."

  var groupID: String
  var subscribed: Bool
  var externalIDs: [String]?
  var emails: [String]?
  var phones: [String]?

  /// The identifier kinds the call names, for checking them against the group's channel.
  var fieldsUsed: [BrazeField] {
    var used: [BrazeField] = []
    if externalIDs != nil { used.append(.externalID) }
    if emails != nil { used.append(.email) }
    if phones != nil { used.append(.phone) }
    return used
  }

  /// Reads and checks the fields; `plural` selects v2's names (`external_ids`, `emails`,
  /// `phones`) over v1's (`external_id`, `email`, `phone`).
  init(_ body: RequestBody, plural: Bool, endpoints: SandboxEndpoints) throws(SandboxRejection) {
    let names =
      plural ? ("external_ids", "emails", "phones") : ("external_id", "email", "phone")
    groupID = try body.requiredString("subscription_group_id")
    let state = try body.requiredString("subscription_state")
    switch state {
    case "subscribed": subscribed = true
    case "unsubscribed": subscribed = false
    default:
      throw SandboxRejection(
        "Invalid subscription_state '\(state)': use \"subscribed\" or \"unsubscribed\".")
    }
    externalIDs = try body.strings(names.0)
    emails = try body.strings(names.1)
    phones = try body.strings(names.2)
    if emails != nil && phones != nil {
      throw SandboxRejection(Self.emailAndPhoneMessage)
    }
    if externalIDs == nil && emails == nil && phones == nil {
      throw SandboxRejection(
        "Provide the users to update: '\(names.0)', '\(names.1)' or '\(names.2)'.",
        errors: ["no identifiers provided"])
    }
    try endpoints.checkEmails(emails, field: names.1)
    try endpoints.checkPhones(phones, field: names.2)
  }
}
