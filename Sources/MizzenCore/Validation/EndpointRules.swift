import Foundation

/// The rules of a connection's `endpoint`: an http(s) URL with a host, https unless the host
/// is loopback (the local sandbox), and preferably one of Braze's REST hosts.
enum EndpointRules {
  static func check(_ endpoint: String, at path: ProblemPath, into sink: inout ProblemSink) {
    if endpoint.isEmpty {
      sink.add(
        .endpointMissing, path,
        "Set the REST endpoint, e.g. https://rest.iad-01.braze.com; the Braze dashboard shows "
          + "it under Settings > APIs and Identifiers.")
      return
    }
    guard let url = URLComponents(string: endpoint), let scheme = url.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let rawHost = url.host, !rawHost.isEmpty
    else {
      sink.add(
        .endpointInvalid, path,
        "The endpoint \"\(endpoint)\" is not an http(s) URL with a host: write it as "
          + "https://rest.<instance>.braze.com, e.g. https://rest.iad-01.braze.com.")
      return
    }
    let host = normalisedHost(rawHost)
    let loopback = isLoopback(host)
    if scheme == "http" && !loopback {
      sink.add(
        .endpointInsecure, path,
        "The endpoint uses plain http:// for \(host), which would send the API key "
          + "unencrypted: use https:// (plain http is only for a loopback host such as "
          + "127.0.0.1, where the local sandbox runs).")
    }
    let hasPath = !url.percentEncodedPath.isEmpty && url.percentEncodedPath != "/"
    if hasPath || url.query != nil || url.fragment != nil || url.user != nil {
      sink.add(
        .endpointPath, path,
        "The endpoint has more than a scheme and host: Mizzen adds the API paths itself "
          + "(e.g. /subscription/status/set), so keep only \(scheme)://\(rawHost)"
          + (url.port.map { ":\($0)" } ?? "") + ".")
    }
    if !loopback && !BrazeInstance.isKnownRESTHost(host) {
      sink.add(.endpointUnknownHost, path, unknownHostMessage(host))
    }
  }

  private static func unknownHostMessage(_ host: String) -> String {
    let hint: String
    if host.hasPrefix("sdk.") {
      hint = " It looks like an SDK host, which does not serve the REST API: use the rest. host"
    } else if host.hasPrefix("dashboard") {
      hint = " It looks like a dashboard host: use the instance's rest. host instead"
    } else {
      hint =
        " If it is a proxy you run, ignore this; otherwise copy the endpoint from the "
        + "Braze dashboard (Settings > APIs and Identifiers)"
    }
    return "\(host) is not one of Braze's REST hosts (rest.iad-01.braze.com … "
      + "rest.fra-01.braze.eu …).\(hint)."
  }

  /// Lower case, without IPv6 brackets or a trailing dot.
  static func normalisedHost(_ host: String) -> String {
    var text = host.lowercased()
    if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// `localhost`, `::1`, or an IPv4 address in 127.0.0.0/8.
  static func isLoopback(_ host: String) -> Bool {
    if host == "localhost" || host == "::1" { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "127" else { return false }
    return parts.allSatisfy { part in
      (1...3).contains(part.utf8.count)
        && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        && UInt8(part) != nil
    }
  }
}
