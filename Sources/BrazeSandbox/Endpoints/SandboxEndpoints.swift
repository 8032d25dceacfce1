import MizzenCore

/// The behaviour of every endpoint over the shared in-memory store. Authentication,
/// rate limits and faults are handled before a request gets here (`SandboxRouter`).
final class SandboxEndpoints: Sendable {
  let store: Locked<SandboxStore>
  let createsUnknownGroups: Bool
  /// `SandboxConfiguration.itemErrors`.
  let itemErrors: Set<String>

  init(groups: [String: Channel], createsUnknownGroups: Bool, itemErrors: Set<String> = []) {
    store = Locked(SandboxStore(groups: groups))
    self.createsUnknownGroups = createsUnknownGroups
    self.itemErrors = itemErrors
  }

  /// Serves an authorised request; input problems come back as Braze-style 400s.
  func handle(_ endpoint: SandboxEndpoint, _ request: HTTPRequest) -> HTTPResponse {
    do throws(SandboxRejection) {
      switch endpoint {
      case .subscriptionStatusSet: return try setStatus(request)
      case .subscriptionStatusSetV2: return try setStatusV2(request)
      case .subscriptionStatusGet: return try getStatus(request)
      case .subscriptionUserStatus: return try userStatus(request)
      case .usersTrack: return try track(request)
      case .usersExportIDs: return try exportIDs(request)
      case .usersDelete: return try deleteUsers(request)
      case .usersAliasNew: return try newAliases(request)
      case .emailStatus: return try emailStatus(request)
      case .emailBlocklist, .emailBlacklist: return try blocklist(request)
      case .emailUnsubscribes: return try unsubscribes(request)
      }
    } catch {
      return error.response
    }
  }

  /// The emails in `values`, each checked for syntax.
  func checkEmails(_ values: [String]?, field: String) throws(SandboxRejection) {
    for email in values ?? [] where !IdentifierSyntax.isEmail(email) {
      throw SandboxRejection(
        "Invalid email address '\(email)' in '\(field)'.",
        errors: ["The value provided for the '\(field)' field is not a valid email."])
    }
  }

  /// The phones in `values`, each checked for E.164.
  func checkPhones(_ values: [String]?, field: String) throws(SandboxRejection) {
    for phone in values ?? [] where !IdentifierSyntax.isE164(phone) {
      throw SandboxRejection(
        "Invalid phone number '\(phone)' in '\(field)': phone numbers must be in E.164 "
          + "format, e.g. +14155552671.",
        errors: ["'\(phone)' is not an E.164 phone number"])
    }
  }
}
