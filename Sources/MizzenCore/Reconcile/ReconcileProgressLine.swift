/// Progress as people read it (SPEC §9): a bar for a terminal, a plain line for a log.
public enum ReconcileProgressLine {
  /// `reading [#####-----] 50,000/100,000 rows 50% · 48,000 rows/s · ETA 0:01 · drift 12 · errors 0`
  public static func bar(_ progress: ReconcileProgress, width: Int = 20) -> String {
    let fraction = progress.total == 0 ? 1 : Double(progress.done) / Double(progress.total)
    let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    return verb(progress) + " [" + bar + "] " + figures(progress)
  }

  /// The same figures without a bar, for a line every few seconds in a log.
  public static func line(_ progress: ReconcileProgress) -> String {
    verb(progress) + " " + figures(progress)
  }

  private static func verb(_ progress: ReconcileProgress) -> String {
    progress.phase == .read ? "reading" : "applying"
  }

  private static func figures(_ progress: ReconcileProgress) -> String {
    let seconds = seconds(progress.elapsed)
    let rate = seconds > 0 ? Double(progress.done) / seconds : 0
    let percent = progress.total == 0 ? 100 : progress.done * 100 / progress.total
    var parts = [
      "\(grouped(progress.done))/\(grouped(progress.total)) rows \(percent)%",
      "\(grouped(Int(rate.rounded()))) rows/s",
    ]
    if rate > 0 && progress.done < progress.total {
      parts.append("ETA " + clock(Double(progress.total - progress.done) / rate))
    }
    parts.append("drift \(grouped(progress.drift))")
    parts.append("errors \(grouped(progress.errors))")
    if progress.rateLimited > 0 { parts.append("429s \(grouped(progress.rateLimited))") }
    return parts.joined(separator: " · ")
  }

  /// `1,234,567`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }

  /// `m:ss`, or `h:mm:ss` past an hour.
  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0
      ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
