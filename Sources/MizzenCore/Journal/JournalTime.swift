import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Journal timestamps: ISO 8601 in UTC with milliseconds, e.g. `2026-03-01T09:15:02.137Z`.
///
/// Written by hand rather than with `ISO8601DateFormatter`, whose ICU formatter took a few
/// milliseconds to make on every send; the text is the same (to the nearest
/// millisecond).
public enum JournalTime {
  public static func string(_ date: Date) -> String {
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    let seconds = (milliseconds / 1000).rounded(.down)
    var time = time_t(seconds)
    var parts = tm()
    guard gmtime_r(&time, &parts) != nil else { return "" }
    // Digits by hand: `String(format:)` goes through Foundation's formatter, a noticeable
    // part of a send's own work.
    return digits(Int(parts.tm_year) + 1900, 4) + "-" + digits(Int(parts.tm_mon) + 1, 2) + "-"
      + digits(Int(parts.tm_mday), 2) + "T" + digits(Int(parts.tm_hour), 2) + ":"
      + digits(Int(parts.tm_min), 2) + ":" + digits(Int(parts.tm_sec), 2) + "."
      + digits(Int(milliseconds - seconds * 1000), 3) + "Z"
  }

  /// `value` with leading zeros to `width` digits, as `%0*d` writes it.
  private static func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value.magnitude)
    let padding = String(repeating: "0", count: max(0, width - text.count - (value < 0 ? 1 : 0)))
    return (value < 0 ? "-" : "") + padding + text
  }
}
