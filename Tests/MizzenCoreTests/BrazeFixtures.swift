import MizzenCore

/// A small workspace that exercises every planning rule, pointed at any endpoint.
enum BrazeFixtures {
  static let emailGroup = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
  static let smsGroup = "2a7d9c1e-4b3f-4e8a-9d6c-1f0e2b3a4c5d"
  static let whatsappGroup = "8e1f2a3b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"
  /// The environment variable the main connection reads its key from.
  static let keyVariable = "MIZZEN_TEST_BRAZE_KEY"

  static func workspace(endpoint: String = "https://rest.iad-01.braze.com") -> Workspace {
    Workspace(
      name: "Planner fixture",
      connections: [
        Connection(
          code: "braze", name: "Braze", endpoint: endpoint, apiKey: .environment(keyVariable),
          identityMapping: [
            IdentityMapping(identitySpace: "email", field: .email),
            IdentityMapping(identitySpace: "phone", field: .phone),
            IdentityMapping(identitySpace: "customer_id", field: .externalID),
          ]),
        Connection(
          code: "by_id", name: "By id first", endpoint: endpoint,
          apiKey: .inline("test-key-inline-0042"),
          identityMapping: [
            IdentityMapping(identitySpace: "customer_id", field: .externalID),
            IdentityMapping(identitySpace: "email", field: .email),
            IdentityMapping(identitySpace: "phone", field: .phone),
          ]),
        Connection(
          code: "email_only", name: "Email only", endpoint: endpoint,
          apiKey: .environment(keyVariable),
          identityMapping: [IdentityMapping(identitySpace: "email", field: .email)]),
      ],
      identitySpaces: [
        IdentitySpace(code: "email", name: "Email", type: .email, marketingPreference: true),
        IdentitySpace(code: "phone", name: "Phone", type: .phone),
        IdentitySpace(code: "customer_id", name: "Customer id", type: .id),
      ],
      topics: [
        Topic(
          code: "news", name: "News",
          channels: [
            TopicChannel(kind: .email, connection: "braze", subscriptionGroupId: emailGroup),
            TopicChannel(kind: .sms, connection: "braze", subscriptionGroupId: smsGroup),
            TopicChannel(
              kind: .whatsapp, connection: "braze", subscriptionGroupId: whatsappGroup),
            TopicChannel(kind: .push, connection: "braze"),
          ]),
        Topic(
          code: "by_id_news", name: "News by id",
          channels: [
            TopicChannel(kind: .email, connection: "by_id", subscriptionGroupId: emailGroup),
            TopicChannel(kind: .sms, connection: "by_id", subscriptionGroupId: smsGroup),
            TopicChannel(kind: .push, connection: "by_id"),
          ]),
        Topic(
          code: "sms_by_email", name: "SMS on an email-only connection",
          channels: [
            TopicChannel(kind: .sms, connection: "email_only", subscriptionGroupId: smsGroup)
          ]),
        Topic(
          code: "no_group", name: "No group",
          channels: [TopicChannel(kind: .email, connection: "braze")]),
        Topic(
          code: "lost", name: "Lost connection",
          channels: [
            TopicChannel(kind: .email, connection: "gone", subscriptionGroupId: emailGroup)
          ]),
      ])
  }

  /// The workspace with the main connection's key source replaced.
  static func workspace(keySource: APIKeySource, endpoint: String = "https://rest.iad-01.braze.com")
    -> Workspace
  {
    var workspace = workspace(endpoint: endpoint)
    workspace.connections[0].apiKey = keySource
    return workspace
  }
}
