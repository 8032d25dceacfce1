/// A permission a Braze REST API key can carry (braze-api.md §8). Permissions are fixed
/// when a key is created; a missing one makes Braze answer 403.
public enum BrazePermission: String, CaseIterable, Sendable, Codable {
  case usersTrack = "users.track"
  case usersDelete = "users.delete"
  case usersAliasNew = "users.alias.new"
  case usersExportIDs = "users.export.ids"
  case subscriptionStatusSet = "subscription.status.set"
  case subscriptionStatusGet = "subscription.status.get"
  case subscriptionGroupsGet = "subscription.groups.get"
  case emailStatus = "email.status"
  case emailBlacklist = "email.blacklist"
  case emailUnsubscribe = "email.unsubscribe"

  /// The eight permissions the Ketch setup asks a Braze key to carry (ketch-model.md §1.1).
  /// `email.status`, needed by Braze's `/email/status`, is not among them.
  public static let ketchSetup: [BrazePermission] = [
    .usersTrack, .subscriptionStatusGet, .subscriptionStatusSet, .usersDelete, .usersAliasNew,
    .usersExportIDs, .emailUnsubscribe, .emailBlacklist,
  ]
}
