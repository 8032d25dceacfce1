import Foundation

/// Journal timestamps: ISO 8601 in UTC with milliseconds, e.g. `2026-03-01T09:15:02.137Z`.
public enum JournalTime {
  public static func string(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
