/// One of Braze's data-centre instances and its REST endpoint (braze-api.md §6).
///
/// Used to offer endpoints by name in the console and to tell a known Braze REST host
/// from a custom one (an unknown host is a validation warning, not an error).
public struct BrazeInstance: Equatable, Hashable, Sendable {
  /// The name Braze gives the instance, e.g. `US-03` or `EU-01`.
  public var name: String
  /// The REST endpoint with scheme and no trailing slash, e.g. `https://rest.iad-03.braze.com`.
  public var restEndpoint: String
  /// The dashboard URL, which tells an admin which instance their account is on.
  public var dashboard: String

  public init(name: String, restEndpoint: String, dashboard: String) {
    self.name = name
    self.restEndpoint = restEndpoint
    self.dashboard = dashboard
  }

  /// The host part of `restEndpoint`, e.g. `rest.iad-03.braze.com`.
  public var restHost: String {
    String(restEndpoint.dropFirst("https://".count))
  }

  /// Every REST instance, in the order Braze lists them. There is no US-09.
  public static let all: [BrazeInstance] =
    (1...8).map { number in
      BrazeInstance(
        name: "US-0\(number)", restEndpoint: "https://rest.iad-0\(number).braze.com",
        dashboard: "https://dashboard-0\(number).braze.com")
    } + [
      BrazeInstance(
        name: "US-10", restEndpoint: "https://rest.us-10.braze.com",
        dashboard: "https://dashboard.us-10.braze.com"),
      BrazeInstance(
        name: "EU-01", restEndpoint: "https://rest.fra-01.braze.eu",
        dashboard: "https://dashboard-01.braze.eu"),
      BrazeInstance(
        name: "EU-02", restEndpoint: "https://rest.fra-02.braze.eu",
        dashboard: "https://dashboard-02.braze.eu"),
      BrazeInstance(
        name: "AU-01", restEndpoint: "https://rest.au-01.braze.com",
        dashboard: "https://dashboard.au-01.braze.com"),
      BrazeInstance(
        name: "ID-01", restEndpoint: "https://rest.id-01.braze.com",
        dashboard: "https://dashboard.id-01.braze.com"),
      BrazeInstance(
        name: "JP-01", restEndpoint: "https://rest.jp-01.braze.com",
        dashboard: "https://dashboard.jp-01.braze.com"),
      BrazeInstance(
        name: "KR-01", restEndpoint: "https://rest.kr-01.braze.com",
        dashboard: "https://dashboard.kr-01.braze.com"),
    ]

  /// The instance whose REST host is `host` (compared without regard to case, a trailing
  /// dot or a port), or nil for any other host.
  public static func instance(forHost host: String) -> BrazeInstance? {
    let wanted = normalizedHost(host)
    return all.first { $0.restHost == wanted }
  }

  /// The instance a REST endpoint URL such as `https://rest.fra-01.braze.eu/` points at.
  public static func instance(forEndpoint endpoint: String) -> BrazeInstance? {
    guard let host = EndpointURL(endpoint)?.host else { return nil }
    return instance(forHost: host)
  }

  /// The instance with this name (`us-03` and `US-03` both match).
  public static func instance(named name: String) -> BrazeInstance? {
    let wanted = name.uppercased()
    return all.first { $0.name == wanted }
  }

  /// True when `host` is one of Braze's REST hosts. SDK hosts (`sdk.iad-01.braze.com`) and
  /// dashboard hosts are not REST hosts.
  public static func isKnownRESTHost(_ host: String) -> Bool {
    instance(forHost: host) != nil
  }

  private static func normalizedHost(_ host: String) -> String {
    var text = host.lowercased()
    if let colon = text.lastIndex(of: ":"), !text.hasSuffix("]") {
      text = String(text[..<colon])
    }
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
