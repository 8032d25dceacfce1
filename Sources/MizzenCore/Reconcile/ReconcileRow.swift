/// One row of a preference export as read (SPEC §9), before it is matched to the
/// workspace: identity values by identity-space code, the topic, the optional channel,
/// the choice and its optional time.
public struct ReconcileRow: Equatable, Sendable {
  /// The 1-based line of the input the row starts on.
  public var line: Int
  public var identities: [String: String]
  public var topic: String
  /// Nil: every channel of the topic.
  public var channel: String?
  public var state: SignalState
  /// Milliseconds since the epoch, when the row has an `at`.
  public var at: Int64?

  public init(
    line: Int, identities: [String: String], topic: String, channel: String?,
    state: SignalState, at: Int64?
  ) {
    self.line = line
    self.identities = identities
    self.topic = topic
    self.channel = channel
    self.state = state
    self.at = at
  }
}

/// A row the reader or the planner refused, with why.
public struct ReconcileReject: Error, Equatable, Sendable {
  public var line: Int
  public var reason: String
  /// The topic and channel the row named, when they exist in the workspace, so that the
  /// refusal is counted under them.
  public var topic: String?
  public var channel: String?

  public init(line: Int, reason: String, topic: String? = nil, channel: String? = nil) {
    self.line = line
    self.reason = reason
    self.topic = topic
    self.channel = channel
  }
}

/// RFC 3339 timestamps (`2026-03-01T12:00:00Z`, `…12:00:00.250+02:00`) read by hand: the
/// reader meets one a row, and Foundation's formatters cost microseconds each.
public enum RFC3339 {
  /// Milliseconds since the epoch, or nil when `text` is not an RFC 3339 date-time.
  public static func milliseconds(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ count: Int) -> Int64? {
      guard index + count <= bytes.count else { return nil }
      var value: Int64 = 0
      for byte in bytes[index..<index + count] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      index += count
      return value
    }
    func expect(_ allowed: [UInt8]) -> Bool {
      guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect([45]), let month = number(2), expect([45]),
      let day = number(2), expect([84, 116, 32]), let hour = number(2), expect([58]),
      let minute = number(2), expect([58]), let second = number(2)
    else { return nil }
    guard (1...12).contains(month), (1...daysIn(month, year)).contains(day), hour < 24,
      minute < 60, second < 61
    else { return nil }
    var millis: Int64 = 0
    if index < bytes.count && bytes[index] == 46 {
      index += 1
      var digits = 0
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        if digits < 3 { millis = millis * 10 + Int64(bytes[index] - 48) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 3) { millis *= 10 }
    }
    var offset: Int64 = 0
    if expect([90, 122]) {
      offset = 0
    } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
      let sign: Int64 = bytes[index] == 45 ? -1 : 1
      index += 1
      guard let hours = number(2), expect([58]), let minutes = number(2), hours < 24,
        minutes < 60
      else { return nil }
      offset = sign * (hours * 60 + minutes)
    } else {
      return nil
    }
    guard index == bytes.count else { return nil }
    let days = daysFromCivil(year, month, day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset * 60
    return seconds * 1000 + millis
  }

  private static func daysIn(_ month: Int64, _ year: Int64) -> Int64 {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  private static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
