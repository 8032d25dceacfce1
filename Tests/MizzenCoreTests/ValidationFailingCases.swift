import MizzenCore

/// Changes to the valid workspace that each break one rule, with the path the problem must
/// name. Every rule of `WorkspaceValidator.rules` has at least one row (checked by a test).
enum ValidationFailingCases {
  static let all: [RuleCase] =
    workspaceAndNames + connections + identitySpacesAndProperties + topics

  static let workspaceAndNames: [RuleCase] = [
    RuleCase("workspace.format.unknown", "another format", path: "format") {
      $0.format = "acme.settings"
    },
    RuleCase("workspace.version.unsupported", "newer version", path: "version") {
      $0.version = 2
    },
    RuleCase("workspace.version.unsupported", "version 0", path: "version") { $0.version = 0 },
    RuleCase("name.empty", "workspace name empty", path: "name") { $0.name = "" },
    RuleCase("name.empty", "topic name only spaces", path: "topics[news].name") {
      $0.topics[0].name = "  \t "
    },
    RuleCase("name.too-long", "201 accented letters", path: "connections[braze_us].name") {
      $0.connections[0].name = String(repeating: "é", count: 201)
    },
    RuleCase("name.too-long", "201 CJK characters", path: "topics[offers].name") {
      $0.topics[1].name = String(repeating: "語", count: 201)
    },
    RuleCase("name.control-character", "line break", path: "identitySpaces[phone].name") {
      $0.identitySpaces[1].name = "Mobile\nphone"
    },
    RuleCase("name.control-character", "C1 control NEL", path: "properties[website].name") {
      $0.properties[0].name = "Web\u{85}site"
    },
    RuleCase("name.control-character", "DEL in workspace name", path: "name") {
      $0.name = "Acme\u{7F}"
    },
    RuleCase("code.missing", "empty property code", path: "properties[0].code") {
      $0.properties[0].code = ""
    },
    RuleCase("code.invalid", "upper case", path: "topics[1].code") {
      $0.topics[1].code = "Offers"
    },
    RuleCase("code.invalid", "starts with a digit", path: "identitySpaces[2].code") {
      $0.identitySpaces[2].code = "9lives"
    },
    RuleCase("code.invalid", "65 characters", path: "topics[0].code") {
      $0.topics[0].code = "a" + String(repeating: "b", count: 64)
    },
    RuleCase("code.duplicate", "two connections", path: "connections[1].code") {
      $0.connections[1].code = "braze_us"
    },
    RuleCase("code.duplicate", "first of two topics", path: "topics[0].code") {
      $0.topics[1].code = "news"
    },
  ]

