import Foundation

/// Fixed-window request counting per key (the sandbox counts per pool), with the figures Braze reports in its
/// `X-RateLimit-*` headers.
final class RateLimiter: Sendable {
  /// One key's standing in the current window.
  struct Standing {
    var allowed: Bool
    var limit: Int
    var remaining: Int
    /// When the window ends, in whole epoch seconds (rounded up, so that a client that
    /// sleeps until then never arrives early).
    var resetEpochSeconds: Int64

    var headers: [(name: String, value: String)] {
      [
        ("X-RateLimit-Limit", String(limit)),
        ("X-RateLimit-Remaining", String(remaining)),
        ("X-RateLimit-Reset", String(resetEpochSeconds)),
      ]
    }

    /// The headers as Braze sends them on a 401: present, with empty values.
    static let emptyHeaders: [(name: String, value: String)] = [
      ("X-RateLimit-Limit", ""), ("X-RateLimit-Remaining", ""), ("X-RateLimit-Reset", ""),
    ]
  }

  private struct Window {
    var index: Int64
    var count: Int
  }

  private let limit: Int
  private let windowMilliseconds: Int64
  private let windows = Locked<[String: Window]>([:])
  private let now: @Sendable () -> Date

  init(limit: Int, window: Duration, now: @escaping @Sendable () -> Date) {
    self.limit = max(0, limit)
    self.now = now
    let parts = window.components
    windowMilliseconds = max(1, parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
  }

  /// Counts one request for `key` if the window has room.
  func consume(_ key: String) -> Standing {
    let index = windowIndex(now())
    return windows.withLock { windows in
      var window = windows[key] ?? Window(index: index, count: 0)
      if window.index != index { window = Window(index: index, count: 0) }
      let allowed = window.count < limit
      if allowed { window.count += 1 }
      windows[key] = window
      return standing(allowed: allowed, used: window.count, index: index)
    }
  }

  /// The standing of `key` (or of a fresh key) without counting a request.
  func peek(_ key: String?) -> Standing {
    let index = windowIndex(now())
    let used = windows.withLock { windows -> Int in
      guard let key, let window = windows[key], window.index == index else { return 0 }
      return window.count
    }
    return standing(allowed: used < limit, used: used, index: index)
  }

  private func windowIndex(_ now: Date) -> Int64 {
    Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) / windowMilliseconds
  }

  private func standing(allowed: Bool, used: Int, index: Int64) -> Standing {
    let endMilliseconds = (index + 1) * windowMilliseconds
    let reset = (endMilliseconds + 999) / 1000
    return Standing(
      allowed: allowed, limit: limit, remaining: max(0, limit - used), resetEpochSeconds: reset)
  }
}
