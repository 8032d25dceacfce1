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
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec), Int(milliseconds - seconds * 1000))
  }
}