  static let connections: [RuleCase] = [
    RuleCase(
      "connection.endpoint.missing", "empty", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "" },
    RuleCase("connection.endpoint.invalid", "not a URL", path: "connections[braze_us].endpoint") {
      $0.connections[0].endpoint = "rest iad-01"
    },
    RuleCase("connection.endpoint.invalid", "ftp", path: "connections[braze_us].endpoint") {
      $0.connections[0].endpoint = "ftp://rest.iad-01.braze.com"
    },
    RuleCase("connection.endpoint.invalid", "no host", path: "connections[braze_eu].endpoint") {
      $0.connections[1].endpoint = "https://"
    },
    RuleCase(
      "connection.endpoint.insecure", "http to Braze", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "http://rest.iad-01.braze.com" },
    RuleCase(
      "connection.endpoint.insecure", "http to 128.0.0.1", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "http://128.0.0.1:8080" },
    RuleCase(
      "connection.endpoint.insecure", "127 look-alike", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "http://127.0.0.1.example.com" },
    RuleCase("connection.endpoint.path", "API path", path: "connections[braze_us].endpoint") {
      $0.connections[0].endpoint = "https://rest.iad-01.braze.com/subscription/status/set"
    },
    RuleCase("connection.endpoint.path", "query", path: "connections[braze_eu].endpoint") {
      $0.connections[1].endpoint = "https://rest.fra-01.braze.eu?x=1"
    },
    RuleCase(
      "connection.endpoint.unknown-host", "SDK host", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "https://sdk.iad-01.braze.com" },
    RuleCase(
      "connection.endpoint.unknown-host", "no US-09", path: "connections[braze_us].endpoint"
    ) { $0.connections[0].endpoint = "https://rest.iad-09.braze.com" },
    RuleCase(
      "connection.endpoint.unknown-host", "dashboard", path: "connections[braze_eu].endpoint"
    ) { $0.connections[1].endpoint = "https://dashboard-01.braze.eu" },
    RuleCase(
      "connection.api-key.env-missing", "empty name", path: "connections[braze_us].apiKey"
    ) { $0.connections[0].apiKey = .environment("") },
    RuleCase(
      "connection.api-key.env-invalid", "leading digit", path: "connections[braze_us].apiKey"
    ) { $0.connections[0].apiKey = .environment("1BRAZE_KEY") },
    RuleCase("connection.api-key.env-invalid", "hyphen", path: "connections[braze_eu].apiKey") {
      $0.connections[1].apiKey = .environment("BRAZE-KEY")
    },
    RuleCase("connection.api-key.env-invalid", "$ sign", path: "connections[braze_eu].apiKey") {
      $0.connections[1].apiKey = .environment("$BRAZE_KEY")
    },
    RuleCase("connection.api-key.empty", "empty inline", path: "connections[braze_us].apiKey") {
      $0.connections[0].apiKey = .inline("")
    },
    RuleCase("connection.api-key.inline", "inline key", path: "connections[braze_us].apiKey") {
      $0.connections[0].apiKey = .inline("fake-test-key-0000-9f3a")
    },
    RuleCase(
      "connection.identity-mapping.empty", "none",
      path: "connections[braze_us].identityMapping"
    ) { $0.connections[0].identityMapping = [] },
    RuleCase(
      "connection.identity-mapping.field.invalid", "user_id",
      path: "connections[braze_us].identityMapping[1].brazeField"
    ) { $0.connections[0].identityMapping[1].brazeField = "user_id" },
    RuleCase(
      "connection.identity-mapping.space-missing", "unknown space",
      path: "connections[braze_eu].identityMapping[0].identitySpace"
    ) { $0.connections[1].identityMapping[0].identitySpace = "loyalty_id" },
    RuleCase(
      "connection.identity-mapping.space-missing", "empty space",
      path: "connections[braze_us].identityMapping[2].identitySpace"
    ) { $0.connections[0].identityMapping[2].identitySpace = "" },
    RuleCase(
      "connection.identity-mapping.duplicate", "email twice",
      path: "connections[braze_us].identityMapping[3]"
    ) {
      $0.connections[0].identityMapping.append(
        IdentityMapping(identitySpace: "email", field: .email))
    },
    RuleCase(
      "connection.identity-mapping.type-mismatch", "email space as phone",
      path: "connections[braze_us].identityMapping[0].brazeField"
    ) { $0.connections[0].identityMapping[0].brazeField = "phone" },
    RuleCase(
      "connection.identity-mapping.type-mismatch", "id space as email",
      path: "connections[braze_eu].identityMapping[0].brazeField"
    ) { $0.connections[1].identityMapping[0].brazeField = "email" },
  ]

  static let identitySpacesAndProperties: [RuleCase] = [
    RuleCase(
      "identity-space.value-type.invalid", "uuid", path: "identitySpaces[customer_id].valueType"
    ) { $0.identitySpaces[2].valueType = "uuid" },
    RuleCase(
      "identity-space.value-type.invalid", "empty", path: "identitySpaces[phone].valueType"
    ) { $0.identitySpaces[1].valueType = "" },
    RuleCase(
      "identity-space.marketing-preference.missing", "none marked", path: "identitySpaces"
    ) { $0.identitySpaces[0].marketingPreference = false },
    RuleCase(
      "identity-space.marketing-preference.missing", "no spaces at all", path: "identitySpaces"
    ) {
      $0.identitySpaces = []
      $0.connections[0].identityMapping = []
      $0.connections[1].identityMapping = []
    },
    RuleCase(
      "identity-space.marketing-preference.multiple", "two marked",
      path: "identitySpaces[phone].marketingPreference"
    ) { $0.identitySpaces[1].marketingPreference = true },
    RuleCase(
      "identity-space.marketing-preference.multiple", "first of two",
      path: "identitySpaces[email].marketingPreference"
    ) { $0.identitySpaces[2].marketingPreference = true },
    RuleCase("property.preference-center.hidden", "no capture of email", path: "properties") {
      $0.properties[0].identities = []
    },
    RuleCase("property.preference-center.hidden", "no properties", path: "properties") {
      $0.properties = []
    },
    RuleCase(
      "property.capture.space-missing", "unknown space",
      path: "properties[app].identities[0].identitySpace"
    ) { $0.properties[1].identities[0].identitySpace = "device_id" },
    RuleCase(
      "property.capture.type.invalid", "wrong case",
      path: "properties[website].identities[0].type"
    ) { $0.properties[0].identities[0].type = "datalayer" },
    RuleCase(
      "property.capture.format.invalid", "xml", path: "properties[website].identities[0].format"
    ) { $0.properties[0].identities[0].format = "xml" },
    RuleCase(
      "property.capture.encoding.invalid", "base32",
      path: "properties[app].identities[0].encoding"
    ) { $0.properties[1].identities[0].encoding = "base32" },
    RuleCase(
      "property.capture.variable.missing", "cookie without name",
      path: "properties[app].identities[0].variable"
    ) { $0.properties[1].identities[0].variable = "" },
    RuleCase(
      "property.capture.key.missing", "json without key", path: "properties[app].identities[0].key"
    ) { $0.properties[1].identities[0].key = "" },
    RuleCase(
      "property.capture.key.missing", "jwt without key",
      path: "properties[website].identities[0].key"
    ) { $0.properties[0].identities[0].format = "jwt" },
  ]

