import Foundation
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
  /// The limit of each of Braze's rate-limit pools; Braze's defaults unless lowered or
  /// lifted. Past a pool's limit the answer is 429.
  public var rateLimits: [RateLimitPool: RateLimit] = RateLimit.brazeDefaults
  /// When set, every pool allows this many requests per `rateLimitWindow` instead of its
  /// entry in `rateLimits` (a quick way to rehearse 429s).
  public var rateLimit: Int?
  /// The window of `rateLimit`.
  public var rateLimitWindow: Duration = .seconds(60)
  /// Known subscription groups and their channel.
  public var groups: [String: Channel] = [:]
  /// When true, a subscription group id not in `groups` is created on first use instead
  /// of being refused as Braze refuses it (400 "Invalid subscription group ID").
  public var createsUnknownGroups: Bool = false
  /// Identifiers (external ids, emails or phones) that a subscription set leaves as they
  /// are, answering 201 with a per-item error naming each in `errors[]`, as Braze does for
  /// an item it will not process (braze-api.md §1: "items not hit by an error are still
  /// processed"). Lets reconcile rehearse rows that fail inside an accepted batch.
  public var itemErrors: Set<String> = []
  /// Connections served at once, one thread each; past it a new connection is answered
  /// 503 and closed.
  public var maximumConnections: Int = 256
  /// How long a keep-alive connection may wait for its next request before it is closed.
  public var idleTimeout: Duration = .seconds(30)
  /// How long a request may take to arrive in full, from its first byte; then 408.
  public var requestTimeout: Duration = .seconds(10)
  /// The wall clock that rate-limit windows are counted against; tests inject one they
  /// move by hand, so that a window turns exactly when they say.
  public var now: @Sendable () -> Date = { Date() }

  /// The limit that applies to `pool`.
  public func limit(for pool: RateLimitPool) -> RateLimit {
    if let rateLimit { return RateLimit(requests: rateLimit, window: rateLimitWindow) }
    return rateLimits[pool] ?? pool.brazeDefault
  }

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
