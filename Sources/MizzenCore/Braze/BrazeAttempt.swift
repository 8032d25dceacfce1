import Foundation

/// What one HTTP attempt of a call got, as shown in the result and kept in the journal.
public struct BrazeAttempt: Equatable, Sendable, Codable {
  /// 1 for the first attempt.
  public var number: Int
  /// Nil when no HTTP answer arrived (timeout, dropped connection…).
  public var status: Int?
  /// The response body, cut after the configured limit and with the key removed.
  public var body: String?
  public var rateLimit: RateLimitHeaders?
  /// From sending the request to the end of the answer (or the failure).
  public var latencyMs: Double
  /// What went wrong on the network, when no HTTP answer arrived.
  public var error: String?
  /// How long the client waited before the next attempt, when there was one.
  public var waitMs: Double?
  /// Braze's `X-Request-Id` for this answer: what Braze support asks for.
  public var requestId: String?

  public init(
    number: Int, status: Int? = nil, body: String? = nil, rateLimit: RateLimitHeaders? = nil,
    latencyMs: Double, error: String? = nil, waitMs: Double? = nil, requestId: String? = nil
  ) {
    self.number = number
    self.status = status
    self.body = body
    self.rateLimit = rateLimit
    self.latencyMs = latencyMs
    self.error = error
    self.waitMs = waitMs
    self.requestId = requestId
  }
}

/// Braze's `X-RateLimit-*` response headers, as received.
public struct RateLimitHeaders: Equatable, Sendable, Codable {
  public var limit: String?
  public var remaining: String?
  /// The window's end in UTC epoch seconds.
  public var reset: String?

  public init(limit: String? = nil, remaining: String? = nil, reset: String? = nil) {
    self.limit = limit
    self.remaining = remaining
    self.reset = reset
  }

  /// Reads the three headers, whatever their case; nil when none is present. An empty
  /// value (Braze sends `X-RateLimit-Limit:` empty with a 401) counts as absent.
  public init?(headers: [String: String]) {
    var found = RateLimitHeaders()
    for (name, raw) in headers {
      let value = HeaderValue.trimmed(raw)
      guard !value.isEmpty else { continue }
      switch name.lowercased() {
      case "x-ratelimit-limit": found.limit = value
      case "x-ratelimit-remaining": found.remaining = value
      case "x-ratelimit-reset": found.reset = value
      default: break
      }
    }
    guard found.limit != nil || found.remaining != nil || found.reset != nil else { return nil }
    self = found
  }

  /// `X-RateLimit-Reset` as epoch seconds, when it is a number.
  public var resetEpochSeconds: Double? { reset.flatMap { Double($0) } }
}

/// Reads single response headers whatever their case (HTTP/2 sends them lower-case).
enum ResponseHeaders {
  static func value(_ name: String, in headers: [String: String]) -> String? {
    let wanted = name.lowercased()
    guard let value = headers.first(where: { $0.key.lowercased() == wanted })?.value else {
      return nil
    }
    let trimmed = HeaderValue.trimmed(value)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// Braze's `X-Request-Id`, cut to a sane length (it is a short token).
  static func requestId(_ headers: [String: String]) -> String? {
    value("X-Request-Id", in: headers).map { String($0.prefix(200)) }
  }
}

/// A response header's value as the client reads it.
enum HeaderValue {
  /// `value` without the leading and trailing characters of Foundation's
  /// `CharacterSet.whitespaces` (tab, space, and the Unicode spaces listed below), as
  /// `trimmingCharacters(in: .whitespaces)` gives it, without that call's trip through
  /// NSString: about 2% of a send's CPU. Most values have nothing to trim and come back as
  /// they are.
  static func trimmed(_ value: String) -> String {
    let scalars = value.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isWhitespace($0) })!
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex {
      return value
    }
    return String(scalars[first...last])
  }

  /// Whether `scalar` is in Foundation's `CharacterSet.whitespaces`: tab, and the space
  /// separators U+0020, U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F and U+3000.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
