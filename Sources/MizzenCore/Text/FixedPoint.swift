import Foundation

/// A number with a fixed count of decimals, as `String(format: "%.1f", value)` writes it
/// (`FixedPointTests` compares the two): the nearest, a tie (the binary value exactly
/// halfway) to the even last digit.
///
/// `String(format:)` passes its arguments as `CVarArg` existentials, whose first cast in a
/// process searches every protocol conformance in the program: some 0.15 ms of a send's CPU,
/// for its one latency.
public enum FixedPoint {
  public static func format(_ value: Double, places: Int) -> String {
    // 10^places; a value this small fits the exact integer arithmetic below.
    guard (0...6).contains(places), value.isFinite, value.magnitude < 1e9 else {
      return formatted(value, places: places)
    }
    var scale: UInt64 = 1
    for _ in 0..<places { scale *= 10 }
    // value = significand × 2^exponent exactly; value × scale = n / 2^shift.
    let magnitude = value.magnitude
    let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
    // Below 1e9 the exponent is under 52, so `shift` is positive; from 120 the value is
    // far below the last decimal's half.
    let shift = magnitude == 0 ? 120 : 52 - Int(magnitude.exponent)
    var units: UInt64 = 0
    if shift < 120 {
      // The product needs up to 53 + 20 bits: kept in two words.
      let product = significand.multipliedFullWidth(by: scale)
      let wide = (UInt128(product.high) << 64) | UInt128(product.low)
      units = UInt64(wide >> UInt128(shift))
      let remainder = wide & ((UInt128(1) << UInt128(shift)) - 1)
      let half = UInt128(1) << UInt128(shift - 1)
      if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
    }
    // The digits, at least one before the point, with the point put in.
    var digits = Array(String(units).utf8)
    if digits.count <= places {
      digits.insert(
        contentsOf: repeatElement(UInt8(ascii: "0"), count: places + 1 - digits.count), at: 0)
    }
    if places > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - places) }
    if value.sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }

  /// The C library's answer, for what the arithmetic above does not cover.
  private static func formatted(_ value: Double, places: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let written = withVaList([value]) { arguments in
      vsnprintf(&buffer, buffer.count, "%.\(places)f", arguments)
    }
    guard written >= 0 else { return String(value) }
    return String(nulTerminated: buffer)
  }
}
