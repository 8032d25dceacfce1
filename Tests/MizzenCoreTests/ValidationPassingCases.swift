import MizzenCore

/// Changes to the valid workspace that stay at the edge of one rule without breaking it (or
/// any other). Every rule of `WorkspaceValidator.rules` has at least one row.
enum ValidationPassingCases {
  static let all: [RuleCase] =
    workspaceAndNames + connections + identitySpacesAndProperties + topics

  private static let twoHundredEmoji = String(repeating: "👩‍👩‍👧", count: 200)

  static let workspaceAndNames: [RuleCase] = [
    RuleCase("workspace.format.unknown", "mizzen.workspace") {
      $0.format = Workspace.formatName
    },
    RuleCase("workspace.version.unsupported", "version 1") { $0.version = 1 },
    RuleCase("name.empty", "one character") { $0.topics[0].name = "A" },
    RuleCase("name.empty", "one emoji workspace name") { $0.name = "🎉" },
    RuleCase("name.too-long", "200 accented letters") {
      $0.connections[0].name = String(repeating: "é", count: 200)
    },
    RuleCase("name.too-long", "200 family emoji (many bytes, 200 characters)") {
      $0.topics[1].name = twoHundredEmoji
    },
    RuleCase("name.control-character", "CJK, ZWJ emoji, accents, NBSP") {
      $0.identitySpaces[1].name = "携帯電話 👩‍👩‍👧 Téléphone\u{A0}mobile 휴대폰"
    },
    RuleCase("code.missing", "one letter") { $0.properties[0].code = "w" },
    RuleCase("code.invalid", "64 characters") {
      $0.topics[0].code = "a" + String(repeating: "b_9", count: 21)
    },
    RuleCase("code.duplicate", "same code in two kinds") {
      $0.topics[0].code = "email"
      $0.properties[1].code = "email"
    },
  ]

  static let connections: [RuleCase] = [
    RuleCase("connection.endpoint.missing", "US-10") {
      $0.connections[0].endpoint = "https://rest.us-10.braze.com"
    },
    RuleCase("connection.endpoint.invalid", "with a port") {
      $0.connections[0].endpoint = "https://rest.iad-03.braze.com:443"
    },
    RuleCase("connection.endpoint.insecure", "http to 127.0.0.1") {
      $0.connections[0].endpoint = "http://127.0.0.1:8080"
    },
    RuleCase("connection.endpoint.insecure", "http to 127.5.6.7") {
      $0.connections[0].endpoint = "http://127.5.6.7"
    },
    RuleCase("connection.endpoint.insecure", "http to localhost") {
      $0.connections[1].endpoint = "http://localhost:9000"
    },
    RuleCase("connection.endpoint.insecure", "http to [::1]") {
      $0.connections[1].endpoint = "http://[::1]:8080"
    },
    RuleCase("connection.endpoint.path", "trailing slash") {
      $0.connections[0].endpoint = "https://rest.iad-01.braze.com/"
    },
    RuleCase("connection.endpoint.unknown-host", "upper case EU-02") {
      $0.connections[1].endpoint = "https://REST.FRA-02.BRAZE.EU"
    },
    RuleCase("connection.endpoint.unknown-host", "KR-01") {
      $0.connections[1].endpoint = "https://rest.kr-01.braze.com"
    },
    RuleCase("connection.api-key.env-missing", "one letter") {
      $0.connections[0].apiKey = .environment("K")
    },
    RuleCase("connection.api-key.env-invalid", "underscore first, lower case") {
      $0.connections[0].apiKey = .environment("_braze_key_2")
    },
    RuleCase("connection.api-key.empty", "env source") {
      $0.connections[0].apiKey = .environment("BRAZE_US_API_KEY")
    },
    RuleCase("connection.api-key.inline", "env source") {
      $0.connections[1].apiKey = .environment("BRAZE_EU_API_KEY")
    },
    RuleCase("connection.identity-mapping.empty", "one entry") {
      $0.connections[0].identityMapping = [IdentityMapping(identitySpace: "email", field: .email)]
      $0.topics[0].channels[1].connection = "braze_eu"
    },
    RuleCase("connection.identity-mapping.field.invalid", "all three fields") {
      $0.connections[1].identityMapping = [
        IdentityMapping(identitySpace: "customer_id", brazeField: "external_id"),
        IdentityMapping(identitySpace: "email", brazeField: "email"),
        IdentityMapping(identitySpace: "phone", brazeField: "phone"),
      ]
    },
    RuleCase("connection.identity-mapping.space-missing", "every space exists") {
      $0.connections[1].identityMapping.append(
        IdentityMapping(identitySpace: "phone", field: .phone))
    },
    RuleCase("connection.identity-mapping.duplicate", "one space, two fields") {
      $0.connections[0].identityMapping.append(
        IdentityMapping(identitySpace: "email", field: .externalID))
    },
    RuleCase("connection.identity-mapping.type-mismatch", "phone as external_id") {
      $0.connections[1].identityMapping = [
        IdentityMapping(identitySpace: "phone", field: .externalID)
      ]
    },
  ]

