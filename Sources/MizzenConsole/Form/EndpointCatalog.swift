import MizzenCore

/// How the console offers and shows endpoints: Braze's instances by name (`BrazeInstance`),
/// or a custom URL.
enum EndpointCatalog {
  static var instances: [BrazeInstance] { BrazeInstance.all }

  /// The instance whose REST endpoint this is exactly (trailing slash and case ignored), so
  /// that choosing it in the form writes back the same URL.
  static func instance(for endpoint: String) -> BrazeInstance? {
    var url = endpoint.lowercased()
    while url.hasSuffix("/") { url.removeLast() }
    return instances.first { $0.restEndpoint == url }
  }

  /// How the list shows an endpoint: the instance name, else the host (with its scheme
  /// when that is not https, so a plain-HTTP endpoint stands out), else the raw text.
  static func label(for endpoint: String) -> String {
    if let instance = BrazeInstance.instance(forEndpoint: endpoint) { return instance.name }
    guard let scheme = endpoint.firstRange(of: "://") else { return endpoint }
    let host = endpoint[scheme.upperBound...].prefix { $0 != "/" }
    if host.isEmpty { return endpoint }
    let name = endpoint[..<scheme.lowerBound]
    return name.lowercased() == "https" ? String(host) : name + "://" + host
  }
}
