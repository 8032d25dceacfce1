/// Braze's rate-limit pools (braze-api.md §7): the endpoints whose requests are counted
/// together, each with its documented default. Limits are per workspace, so every key of
/// the sandbox (one workspace) draws on the same counts.
public enum RateLimitPool: String, CaseIterable, Sendable, Comparable {
  /// `/subscription/status/set` and `/v2/subscription/status/set`, shared.
  case subscriptionSet = "set"
  /// `/users/track`.
  case usersTrack = "track"
  /// `/users/delete` and `/users/alias/new` (with identify, merge and alias/update at Braze).
  case usersDelete = "delete"
  /// `/users/export/ids`.
  case usersExport = "export"
  /// Every endpoint not listed separately, one shared pool.
  case other = "default"

  /// Braze's documented default for the pool.
  public var brazeDefault: RateLimit {
    switch self {
    case .subscriptionSet: return RateLimit(requests: 5_000, window: .seconds(60))
    case .usersTrack: return RateLimit(requests: 3_000, window: .seconds(3))
    case .usersDelete: return RateLimit(requests: 20_000, window: .seconds(60))
    case .usersExport: return RateLimit(requests: 250, window: .seconds(60))
    case .other: return RateLimit(requests: 250_000, window: .seconds(3_600))
    }
  }

  public static func < (lhs: RateLimitPool, rhs: RateLimitPool) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// A number of requests allowed per window.
public struct RateLimit: Sendable, Equatable {
  public var requests: Int
  /// Windows are aligned to the epoch, so that `X-RateLimit-Reset` is exact when the
  /// window is a whole number of seconds.
  public var window: Duration

  public init(requests: Int, window: Duration) {
    self.requests = requests
    self.window = window
  }

  /// Braze's documented default for every pool.
  public static let brazeDefaults = Dictionary(
    uniqueKeysWithValues: RateLimitPool.allCases.map { ($0, $0.brazeDefault) })

  /// Limits out of reach, for load tests and benchmarks; the headers still come.
  public static let lifted = RateLimit(requests: 1_000_000_000, window: .seconds(3_600))

  /// Every pool lifted.
  public static let liftedEverywhere = Dictionary(
    uniqueKeysWithValues: RateLimitPool.allCases.map { ($0, lifted) })
}
