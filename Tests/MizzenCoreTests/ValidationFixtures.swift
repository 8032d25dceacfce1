import MizzenCore
import Testing

/// Workspaces for the validation tests, built in code.
enum ValidationFixtures {
  static let groupNewsEmail = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
  static let groupNewsSMS = "0b6a2f3e-8c1d-4e5f-9a7b-2c3d4e5f6a7b"
  static let groupOffersWhatsApp = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"

  /// A small workspace that breaks no rule: two connections, three identity spaces, two
  /// properties, two topics over all four channels.
  static let valid = Workspace(
    name: "Acme",
    connections: [
      Connection(
        code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_US_API_KEY"),
        identityMapping: [
          IdentityMapping(identitySpace: "email", field: .email),
          IdentityMapping(identitySpace: "customer_id", field: .externalID),
          IdentityMapping(identitySpace: "phone", field: .phone),
        ]),
      Connection(
        code: "braze_eu", name: "Braze EU", endpoint: "https://rest.fra-01.braze.eu",
        apiKey: .environment("BRAZE_EU_API_KEY"),
        identityMapping: [IdentityMapping(identitySpace: "customer_id", field: .externalID)]),
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email address", type: .email, marketingPreference: true),
      IdentitySpace(code: "phone", name: "Mobile phone", type: .phone),
      IdentitySpace(code: "customer_id", name: "Customer ID", type: .id),
    ],
    properties: [
      Property(
        code: "website", name: "Website", platform: "web",
        identities: [
          IdentityCapture(
            identitySpace: "email", type: "dataLayer", variable: "user.email", format: "string")
        ]),
      Property(
        code: "app", name: "Mobile app", platform: "ios",
        identities: [
          IdentityCapture(
            identitySpace: "customer_id", type: "cookie", variable: "session", format: "json",
            key: "id", encoding: "base64")
        ]),
    ],
    topics: [
      Topic(
        code: "news", name: "Weekly newsletter", description: "Every Friday",
        legalBasis: "consent_optin",
        channels: [
          TopicChannel(kind: .email, connection: "braze_us", subscriptionGroupId: groupNewsEmail),
          TopicChannel(kind: .sms, connection: "braze_us", subscriptionGroupId: groupNewsSMS),
        ]),
      Topic(
        code: "offers", name: "Offres spéciales 🎉", legalBasis: "legitimateinterest",
        channels: [
          TopicChannel(
            kind: .whatsapp, connection: "braze_eu", subscriptionGroupId: groupOffersWhatsApp),
          TopicChannel(kind: .push, connection: "braze_eu"),
        ]),
    ])

  /// A workspace of `topics` topics of two channels each over `connections` connections,
  /// valid, for scale tests.
  static func large(topics: Int, connections: Int = 50) -> Workspace {
    var workspace = valid
    workspace.connections = (0..<connections).map { index in
      Connection(
        code: "braze_\(index)", name: "Braze \(index)", endpoint: "https://rest.iad-02.braze.com",
        apiKey: .environment("BRAZE_\(index)_API_KEY"),
        identityMapping: [
          IdentityMapping(identitySpace: "email", field: .email),
          IdentityMapping(identitySpace: "phone", field: .phone),
        ])
    }
    workspace.topics = (0..<topics).map { index in
      let connection = "braze_\(index % connections)"
      let tail = String(index, radix: 16)
      let padded = String(repeating: "0", count: 12 - tail.count) + tail
      return Topic(
        code: "topic_\(index)", name: "週刊ニュース \(index)", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .email, connection: connection,
            subscriptionGroupId: "00000001-aaaa-4bbb-8ccc-" + padded),
          TopicChannel(
            kind: .sms, connection: connection,
            subscriptionGroupId: "00000002-aaaa-4bbb-8ccc-" + padded),
        ])
    }
    return workspace
  }
}

/// One row of a rule table: a change to the valid workspace and the rule it concerns.
struct RuleCase: Sendable, CustomTestStringConvertible {
  let rule: String
  let note: String
  /// The path text of the expected problem (failing cases only).
  let path: String?
  let change: @Sendable (inout Workspace) -> Void

  init(
    _ rule: String, _ note: String, path: String? = nil,
    _ change: @escaping @Sendable (inout Workspace) -> Void
  ) {
    self.rule = rule
    self.note = note
    self.path = path
    self.change = change
  }

  var workspace: Workspace {
    var workspace = ValidationFixtures.valid
    change(&workspace)
    return workspace
  }

  var testDescription: String { "\(rule): \(note)" }
}
