import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

/// `FixedPoint.format` writes what `String(format: "%.Nf")` writes.
@Suite struct FixedPointTests {
  static func printf(_ value: Double, _ places: Int) -> String {
    String(format: "%.\(places)f", value)
  }

  @Test(
    arguments: [
      0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 9.95,
      9.995, 99.95, 999.95, 0.04999999999999999, 123.456, 1e-300, .leastNonzeroMagnitude, -0.01,
      -1.25, 41.0,
      999_999_999.95, 1e9, 1e15, 1e300, .infinity, -.infinity, .nan,
    ])
  func knownValues(_ value: Double) {
    for places in 0...3 {
      #expect(FixedPoint.format(value, places: places) == Self.printf(value, places), "\(value)")
    }
  }

  /// Random latencies, and values on the halves and quarters where ties fall.
  @Test func randomValues() {
    var random = SeededGenerator(seed: 0xF1_4ED)
    for _ in 0..<20_000 {
      let places = Int.random(in: 0...3, using: &random)
      let kind = Int.random(in: 0..<3, using: &random)
      let value: Double
      switch kind {
      case 0: value = Double(Int.random(in: 0...4_000_000, using: &random)) / 1_000
      case 1: value = Double(Int.random(in: -40_000...40_000, using: &random)) / 8
      default:
        value = Double(bitPattern: random.next() & 0x41CF_FFFF_FFFF_FFFF)
      }
      #expect(
        FixedPoint.format(value, places: places) == Self.printf(value, places),
        "\(value) to \(places) places")
    }
  }
}
