/// Decides what a request gets, in the order Braze's edge would: injected faults, then
/// the path, the API key, the rate limit of the endpoint's pool, the key's permission,
/// and finally the endpoint.
final class SandboxRouter: Sendable {
  /// What to do with a request.
  enum Outcome {
    case respond(HTTPResponse)
    /// Close the connection without answering (an injected fault).
    case drop
  }

  /// Braze's limits are per workspace: one count per pool, whatever the key.
  private static let workspace = "workspace"

  private let keys: [String: Set<String>]
  private let limiters: [RateLimitPool: RateLimiter]
  let faults: FaultInjector
  let endpoints: SandboxEndpoints

  init(_ configuration: SandboxConfiguration) {
    keys = configuration.keys
    limiters = Dictionary(
      uniqueKeysWithValues: RateLimitPool.allCases.map { pool in
        let limit = configuration.limit(for: pool)
        return (
          pool, RateLimiter(limit: limit.requests, window: limit.window, now: configuration.now)
        )
      })
    faults = FaultInjector(failureRate: configuration.failureRate)
    endpoints = SandboxEndpoints(
      groups: configuration.groups, createsUnknownGroups: configuration.createsUnknownGroups,
      itemErrors: configuration.itemErrors)
  }

  /// The outcome for `request`, and any injected delay to wait before giving it.
  func route(_ request: HTTPRequest) -> (Outcome, Duration) {
    var delay = Duration.zero
    let endpoint = SandboxEndpoint(path: request.path)
    switch faults.next() {
    case .dropConnection?:
      return (.drop, delay)
    case .status(let status)?:
      let body = HTTPResponse.error(
        status, "\(HTTPResponse.reason(status)) (a fault injected by the sandbox).")
      return (.respond(withLimits(body, peek(endpoint?.pool ?? .other))), delay)
    case .delay(let extra)?:
      delay = extra
    case nil:
      break
    }
    return (.respond(answer(request, endpoint: endpoint)), delay)
  }

  private func answer(_ request: HTTPRequest, endpoint: SandboxEndpoint?) -> HTTPResponse {
    guard let endpoint else {
      return withLimits(
        .error(404, "Not Found: there is no Braze endpoint at \(request.path)."), peek(.other))
    }
    guard request.method == endpoint.method else {
      var response = HTTPResponse.error(
        405, "Method Not Allowed: \(endpoint.path) takes \(endpoint.method).")
      response.headers.append(("Allow", endpoint.method))
      return withLimits(response, peek(endpoint.pool))
    }
    guard let token = request.bearerToken, let permissions = keys[token] else {
      // Braze echoes the key as sent and leaves the rate-limit values empty
      // (braze-api.md §10); a client must mask the one and tolerate the other.
      var response = HTTPResponse.error(
        401, "Invalid API key: \(request.bearerToken ?? "")")
      response.headers += RateLimiter.Standing.emptyHeaders
      return response
    }
    let standing = limiters[endpoint.pool]!.consume(Self.workspace)
    guard standing.allowed else {
      return withLimits(
        .error(
          429,
          "Rate limit exceeded: \(standing.limit) requests per window for \(endpoint.path) "
            + "and the endpoints that share its limit; retry after the time in "
            + "X-RateLimit-Reset."),
        standing)
    }
    guard permissions.contains(endpoint.permission) else {
      return withLimits(
        .error(
          403, "Access Denied: this API key lacks the '\(endpoint.permission)' permission"),
        standing)
    }
    return withLimits(endpoints.handle(endpoint, request), standing)
  }

  /// A response for a request that could not be read, with the headers every answer carries.
  func unreadable(_ response: HTTPResponse) -> HTTPResponse {
    withLimits(response, peek(.other))
  }

  private func peek(_ pool: RateLimitPool) -> RateLimiter.Standing {
    limiters[pool]!.peek(Self.workspace)
  }

  private func withLimits(_ response: HTTPResponse, _ standing: RateLimiter.Standing)
    -> HTTPResponse
  {
    var response = response
    response.headers += standing.headers
    return response
  }
}
