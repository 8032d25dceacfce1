import MizzenCore

/// How a `SandboxServer` behaves: where it listens, which API keys it accepts with which
/// permissions, which subscription groups it knows, and the faults and limits it imposes.
public struct SandboxConfiguration: Sendable {
  /// The address to bind; the sandbox is meant for loopback only.
  public var host: String = "127.0.0.1"
  /// The TCP port; 0 lets the system pick a free one (read it back from `SandboxServer.port`).
  public var port: UInt16 = 0
  /// API key → the Braze permissions it has (names as in `allPermissions`).
  public var keys: [String: Set<String>]
  /// Added before every response, to rehearse a slow network.
  public var latency: Duration = .zero
  /// The share of requests (0…1) answered with a random 500, 503 or a dropped connection.
  public var failureRate: Double = 0
  /// Requests allowed per window per key, over all endpoints; past it the answer is 429.
  public var rateLimit: Int = 1_000_000
  /// The length of a rate-limit window. Windows are aligned to the epoch, so that
  /// `X-RateLimit-Reset` is exact when the window is a whole number of seconds.
  public var rateLimitWindow: Duration = .seconds(60)
  /// Known subscription groups and their channel.
  public var groups: [String: Channel] = [:]
  /// When false, a subscription group id not in `groups` is a 400.
  public var createsUnknownGroups: Bool = true

  public init(keys: [String: Set<String>] = [:]) {
    self.keys = keys
  }

  /// The permission names a Braze REST API key can carry for the endpoints the sandbox
  /// serves (braze-api.md §8).
  public static let allPermissions: Set<String> = [
    "users.track", "users.delete", "users.alias.new", "users.export.ids",
    "subscription.status.set", "subscription.status.get", "subscription.groups.get",
    "email.status", "email.blacklist", "email.unsubscribe",
  ]
}
