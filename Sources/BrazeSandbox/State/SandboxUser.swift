/// One user profile in the sandbox's memory.
struct SandboxUser {
  /// An alias (name within a label) by which a profile can be found.
  struct Alias: Hashable {
    var name: String
    var label: String
  }

  /// A subscription-group state and when it was set, so that reads by email or phone
  /// shared by several profiles can report the latest change.
  struct GroupState {
    var subscribed: Bool
    var sequence: Int
  }

  let serial: Int
  var externalID: String?
  /// Stored lower-cased: Braze matches and exports emails that way.
  var email: String?
  var phone: String?
  var aliases: [Alias] = []
  /// `opted_in`, `subscribed` or `unsubscribed`; nil when never set.
  var emailSubscribe: String?
  var pushSubscribe: String?
  var hardBounced = false
  var groups: [String: GroupState] = [:]
  var updated: Int

  var brazeID: String {
    "sandbox" + String(serial, radix: 16).leftPadded(to: 17)
  }

  /// True when the profile is known by an external id (Braze's "identified" user).
  var isIdentified: Bool { externalID != nil }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: "0", count: length - count) + self
  }
}
