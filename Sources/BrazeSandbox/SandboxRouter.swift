/// Decides what a request gets, in the order Braze's edge would: injected faults, then
/// the path, the API key, the rate limit, the key's permission, and finally the endpoint.
final class SandboxRouter: Sendable {
  /// What to do with a request.
  enum Outcome {
    case respond(HTTPResponse)
    /// Close the connection without answering (an injected fault).
    case drop
  }

  private let keys: [String: Set<String>]
  private let rateLimiter: RateLimiter
  let faults: FaultInjector
  let endpoints: SandboxEndpoints

  init(_ configuration: SandboxConfiguration) {
    keys = configuration.keys
    rateLimiter = RateLimiter(
      limit: configuration.rateLimit, window: configuration.rateLimitWindow)
    faults = FaultInjector(failureRate: configuration.failureRate)
    endpoints = SandboxEndpoints(
      groups: configuration.groups, createsUnknownGroups: configuration.createsUnknownGroups)
  }

  /// The outcome for `request`, and any injected delay to wait before giving it.
  func route(_ request: HTTPRequest) -> (Outcome, Duration) {
    var delay = Duration.zero
    let token = request.bearerToken
    let knownKey = token.flatMap { keys[$0] == nil ? nil : $0 }
    switch faults.next() {
    case .dropConnection?:
      return (.drop, delay)
    case .status(let status)?:
      let body = HTTPResponse.error(
        status, "\(HTTPResponse.reason(status)) (a fault injected by the sandbox).")
      return (.respond(withLimits(body, rateLimiter.peek(knownKey))), delay)
    case .delay(let extra)?:
      delay = extra
    case nil:
      break
    }
    return (.respond(answer(request, token: token, knownKey: knownKey)), delay)
  }

  private func answer(_ request: HTTPRequest, token: String?, knownKey: String?) -> HTTPResponse {
    guard let endpoint = SandboxEndpoint(path: request.path) else {
      return withLimits(
        .error(404, "Not Found: there is no Braze endpoint at \(request.path)."),
        rateLimiter.peek(knownKey))
    }
    guard request.method == endpoint.method else {
      var response = HTTPResponse.error(
        405, "Method Not Allowed: \(endpoint.path) takes \(endpoint.method).")
      response.headers.append(("Allow", endpoint.method))
      return withLimits(response, rateLimiter.peek(knownKey))
    }
    guard let token, let knownKey, let permissions = keys[token] else {
      return withLimits(.error(401, "Invalid API key"), rateLimiter.peek(nil))
    }
    let standing = rateLimiter.consume(knownKey)
    guard standing.allowed else {
      return withLimits(
        .error(
          429,
          "Rate limit exceeded: \(standing.limit) requests per window for this key; retry after "
            + "the time in X-RateLimit-Reset."),
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
    withLimits(response, rateLimiter.peek(nil))
  }

  private func withLimits(_ response: HTTPResponse, _ standing: RateLimiter.Standing)
    -> HTTPResponse
  {
    var response = response
    response.headers += standing.headers
    return response
  }
}
