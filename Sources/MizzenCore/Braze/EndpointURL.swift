/// A connection's REST endpoint taken apart: scheme, host, port and base path.
///
/// Parsed by hand rather than with `URLComponents` because planning runs on every
/// keystroke of the console's test-send form and must stay in the microseconds.
public struct EndpointURL: Equatable, Sendable {
  /// `https` or `http`, lower-cased.
  public var scheme: String
  /// Lower-cased; IPv6 literals keep their brackets, e.g. `[::1]`.
  public var host: String
  public var port: Int?
  /// Empty, or a path such as `/braze` without a trailing slash.
  public var basePath: String

  /// Parses `text`; nil unless it is an `http://` or `https://` URL with a host and
  /// without user info, query or fragment.
  public init?(_ text: String) {
    let lowered = text.lowercased()
    let rest: Substring
    if lowered.hasPrefix("https://") {
      scheme = "https"
      rest = text.dropFirst(8)
    } else if lowered.hasPrefix("http://") {
      scheme = "http"
      rest = text.dropFirst(7)
    } else {
      return nil
    }
    if rest.contains(where: { $0 == "?" || $0 == "#" || $0 == "@" || $0 == " " }) { return nil }
    let authority = rest.prefix { $0 != "/" }
    var path = String(rest.dropFirst(authority.count))
    while path.hasSuffix("/") { path.removeLast() }
    basePath = path
    var hostPart = Substring(authority)
    port = nil
    if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
      guard let number = Int(authority[authority.index(after: colon)...]), number > 0,
        number < 65536
      else { return nil }
      port = number
      hostPart = authority[..<colon]
    }
    guard !hostPart.isEmpty else { return nil }
    host = hostPart.lowercased()
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
}
