/// The Braze REST endpoints the sandbox serves, with the method and the API-key
/// permission each needs (braze-api.md §1–§8).
enum SandboxEndpoint: CaseIterable {
  case subscriptionStatusSet
  case subscriptionStatusSetV2
  case subscriptionStatusGet
  case subscriptionUserStatus
  case usersTrack
  case usersExportIDs
  case usersDelete
  case usersAliasNew
  case emailStatus
  case emailBlocklist
  case emailBlacklist
  case emailUnsubscribes

  var path: String {
    switch self {
    case .subscriptionStatusSet: return "/subscription/status/set"
    case .subscriptionStatusSetV2: return "/v2/subscription/status/set"
    case .subscriptionStatusGet: return "/subscription/status/get"
    case .subscriptionUserStatus: return "/subscription/user/status"
    case .usersTrack: return "/users/track"
    case .usersExportIDs: return "/users/export/ids"
    case .usersDelete: return "/users/delete"
    case .usersAliasNew: return "/users/alias/new"
    case .emailStatus: return "/email/status"
    case .emailBlocklist: return "/email/blocklist"
    case .emailBlacklist: return "/email/blacklist"
    case .emailUnsubscribes: return "/email/unsubscribes"
    }
  }

  var method: String {
    switch self {
    case .subscriptionStatusGet, .subscriptionUserStatus, .emailUnsubscribes: return "GET"
    default: return "POST"
    }
  }

  var permission: String {
    switch self {
    case .subscriptionStatusSet, .subscriptionStatusSetV2: return "subscription.status.set"
    case .subscriptionStatusGet: return "subscription.status.get"
    case .subscriptionUserStatus: return "subscription.groups.get"
    case .usersTrack: return "users.track"
    case .usersExportIDs: return "users.export.ids"
    case .usersDelete: return "users.delete"
    case .usersAliasNew: return "users.alias.new"
    case .emailStatus: return "email.status"
    case .emailBlocklist, .emailBlacklist: return "email.blacklist"
    case .emailUnsubscribes: return "email.unsubscribe"
    }
  }

  /// The rate-limit pool the endpoint draws on (braze-api.md §7).
  var pool: RateLimitPool {
    switch self {
    case .subscriptionStatusSet, .subscriptionStatusSetV2: return .subscriptionSet
    case .usersTrack: return .usersTrack
    case .usersDelete, .usersAliasNew: return .usersDelete
    case .usersExportIDs: return .usersExport
    default: return .other
    }
  }

  private static let byPath: [String: SandboxEndpoint] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.path, $0) })

  /// The endpoint at `path`; a trailing slash is tolerated.
  init?(path: String) {
    var trimmed = path
    if trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let endpoint = Self.byPath[trimmed] else { return nil }
    self = endpoint
  }
}
