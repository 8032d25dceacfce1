/// Splits a request target into its path and query parameters.
enum QueryString {
  /// The percent-decoded path and the parameters of `target`.
  ///
  /// In the path, `%2F` stays encoded: an encoded slash is data within a segment, not a
  /// separator (RFC 3986 §2.2), so `/subscription%2Fstatus%2Fset` names no endpoint.
  ///
  /// `+` is kept as a plus sign, not turned into a space: clients commonly leave the `+`
  /// of an E.164 phone unencoded in a query (`phone[]=+15551234567`), and Braze's GET
  /// endpoints take phones in that form.
  static func split(_ target: String) -> (path: String, query: [String: [String]]) {
    guard let mark = target.firstIndex(of: "?") else {
      return (decode(Substring(target), keepingSlashes: true), [:])
    }
    let path = decode(target[..<mark], keepingSlashes: true)
    var query: [String: [String]] = [:]
    for pair in target[target.index(after: mark)...].split(separator: "&") {
      let name: Substring
      let value: Substring
      if let equals = pair.firstIndex(of: "=") {
        name = pair[..<equals]
        value = pair[pair.index(after: equals)...]
      } else {
        name = pair
        value = ""
      }
      var key = decode(name)
      if key.hasSuffix("[]") { key.removeLast(2) }
      guard !key.isEmpty else { continue }
      query[key, default: []].append(decode(value))
    }
    return (path, query)
  }

  /// Percent-decoding that leaves malformed escapes as they are instead of failing;
  /// with `keepingSlashes`, `%2F` is left encoded.
  static func decode(_ text: Substring, keepingSlashes: Bool = false) -> String {
    guard text.contains("%") else { return String(text) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%"), iterator.count >= 2,
        let high = hexValue(iterator[iterator.startIndex]),
        let low = hexValue(iterator[iterator.startIndex + 1]),
        !(keepingSlashes && high << 4 | low == UInt8(ascii: "/"))
      {
        bytes.append(high << 4 | low)
        iterator.removeFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
