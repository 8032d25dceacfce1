/// A connection's REST endpoint taken apart: scheme, host, port and base path.
///
/// Parsed by hand over UTF-8 bytes rather than with `URLComponents` because planning runs
/// on every keystroke of the console's test-send form and must stay in the microseconds.
public struct EndpointURL: Equatable, Sendable {
  /// `https` or `http`, lower-cased.
  public var scheme: String
  /// Lower-cased (ASCII: hosts are Punycode); IPv6 literals keep their brackets.
  public var host: String
  public var port: Int?
  /// Empty, or a path such as `/braze` without a trailing slash.
  public var basePath: String

  /// Parses `text`; nil unless it is an `http://` or `https://` URL with a host and
  /// without user info, query or fragment.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    let start: Int
    if Self.hasPrefix(bytes, "https://") {
      scheme = "https"
      start = 8
    } else if Self.hasPrefix(bytes, "http://") {
      scheme = "http"
      start = 7
    } else {
      return nil
    }
    let rest = bytes[start...]
    // A switch, not a `Set<UInt8>`, whose type is instantiated by name on first use.
    let forbidden = rest.contains { byte in
      switch byte {
      case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: " "): true
      default: false
      }
    }
    if forbidden { return nil }
    let slash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
    var authority = rest[start..<slash]
    var pathEnd = rest.endIndex
    while pathEnd > slash && bytes[pathEnd - 1] == UInt8(ascii: "/") { pathEnd -= 1 }
    basePath = String(decoding: bytes[slash..<pathEnd], as: UTF8.self)
    port = nil
    if let colon = authority.lastIndex(of: UInt8(ascii: ":")),
      authority.last != UInt8(ascii: "]")
    {
      let digits = authority[(colon + 1)...]
      guard !digits.isEmpty, digits.count <= 5,
        digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      else { return nil }
      let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      guard number > 0, number < 65536 else { return nil }
      port = number
      authority = authority[..<colon]
    }
    guard !authority.isEmpty else { return nil }
    host = String(decoding: authority.map(Self.asciiLower), as: UTF8.self)
  }

  /// True for `localhost`, `127.x.x.x` and `[::1]`: the only hosts plain `http://` may
  /// be used with, which is how the local sandbox is reached.
  public var isLoopback: Bool {
    host == "localhost" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// `scheme://host[:port]basePath`, the prefix every request URL starts with.
  public var base: String {
    var text = scheme + "://" + host
    if let port { text += ":" + String(port) }
    return text + basePath
  }

  private static func hasPrefix(_ bytes: [UInt8], _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let start = prefix.utf8Start
    for index in 0..<count where asciiLower(bytes[index]) != start[index] { return false }
    return true
  }

  private static func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
  }
}
