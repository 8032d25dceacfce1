/// One validation rule: a stable id that scripts may rely on, how bad a breach is, and a
/// one-line summary for documentation and the console's help.
public struct ValidationRule: Hashable, Sendable {
  /// Stable id such as `channel.group-id.missing`; never reused for another meaning.
  public let id: String
  public let severity: Problem.Severity
  public let summary: String

  public init(id: String, severity: Problem.Severity, summary: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
  }

  /// A problem of this rule at `path`.
  func problem(_ path: ProblemPath, _ message: String) -> Problem {
    Problem(rule: id, severity: severity, path: path, message: message)
  }
}

/// The catalogue of SPEC §2's rules, in the order `WorkspaceValidator.rules` lists them.
extension ValidationRule {
  // Workspace
  static let workspaceFormat = ValidationRule(
    id: "workspace.format.unknown", severity: .error,
    summary: "The workspace's format is not \"mizzen.workspace\".")
  static let workspaceVersion = ValidationRule(
    id: "workspace.version.unsupported", severity: .error,
    summary: "The workspace's version is newer than this program knows, or below 1.")

  // Names and codes of every record (and the workspace's name)
  static let nameEmpty = ValidationRule(
    id: "name.empty", severity: .error, summary: "A name is empty or only spaces.")
  static let nameTooLong = ValidationRule(
    id: "name.too-long", severity: .error, summary: "A name is longer than 200 characters.")
  static let nameControl = ValidationRule(
    id: "name.control-character", severity: .error,
    summary: "A name contains a control character (line break, tab, …).")
  static let codeMissing = ValidationRule(
    id: "code.missing", severity: .error, summary: "A record has no code.")
  static let codeInvalid = ValidationRule(
    id: "code.invalid", severity: .error,
    summary: "A code does not match ^[a-z][a-z0-9_]{0,63}$.")
  static let codeDuplicate = ValidationRule(
    id: "code.duplicate", severity: .error,
    summary: "Two records of the same kind share a code.")

  // Connections
  static let endpointMissing = ValidationRule(
    id: "connection.endpoint.missing", severity: .error,
    summary: "A connection has no REST endpoint.")
  static let endpointInvalid = ValidationRule(
    id: "connection.endpoint.invalid", severity: .error,
    summary: "A connection's endpoint is not an http(s) URL with a host.")
  static let endpointInsecure = ValidationRule(
    id: "connection.endpoint.insecure", severity: .error,
    summary: "A connection's endpoint uses plain http:// for a host that is not loopback.")
  static let endpointPath = ValidationRule(
    id: "connection.endpoint.path", severity: .warning,
    summary: "A connection's endpoint has a path, query, fragment or user part.")
  static let endpointUnknownHost = ValidationRule(
    id: "connection.endpoint.unknown-host", severity: .warning,
    summary: "A connection's endpoint host is not one of Braze's REST hosts.")
  static let apiKeyEnvMissing = ValidationRule(
    id: "connection.api-key.env-missing", severity: .error,
    summary: "A connection reads its key from an environment variable with no name.")
  static let apiKeyEnvInvalid = ValidationRule(
    id: "connection.api-key.env-invalid", severity: .error,
    summary: "A connection's key variable name is not a valid environment variable name.")
  static let apiKeyEmpty = ValidationRule(
    id: "connection.api-key.empty", severity: .error,
    summary: "A connection's inline API key is empty.")
  static let apiKeyInline = ValidationRule(
    id: "connection.api-key.inline", severity: .warning,
    summary: "A connection's API key is stored inline in the workspace file.")
  static let mappingEmpty = ValidationRule(
    id: "connection.identity-mapping.empty", severity: .error,
    summary: "A connection has no identity mapping.")
  static let mappingField = ValidationRule(
    id: "connection.identity-mapping.field.invalid", severity: .error,
    summary: "An identity mapping's brazeField is not external_id, email or phone.")
  static let mappingSpace = ValidationRule(
    id: "connection.identity-mapping.space-missing", severity: .error,
    summary: "An identity mapping names an identity space that does not exist.")
  static let mappingDuplicate = ValidationRule(
    id: "connection.identity-mapping.duplicate", severity: .warning,
    summary: "An identity mapping entry repeats an earlier one (same space, same field).")
  static let mappingTypeMismatch = ValidationRule(
    id: "connection.identity-mapping.type-mismatch", severity: .warning,
    summary: "An identity space is sent as a Braze field its values do not fit.")

