import MizzenCore

/// Builds large, valid workspaces of a given size for benchmarks.
public enum WorkspaceGenerator {
  /// A workspace with `topics` topics of two channels each (email and SMS), spread over
  /// `connections` connections; names mix Latin, CJK and emoji so widths are exercised.
  public static func make(
    topics: Int, connections: Int = 50, identitySpaces: Int = 20, properties: Int = 20
  ) -> Workspace {
    var spaces: [IdentitySpace] = [
      IdentitySpace(code: "email", name: "Email address", type: .email, marketingPreference: true),
      IdentitySpace(code: "phone", name: "Mobile phone", type: .phone),
      IdentitySpace(code: "customer_id", name: "Customer ID", type: .id),
    ]
    for index in spaces.count..<max(identitySpaces, spaces.count) {
      spaces.append(IdentitySpace(code: "space_\(index)", name: "Space \(index)", type: .id))
    }
    let regions = ["iad-01", "iad-02", "iad-03", "us-10", "fra-01", "fra-02", "au-01"]
    let brazeConnections = (0..<connections).map { index in
      let host = regions[index % regions.count]
      let domain = host.hasPrefix("fra") ? "braze.eu" : "braze.com"
      return Connection(
        code: "braze_\(index)", name: "Braze \(index)",
        endpoint: "https://rest.\(host).\(domain)",
        apiKey: .environment("BRAZE_\(index)_API_KEY"),
        identityMapping: [
          IdentityMapping(identitySpace: "email", field: .email),
          IdentityMapping(identitySpace: "phone", field: .phone),
          IdentityMapping(identitySpace: "customer_id", field: .externalID),
        ])
    }
    let sites = (0..<properties).map { index in
      Property(
        code: "site_\(index)", name: "Site \(index)", platform: index % 2 == 0 ? "web" : "ios",
        identities: [
          IdentityCapture(
            identitySpace: "email", type: "dataLayer", variable: "user.email", format: "string"),
          IdentityCapture(
            identitySpace: "customer_id", type: "cookie", variable: "uid", format: "json",
            key: "id", encoding: "base64"),
        ])
    }
    let flavours = ["Weekly news", "週刊ニュース", "Offres 🎉", "Produktneuheiten", "Événements"]
    let topicList = (0..<topics).map { index in
      let connection = "braze_\(index % max(connections, 1))"
      return Topic(
        code: "topic_\(index)", name: "\(flavours[index % flavours.count]) \(index)",
        description: "Generated topic number \(index)", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .email, connection: connection, subscriptionGroupId: groupID(index, 1)),
          TopicChannel(kind: .sms, connection: connection, subscriptionGroupId: groupID(index, 2)),
        ])
    }
    return Workspace(
      name: "Generated \(topics)", connections: brazeConnections, identitySpaces: spaces,
      properties: sites, topics: topicList)
  }

  /// A distinct UUID-shaped group id for a topic and channel number.
  public static func groupID(_ topic: Int, _ channel: Int) -> String {
    let hex = String(topic, radix: 16)
    let tail = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    return "0000000\(channel)-aaaa-4bbb-8ccc-\(tail)"
  }
}
