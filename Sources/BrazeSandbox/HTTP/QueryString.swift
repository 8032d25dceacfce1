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
  ///
  /// Works on the target's bytes (a target is visible ASCII, see `HTTPRequestHead`):
  /// cutting a long query by characters cost more than answering it.
  static func split(_ target: String) -> (path: String, query: [String: [String]]) {
    let bytes = Array(target.utf8)
    guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else {
      return (decode(bytes[...], keepingSlashes: true), [:])
    }
    let path = decode(bytes[..<mark], keepingSlashes: true)
    var query: [String: [String]] = [:]
    for pair in bytes[(mark + 1)...].split(separator: UInt8(ascii: "&")) {
      let name: ArraySlice<UInt8>
      let value: ArraySlice<UInt8>
      if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
        name = pair[..<equals]
        value = pair[(equals + 1)...]
      } else {
        name = pair
        value = []
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
  static func decode(_ text: ArraySlice<UInt8>, keepingSlashes: Bool = false) -> String {
    guard text.contains(UInt8(ascii: "%")) else { return String(decoding: text, as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count)
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      if byte == UInt8(ascii: "%"), text.endIndex - index >= 3,
        let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]),
        !(keepingSlashes && high << 4 | low == UInt8(ascii: "/"))
      {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(byte)
        index += 1
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
