import MizzenCore

/// The JSON that `mizzen send --dry-run --format json` prints: the plan, with the key
/// masked in the headers. Keys are sorted on output; the shape is stable for scripts.
struct SignalPlanDocument: Encodable {
  struct Request: Encodable {
    var purpose: String
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: String?
    var permission: String
  }

  var dryRun = true
  var topic: String
  var channel: String
  var connection: String
  var identitySpace: String
  var identityValue: String
  var brazeField: String
  var state: String
  var subscriptionGroupId: String?
  /// `v1`, `v2` or `track`, and why (SPEC §8).
  var route: String
  var routeReason: String
  var requests: [Request]
  var notes: [String]

  init(_ plan: SignalPlan, environment: [String: String]) {
    topic = plan.signal.topic
    channel = plan.signal.channel
    connection = plan.connection
    identitySpace = plan.identitySpace
    identityValue = plan.identityValue
    brazeField = plan.brazeField.rawValue
    state = plan.state.rawValue
    subscriptionGroupId = plan.subscriptionGroupId.isEmpty ? nil : plan.subscriptionGroupId
    route = plan.route.rawValue
    routeReason = plan.routeReason
    requests = plan.requests.map { request in
      Request(
        purpose: request.purpose.rawValue, method: request.method, url: request.url,
        headers: request.displayHeaders(keySource: plan.keySource, environment: environment),
        body: request.bodyText, permission: request.permission.rawValue)
    }
    notes = plan.notes
  }
}
