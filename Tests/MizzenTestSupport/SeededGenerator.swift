/// A small deterministic generator (SplitMix64), shared by the fuzz, property and crash
/// tests, so that a failing case can be replayed from the seed its message names.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The standard library's draws, spelt out for this generator alone: they take the same
/// values from the same seed (`Int.random(in:using:)`, `Bool.random(using:)`,
/// `randomElement(using:)`, `shuffle(using:)`), without the generic code that a debug build
/// runs for each, which made the fuzz tests' generators cost more than what they test.
extension SeededGenerator {
  /// `Int.random(in: 0..<bound, using: &self)`: Lemire's method, as the standard library's
  /// `next(upperBound:)`.
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "an empty range")
    let upper = UInt64(bound)
    var random = next()
    var product = random.multipliedFullWidth(by: upper)
    if product.low < upper {
      let threshold = (0 &- upper) % upper
      while product.low < threshold {
        random = next()
        product = random.multipliedFullWidth(by: upper)
      }
    }
    return Int(product.high)
  }

  /// `Int.random(in: range, using: &self)`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// `Bool.random(using: &self)`.
  public mutating func bool() -> Bool { (next() >> 17) & 1 == 0 }

  /// `elements.randomElement(using: &self)!`.
  public mutating func element<Element>(of elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// `elements.shuffle(using: &self)`: Fisher–Yates from the front.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    var amount = elements.count
    var current = 0
    while amount > 1 {
      let offset = below(amount)
      amount -= 1
      elements.swapAt(current, current + offset)
      current += 1
    }
  }
}
