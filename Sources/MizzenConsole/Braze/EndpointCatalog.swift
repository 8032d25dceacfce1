/// Braze's REST instances by name, for the endpoint chooser and the list's instance column
/// (braze-api.md §6).
enum EndpointCatalog {
  struct Instance: Equatable, Sendable {
    var name: String
    var url: String
  }

  static let instances: [Instance] =
    (1...8).map { Instance(name: "US-0\($0)", url: "https://rest.iad-0\($0).braze.com") } + [
      Instance(name: "US-10", url: "https://rest.us-10.braze.com"),
      Instance(name: "EU-01", url: "https://rest.fra-01.braze.eu"),
      Instance(name: "EU-02", url: "https://rest.fra-02.braze.eu"),
      Instance(name: "AU-01", url: "https://rest.au-01.braze.com"),
      Instance(name: "ID-01", url: "https://rest.id-01.braze.com"),
      Instance(name: "JP-01", url: "https://rest.jp-01.braze.com"),
      Instance(name: "KR-01", url: "https://rest.kr-01.braze.com"),
    ]

  /// The instance whose REST endpoint this is (trailing slash and case ignored).
  static func instance(for endpoint: String) -> Instance? {
    var url = endpoint.lowercased()
    while url.hasSuffix("/") { url.removeLast() }
    return instances.first { $0.url == url }
  }

  /// How the list shows an endpoint: the instance name, else the host, else the raw text.
  static func label(for endpoint: String) -> String {
    if let instance = instance(for: endpoint) { return instance.name }
    guard let scheme = endpoint.firstRange(of: "://") else { return endpoint }
    let rest = endpoint[scheme.upperBound...]
    let host = rest.prefix { $0 != "/" }
    return host.isEmpty ? endpoint : String(host)
  }
}