  // Identity spaces
  static let valueTypeInvalid = ValidationRule(
    id: "identity-space.value-type.invalid", severity: .error,
    summary: "An identity space's valueType is not email, phone or id.")
  static let marketingMissing = ValidationRule(
    id: "identity-space.marketing-preference.missing", severity: .error,
    summary: "Topics exist but no identity space is the marketing preference identity.")
  static let marketingMultiple = ValidationRule(
    id: "identity-space.marketing-preference.multiple", severity: .error,
    summary: "More than one identity space is the marketing preference identity.")

  // Properties
  static let preferenceCenterHidden = ValidationRule(
    id: "property.preference-center.hidden", severity: .warning,
    summary: "No property captures the marketing preference identity, so the preference "
      + "center would not be shown to anyone.")
  static let captureSpace = ValidationRule(
    id: "property.capture.space-missing", severity: .error,
    summary: "An identity capture names an identity space that does not exist.")
  static let captureType = ValidationRule(
    id: "property.capture.type.invalid", severity: .error,
    summary: "An identity capture's type is not one of the known capture types.")
  static let captureFormat = ValidationRule(
    id: "property.capture.format.invalid", severity: .error,
    summary: "An identity capture's format is not string, json, jwt, query or semicolon.")
  static let captureEncoding = ValidationRule(
    id: "property.capture.encoding.invalid", severity: .error,
    summary: "An identity capture's encoding is not none or base64.")
  static let captureVariable = ValidationRule(
    id: "property.capture.variable.missing", severity: .error,
    summary: "An identity capture other than managedCookie has no variable.")
  static let captureKey = ValidationRule(
    id: "property.capture.key.missing", severity: .error,
    summary: "An identity capture of a structured format has no key.")

  // Topics and their channels
  static let legalBasisUnknown = ValidationRule(
    id: "topic.legal-basis.unknown", severity: .warning,
    summary: "A topic's legalBasis is not a known Ketch legal-basis code.")
  static let topicNoChannels = ValidationRule(
    id: "topic.channels.empty", severity: .warning,
    summary: "A topic has no channel, so no signal of it reaches Braze.")
  static let channelInvalid = ValidationRule(
    id: "channel.kind.invalid", severity: .error,
    summary: "A topic channel is not email, sms, whatsapp or push.")
  static let channelDuplicate = ValidationRule(
    id: "channel.duplicate", severity: .error,
    summary: "A channel appears more than once in one topic.")
  static let channelConnection = ValidationRule(
    id: "channel.connection.missing", severity: .error,
    summary: "A topic channel names no connection, or one that does not exist.")
  static let groupIDMissing = ValidationRule(
    id: "channel.group-id.missing", severity: .error,
    summary: "An email, SMS or WhatsApp channel has no subscription group id.")
  static let groupIDShape = ValidationRule(
    id: "channel.group-id.shape", severity: .warning,
    summary: "A subscription group id does not look like a UUID.")
  static let groupIDIgnored = ValidationRule(
    id: "channel.group-id.ignored", severity: .warning,
    summary: "A push channel has a subscription group id, which push does not use.")
  static let groupIDShared = ValidationRule(
    id: "channel.group-id.shared", severity: .warning,
    summary: "One subscription group id is mapped by more than one topic channel.")
  static let channelOptionIgnored = ValidationRule(
    id: "channel.option.ignored", severity: .warning,
    summary: "doubleOptIn on a channel other than SMS or WhatsApp, or updateExistingOnly on a "
      + "channel other than push: Braze would ignore it.")
  static let channelUnservable = ValidationRule(
    id: "channel.identity.unservable", severity: .error,
    summary: "The channel's connection maps no identity the channel's Braze groups accept.")

  // Keys of the file
  static let keyUnknown = ValidationRule(
    id: "key.unknown", severity: .warning,
    summary: "The file has a key the format does not define (a misspelling?); it is ignored.")

  /// Every rule, grouped as the file is: workspace, names and codes, connections, identity
  /// spaces, properties, topics.
  static let catalogue: [ValidationRule] = [
    workspaceFormat, workspaceVersion,
    nameEmpty, nameTooLong, nameControl, codeMissing, codeInvalid, codeDuplicate,
    endpointMissing, endpointInvalid, endpointInsecure, endpointPath, endpointUnknownHost,
    apiKeyEnvMissing, apiKeyEnvInvalid, apiKeyEmpty, apiKeyInline,
    mappingEmpty, mappingField, mappingSpace, mappingDuplicate, mappingTypeMismatch,
    valueTypeInvalid, marketingMissing, marketingMultiple,
    preferenceCenterHidden, captureSpace, captureType, captureFormat, captureEncoding,
    captureVariable, captureKey,
    legalBasisUnknown, topicNoChannels, channelInvalid, channelDuplicate, channelConnection,
    groupIDMissing, groupIDShape, groupIDIgnored, groupIDShared, channelOptionIgnored,
    channelUnservable, keyUnknown,
  ]
}