  static let identitySpacesAndProperties: [RuleCase] = [
    RuleCase("identity-space.value-type.invalid", "email, phone and id") {
      $0.identitySpaces[2].valueType = "id"
    },
    RuleCase("identity-space.marketing-preference.missing", "empty workspace") {
      $0 = Workspace(name: "Acme")
    },
    RuleCase("identity-space.marketing-preference.missing", "spaces, none marked, no topics") {
      $0.identitySpaces[0].marketingPreference = false
      $0.topics = []
    },
    RuleCase("identity-space.marketing-preference.multiple", "phone is the one") {
      $0.identitySpaces[0].marketingPreference = false
      $0.identitySpaces[1].marketingPreference = true
      $0.properties[1].identities.append(
        IdentityCapture(
          identitySpace: "phone", type: "localStorage", variable: "phone", format: "string"))
    },
    RuleCase("property.preference-center.hidden", "captured by the second property only") {
      $0.properties[0].identities = []
      $0.properties[1].identities.append(
        IdentityCapture(
          identitySpace: "email", type: "managedCookie", variable: "", format: "semicolon",
          key: "email"))
    },
    RuleCase("property.preference-center.hidden", "no topics, no properties") {
      $0.topics = []
      $0.properties = []
    },
    RuleCase("property.capture.space-missing", "phone capture") {
      $0.properties[0].identities.append(
        IdentityCapture(identitySpace: "phone", type: "window", variable: "phone", format: "string")
      )
    },
    RuleCase("property.capture.type.invalid", "every type") {
      $0.properties[0].identities = CaptureType.allCases.map {
        IdentityCapture(
          identitySpace: "email", type: $0.rawValue, variable: "v", format: "query", key: "e")
      }
    },
    RuleCase("property.capture.format.invalid", "every format") {
      $0.properties[1].identities = CaptureFormat.allCases.map {
        IdentityCapture(
          identitySpace: "customer_id", type: "sessionStorage", variable: "s", format: $0.rawValue,
          key: "id")
      }
    },
    RuleCase("property.capture.encoding.invalid", "none and base64") {
      $0.properties[1].identities.append(
        IdentityCapture(
          identitySpace: "email", type: "queryString", variable: "e", format: "string",
          encoding: "none"))
    },
    RuleCase("property.capture.variable.missing", "managedCookie needs no variable") {
      $0.properties[1].identities[0].type = "managedCookie"
      $0.properties[1].identities[0].variable = ""
    },
    RuleCase("property.capture.key.missing", "string needs no key") {
      $0.properties[1].identities[0].format = "string"
      $0.properties[1].identities[0].key = ""
    },
  ]

  static let topics: [RuleCase] = [
    RuleCase("topic.legal-basis.unknown", "empty") { $0.topics[0].legalBasis = "" },
    RuleCase("topic.legal-basis.unknown", "every Ketch code") { workspace in
      let template = workspace.topics[1]
      workspace.topics = LegalBasis.codes.enumerated().map { index, code in
        var topic = template
        topic.code = "topic_\(index)"
        topic.legalBasis = code
        topic.channels = [topic.channels[1]]
        return topic
      }
    },
    RuleCase("topic.channels.empty", "one channel") { $0.topics[1].channels.removeFirst() },
    RuleCase("channel.kind.invalid", "push and WhatsApp") {
      $0.topics[0].channels[1] = TopicChannel(
        kind: .whatsapp, connection: "braze_us",
        subscriptionGroupId: "44444444-5555-4666-8777-888888888888")
    },
    RuleCase("channel.duplicate", "all four channels once") {
      $0.topics[0].channels += $0.topics[1].channels
      $0.topics[1].channels = [$0.topics[1].channels[1]]
    },
    RuleCase("channel.connection.missing", "other connection") {
      $0.topics[1].channels[1].connection = "braze_us"
    },
    RuleCase("channel.group-id.missing", "push without group") {
      $0.topics[0].channels.append(TopicChannel(kind: .push, connection: "braze_us"))
    },
    RuleCase("channel.group-id.shape", "upper-case UUID") {
      $0.topics[0].channels[0].subscriptionGroupId =
        ValidationFixtures.groupNewsEmail.uppercased()
    },
    RuleCase("channel.group-id.ignored", "push in two topics, no group") {
      $0.topics[0].channels.append(TopicChannel(kind: .push, connection: "braze_us"))
    },
    RuleCase("channel.group-id.shared", "distinct groups") {
      $0.topics[1].channels[0].subscriptionGroupId = "77777777-8888-4999-8aaa-bbbbbbbbbbbb"
    },
    RuleCase("channel.option.ignored", "double opt-in on SMS and WhatsApp, existing-only push") {
      $0.topics[0].channels[1].doubleOptIn = true
      $0.topics[1].channels[0].doubleOptIn = true
      $0.topics[1].channels[1].updateExistingOnly = true
    },
    RuleCase("channel.identity.unservable", "sms via external_id") {
      $0.topics[0].channels[1].connection = "braze_eu"
    },
    RuleCase("channel.identity.unservable", "email via email only") {
      $0.connections[0].identityMapping = [IdentityMapping(identitySpace: "email", field: .email)]
      $0.topics[0].channels[1].connection = "braze_eu"
    },
  ]
}
