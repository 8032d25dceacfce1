import BrazeSandbox
import Foundation
import MizzenCore

/// The workspace `mizzen demo` opens: one connection to the in-process sandbox, the three
/// usual identity spaces, a website capturing the email, and a few topics on every channel.
enum DemoWorkspace {
  /// The variable the demo connection reads its key from; set in-process only.
  static let keyVariable = "MIZZEN_DEMO_API_KEY"
  static let connectionCode = "demo_sandbox"

  /// The demo workspace with its connection pointed at `endpoint`.
  static func make(endpoint: String) -> Workspace {
    let connection = Connection(
      code: connectionCode, name: "Demo sandbox (local)", endpoint: endpoint,
      apiKey: .environment(keyVariable),
      identityMapping: [
        IdentityMapping(identitySpace: "customer_id", field: .externalID),
        IdentityMapping(identitySpace: "email", field: .email),
        IdentityMapping(identitySpace: "phone", field: .phone),
      ])
    let spaces = [
      IdentitySpace(
        code: "email", name: "Email address", valueType: IdentityValueType.email.rawValue,
        marketingPreference: true),
      IdentitySpace(
        code: "phone", name: "Mobile phone (E.164)", valueType: IdentityValueType.phone.rawValue),
      IdentitySpace(
        code: "customer_id", name: "Customer ID", valueType: IdentityValueType.id.rawValue),
    ]
    let website = Property(
      code: "website", name: "Demo website", platform: "web",
      identities: [
        IdentityCapture(
          identitySpace: "email", type: CaptureType.dataLayer.rawValue, variable: "demo.user",
          format: CaptureFormat.json.rawValue, key: "email")
      ])
    let topics = [
      Topic(
        code: "weekly_newsletter", name: "Weekly newsletter",
        description: "Product news every Friday", legalBasis: "consent_optin",
        channels: [
          TopicChannel(kind: .email, connection: connectionCode, subscriptionGroupId: groups[0].id),
          TopicChannel(kind: .push, connection: connectionCode),
        ]),
      Topic(
        code: "special_offers", name: "Special offers",
        description: "Promotions once a month", legalBasis: "consent_optin",
        channels: [
          TopicChannel(kind: .email, connection: connectionCode, subscriptionGroupId: groups[1].id),
          TopicChannel(kind: .sms, connection: connectionCode, subscriptionGroupId: groups[2].id),
        ]),
      Topic(
        code: "order_updates", name: "Order updates",
        description: "Shipping and delivery notices", legalBasis: "consent_optin",
        channels: [
          TopicChannel(kind: .sms, connection: connectionCode, subscriptionGroupId: groups[3].id),
          TopicChannel(kind: .push, connection: connectionCode),
        ]),
    ]
    return Workspace(
      name: "Demo", connections: [connection], identitySpaces: spaces, properties: [website],
      topics: topics)
  }

  /// The subscription groups of the demo, known to the sandbox with their channel.
  static let groups: [(id: String, channel: Channel)] = [
    ("6f1c2a50-0d1e-4c3a-9b1e-00000000d001", .email),
    ("6f1c2a50-0d1e-4c3a-9b1e-00000000d002", .email),
    ("6f1c2a50-0d1e-4c3a-9b1e-00000000d003", .sms),
    ("6f1c2a50-0d1e-4c3a-9b1e-00000000d004", .sms),
  ]

  /// The sandbox set-up for the demo: one generated key with every permission, and only
  /// the demo's groups known.
  static func sandboxConfiguration(key: String) -> SandboxConfiguration {
    var configuration = SandboxConfiguration(keys: [key: SandboxConfiguration.allPermissions])
    configuration.groups = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.channel) })
    configuration.createsUnknownGroups = false
    return configuration
  }

  /// A random key that is plainly a demo key.
  static func generatedKey() -> String {
    "demo-" + UUID().uuidString.lowercased()
  }
}