  static let topics: [RuleCase] = [
    RuleCase("topic.legal-basis.unknown", "consent", path: "topics[news].legalBasis") {
      $0.topics[0].legalBasis = "consent"
    },
    RuleCase("topic.channels.empty", "no channel", path: "topics[offers].channels") {
      $0.topics[1].channels = []
    },
    RuleCase("channel.kind.invalid", "fax", path: "topics[news].channels[fax].channel") {
      $0.topics[0].channels[0].channel = "fax"
    },
    RuleCase("channel.kind.invalid", "empty", path: "topics[news].channels[1].channel") {
      $0.topics[0].channels[1].channel = ""
    },
    RuleCase("channel.duplicate", "email twice", path: "topics[news].channels[2].channel") {
      $0.topics[0].channels.append(
        TopicChannel(
          kind: .email, connection: "braze_us",
          subscriptionGroupId: "11111111-2222-4333-8444-555555555555"))
    },
    RuleCase(
      "channel.connection.missing", "unknown", path: "topics[news].channels[email].connection"
    ) { $0.topics[0].channels[0].connection = "braze_jp" },
    RuleCase(
      "channel.connection.missing", "empty", path: "topics[offers].channels[push].connection"
    ) { $0.topics[1].channels[1].connection = "" },
    RuleCase(
      "channel.group-id.missing", "sms",
      path: "topics[news].channels[sms].subscriptionGroupId"
    ) { $0.topics[0].channels[1].subscriptionGroupId = "" },
    RuleCase(
      "channel.group-id.missing", "whatsapp",
      path: "topics[offers].channels[whatsapp].subscriptionGroupId"
    ) { $0.topics[1].channels[0].subscriptionGroupId = "" },
    RuleCase(
      "channel.group-id.shape", "short", path: "topics[news].channels[email].subscriptionGroupId"
    ) { $0.topics[0].channels[0].subscriptionGroupId = "12345" },
    RuleCase(
      "channel.group-id.shape", "braces",
      path: "topics[news].channels[email].subscriptionGroupId"
    ) { $0.topics[0].channels[0].subscriptionGroupId = "{\(ValidationFixtures.groupNewsEmail)}" },
    RuleCase(
      "channel.group-id.shape", "not hex",
      path: "topics[news].channels[sms].subscriptionGroupId"
    ) { $0.topics[0].channels[1].subscriptionGroupId = "0b6a2f3e-8c1d-4e5f-9a7b-2c3d4e5f6a7g" },
    RuleCase(
      "channel.group-id.ignored", "push with group",
      path: "topics[offers].channels[push].subscriptionGroupId"
    ) {
      $0.topics[1].channels[1].subscriptionGroupId = "22222222-3333-4444-8555-666666666666"
    },
    RuleCase(
      "channel.group-id.shared", "two topics",
      path: "topics[offers].channels[whatsapp].subscriptionGroupId"
    ) { $0.topics[1].channels[0].subscriptionGroupId = ValidationFixtures.groupNewsSMS },
    RuleCase(
      "channel.group-id.shared", "two topics, other case",
      path: "topics[news].channels[sms].subscriptionGroupId"
    ) {
      $0.topics[1].channels[0].subscriptionGroupId = ValidationFixtures.groupNewsSMS.uppercased()
    },
    RuleCase(
      "channel.group-id.shared", "two channels of one topic",
      path: "topics[news].channels[sms].subscriptionGroupId"
    ) { $0.topics[0].channels[1].subscriptionGroupId = ValidationFixtures.groupNewsEmail },
    RuleCase(
      "channel.option.ignored", "double opt-in on email",
      path: "topics[news].channels[email].doubleOptIn"
    ) { $0.topics[0].channels[0].doubleOptIn = true },
    RuleCase(
      "channel.option.ignored", "update-existing-only on whatsapp",
      path: "topics[offers].channels[whatsapp].updateExistingOnly"
    ) { $0.topics[1].channels[0].updateExistingOnly = true },
    RuleCase(
      "channel.identity.unservable", "email via phone only",
      path: "topics[news].channels[email].connection"
    ) {
      $0.connections[0].identityMapping = [IdentityMapping(identitySpace: "phone", field: .phone)]
    },
    RuleCase(
      "channel.identity.unservable", "sms via email only",
      path: "topics[news].channels[sms].connection"
    ) {
      $0.connections[0].identityMapping = [IdentityMapping(identitySpace: "email", field: .email)]
    },
    RuleCase(
      "channel.identity.unservable", "mapping names a missing space",
      path: "topics[offers].channels[whatsapp].connection"
    ) { $0.connections[1].identityMapping[0].identitySpace = "loyalty_id" },
  ]
}
