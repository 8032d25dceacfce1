import Foundation

@testable import MizzenCore

/// A fresh folder under the system temporary folder, removed when the test is done.
final class TemporaryFolder: Sendable {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/mizzen-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { path + "/" + name }

  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  func read(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name))))
  }

  /// Names of everything in the folder, sorted.
  func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }
}

/// Workspaces used across the store tests.
enum StoreFixtures {
  /// SPEC §2's example workspace.
  static let acme = Workspace(
    name: "Acme",
    connections: [
      Connection(
        code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_US_API_KEY"),
        identityMapping: [
          IdentityMapping(identitySpace: "email", field: .email),
          IdentityMapping(identitySpace: "customer_id", field: .externalID),
        ])
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email address", type: .email, marketingPreference: true),
      IdentitySpace(code: "customer_id", name: "Customer ID", type: .id),
    ],
    properties: [
      Property(
        code: "website", name: "Website", platform: "web",
        identities: [
          IdentityCapture(
            identitySpace: "email", type: "dataLayer", variable: "user.email", format: "string",
            key: "", encoding: "none")
        ])
    ],
    topics: [
      Topic(
        code: "weekly_newsletter", name: "Weekly newsletter",
        description: "Product news every Friday", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .email, connection: "braze_us",
            subscriptionGroupId: "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
        ])
    ])

  /// SPEC §2's example exactly as the writer lays it out.
  static let acmeText = """
    {
      "connections": [
        {
          "apiKey": {
            "env": "BRAZE_US_API_KEY"
          },
          "code": "braze_us",
          "endpoint": "https://rest.iad-01.braze.com",
          "identityMapping": [
            {
              "brazeField": "email",
              "identitySpace": "email"
            },
            {
              "brazeField": "external_id",
              "identitySpace": "customer_id"
            }
          ],
          "name": "Braze US"
        }
      ],
      "format": "mizzen.workspace",
      "identitySpaces": [
        {
          "code": "email",
          "marketingPreference": true,
          "name": "Email address",
          "valueType": "email"
        },
        {
          "code": "customer_id",
          "name": "Customer ID",
          "valueType": "id"
        }
      ],
      "name": "Acme",
      "properties": [
        {
          "code": "website",
          "identities": [
            {
              "encoding": "none",
              "format": "string",
              "identitySpace": "email",
              "key": "",
              "type": "dataLayer",
              "variable": "user.email"
            }
          ],
          "name": "Website",
          "platform": "web"
        }
      ],
      "topics": [
        {
          "channels": [
            {
              "channel": "email",
              "connection": "braze_us",
              "subscriptionGroupId": "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
            }
          ],
          "code": "weekly_newsletter",
          "description": "Product news every Friday",
          "legalBasis": "consent_optin",
          "name": "Weekly newsletter"
        }
      ],
      "version": 1
    }

    """

  /// A workspace with names in several scripts, an inline key, push, and escapes.
  static let international = Workspace(
    name: "Ünïcode 週刊 🎉 \"quoted\" back\\slash / tab\tend",
    connections: [
      Connection(
        code: "braze_eu", name: "Braze EU — Европа", endpoint: "https://rest.fra-01.braze.eu",
        apiKey: .inline("fake-key-0000-not-real"),
        identityMapping: [IdentityMapping(identitySpace: "phone", field: .phone)])
    ],
    identitySpaces: [
      IdentitySpace(code: "phone", name: "電話番号 📱", type: .phone, marketingPreference: true)
    ],
    properties: [Property(code: "app", name: "アプリ", platform: "ios", identities: [])],
    topics: [
      Topic(
        code: "offers", name: "お得な情報 🎁", description: "Line one\nline two\u{1}",
        channels: [
          TopicChannel(kind: .sms, connection: "braze_eu", subscriptionGroupId: "g-1"),
          TopicChannel(kind: .push, connection: "braze_eu"),
        ]),
      Topic(code: "empty", name: "空", channels: []),
    ])
}
