/// One HTTP call the planner decided on, complete except for the API key, which is added
/// only when the call is sent (so a plan can be shown, logged or journaled safely).
public struct PlannedRequest: Equatable, Sendable {
  public var purpose: RequestPurpose
  /// `GET` or `POST`.
  public var method: String
  /// The full URL, query included.
  public var url: String
  /// The endpoint path, e.g. `/subscription/status/set`.
  public var path: String
  /// Every header except `Authorization`.
  public var headers: [HTTPHeader]
  /// The exact body bytes (JSON with sorted keys), or nil for a GET.
  public var body: [UInt8]?
  /// The key permission Braze checks for this call.
  public var permission: BrazePermission
  /// For a verify call: what the answer must say for the send to count as applied.
  public var expectation: VerifyExpectation?

  public init(
    purpose: RequestPurpose, method: String, url: String, path: String,
    headers: [HTTPHeader], body: [UInt8]?, permission: BrazePermission,
    expectation: VerifyExpectation? = nil
  ) {
    self.purpose = purpose
    self.method = method
    self.url = url
    self.path = path
    self.headers = headers
    self.body = body
    self.permission = permission
    self.expectation = expectation
  }

  /// The body as text (it is always UTF-8 JSON), or nil for a GET.
  public var bodyText: String? {
    body.map { String(decoding: $0, as: UTF8.self) }
  }

  /// The headers as sent, with `Authorization` first and the key masked, for showing.
  public func displayHeaders(keySource: APIKeySource, environment: [String: String])
    -> [HTTPHeader]
  {
    let shown: String
    switch keySource {
    case .inline(let key): shown = APIKeySource.mask(key)
    case .environment(let name):
      shown = environment[name].map(APIKeySource.mask) ?? "$" + name + " (not set)"
    }
    return [HTTPHeader("Authorization", "Bearer " + shown)] + headers
  }
}

/// What a verify call's answer must contain.
public enum VerifyExpectation: Equatable, Sendable {
  /// `GET /subscription/status/get`: `status[identifier]` must be `Subscribed` or
  /// `Unsubscribed`.
  case groupStatus(identifier: String, expected: String)
  /// `POST /users/export/ids`: every exported user's `push_subscribe` must be this value.
  case pushSubscribe(expected: String)

  /// The value the answer must hold.
  public var expected: String {
    switch self {
    case .groupStatus(_, let expected), .pushSubscribe(let expected): return expected
    }
  }
}
