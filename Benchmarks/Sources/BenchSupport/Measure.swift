import Foundation

/// Timing figures of one benchmark, in milliseconds.
public struct Measurement: Sendable {
  public var name: String
  /// Wall time of each run.
  public var samples: [Double]
  /// CPU time of each run (this thread's), which waiting for a core on a busy machine
  /// does not inflate.
  public var cpuSamples: [Double] = []

  public var median: Double { percentile(0.5) }
  public var p95: Double { percentile(0.95) }
  public var best: Double { samples.min() ?? 0 }
  /// The least CPU time of a run: what budgets are checked against.
  public var bestCPU: Double { cpuSamples.min() ?? best }

  public func percentile(_ p: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
    return sorted[index]
  }

  /// One line: name, wall median, p95 and best, best CPU time, and the budget when one is
  /// given, checked against the best CPU time (a wall-clock median flips on a busy machine).
  public func report(budgetMs: Double? = nil) -> String {
    var line = String(
      format: "%-44@ median %9.3f ms   p95 %9.3f ms   best %9.3f ms   best cpu %9.3f ms",
      name as NSString, median, p95, best, bestCPU)
    if let budgetMs {
      line += String(format: "   budget %.3f ms %@", budgetMs, bestCPU <= budgetMs ? "ok" : "OVER")
    }
    return line
  }
}

/// Runs `body` `warmup` times unmeasured, then `iterations` times measured.
public func measure(
  _ name: String, iterations: Int, warmup: Int = 1, _ body: () throws -> Void
) rethrows -> Measurement {
  for _ in 0..<warmup { try body() }
  var samples: [Double] = []
  var cpuSamples: [Double] = []
  samples.reserveCapacity(iterations)
  cpuSamples.reserveCapacity(iterations)
  let clock = ContinuousClock()
  for _ in 0..<iterations {
    let cpuBefore = threadCPUMilliseconds()
    let elapsed = try clock.measure { try body() }
    cpuSamples.append(threadCPUMilliseconds() - cpuBefore)
    samples.append(milliseconds(elapsed))
  }
  return Measurement(name: name, samples: samples, cpuSamples: cpuSamples)
}

/// The CPU time the calling thread has used, in milliseconds.
public func threadCPUMilliseconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

/// A duration in milliseconds.
public func milliseconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}
