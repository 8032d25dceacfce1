import Foundation

/// With `MIZZEN_TRACE_FIRST_FRAME=1`: how long after the process started the first frame
/// reached the terminal, and the peak memory, printed to standard error on exit.
///
/// The start is the kernel's record of the process (`/proc/self/stat`, in clock ticks of
/// 10 ms), so the figure includes loading the program and the Swift runtime.
struct StartupTrace {
  private(set) var firstFrameMilliseconds: Double?
  /// Milliseconds since the process started at which each step of opening ended.
  private var steps: [(name: String, at: Double)] = []

  static var isRequested: Bool {
    ProcessInfo.processInfo.environment["MIZZEN_TRACE_FIRST_FRAME"] == "1"
  }

  /// Notes that a step of opening (reaching our code, loading, …) has just ended.
  mutating func step(_ name: String) {
    guard firstFrameMilliseconds == nil, let since = Self.sinceProcessStart() else { return }
    steps.append((name, since))
  }

  mutating func firstFrameDrawn() {
    guard firstFrameMilliseconds == nil else { return }
    firstFrameMilliseconds = Self.sinceProcessStart()
  }

  private static func sinceProcessStart() -> Double? {
    processStartMilliseconds().map { bootClockMilliseconds() - $0 }
  }

  /// One line for standard error, after the terminal is given back.
  var report: String {
    let frame = firstFrameMilliseconds.map { String(format: "%.0f ms", $0) } ?? "not drawn"
    let peak = Self.peakMemoryKilobytes().map { String(format: "%.1f MB", Double($0) / 1024) }
    var previous = 0.0
    var parts: [String] = []
    for step in steps {
      parts.append(String(format: "%@ %.0f", step.name, step.at - previous))
      previous = step.at
    }
    if let last = firstFrameMilliseconds {
      parts.append(String(format: "render and draw %.0f", last - previous))
    }
    return "mizzen: first frame \(frame) after process start (ms: "
      + parts.joined(separator: ", ") + "); peak memory \(peak ?? "unknown")"
  }

  /// Milliseconds since boot at which this process started.
  private static func processStartMilliseconds() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name start at field 3; the start time is field 22.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
    return ticks * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  private static func bootClockMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_BOOTTIME, &now)
    return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1_000_000
  }

  /// The process's peak resident memory (VmHWM) in kilobytes.
  static func peakMemoryKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
    return nil
  }
}
