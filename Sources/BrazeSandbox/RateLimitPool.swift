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

extension RateLimit {
  /// Reads `N/WINDOW`, the window a number followed by `s`, `m` or `h` (`10/1m`,
  /// `3000/3s`); nil when it is not that shape or a figure is not positive.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let requests = Int(parts[0]), requests > 0,
      let unit = parts[1].last, let count = Int(parts[1].dropLast()), count > 0
    else { return nil }
    let seconds: Int
    switch unit {
    case "s": seconds = count
    case "m": seconds = count * 60
    case "h": seconds = count * 3_600
    default: return nil
    }
    self.init(requests: requests, window: .seconds(seconds))
  }

  /// `N/WINDOW` in the largest whole unit, the form `init(parsing:)` reads.
  public var text: String {
    let seconds = window.components.seconds
    if seconds > 0, seconds % 3_600 == 0 { return "\(requests)/\(seconds / 3_600)h" }
    if seconds > 0, seconds % 60 == 0 { return "\(requests)/\(seconds / 60)m" }
    return "\(requests)/\(seconds)s"
  }
}
