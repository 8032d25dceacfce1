import Foundation

/// Timing figures of one benchmark, in milliseconds.
public struct Measurement: Sendable {
  public var name: String
  public var samples: [Double]

  public var median: Double { percentile(0.5) }
  public var p95: Double { percentile(0.95) }
  public var best: Double { samples.min() ?? 0 }

  public func percentile(_ p: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
    return sorted[index]
  }

  /// One line: name, median, p95 and best, with the budget when one is given.
  public func report(budgetMs: Double? = nil) -> String {
    var line = String(
      format: "%-44@ median %9.3f ms   p95 %9.3f ms   best %9.3f ms", name as NSString, median,
      p95, best)
    if let budgetMs {
      line += String(format: "   budget %.3f ms %@", budgetMs, median <= budgetMs ? "ok" : "OVER")
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
  samples.reserveCapacity(iterations)
  let clock = ContinuousClock()
  for _ in 0..<iterations {
    let elapsed = try clock.measure { try body() }
    samples.append(milliseconds(elapsed))
  }
  return Measurement(name: name, samples: samples)
}

/// A duration in milliseconds.
public func milliseconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}
