import Testing

@testable import MizzenCore

@Suite struct CodecTests {
  @Test func specExampleIsWrittenExactly() {
    let bytes = WorkspaceCodec.encode(StoreFixtures.acme)
    #expect(String(decoding: bytes, as: UTF8.self) == StoreFixtures.acmeText)
  }

  @Test func specExampleAsPrintedInTheSpecDecodes() throws {
    let specText = """
      {
        "format": "mizzen.workspace", "version": 1, "name": "Acme",
        "connections": [
          { "code": "braze_us", "name": "Braze US", "endpoint": "https://rest.iad-01.braze.com",
            "apiKey": { "env": "BRAZE_US_API_KEY" },
            "identityMapping": [
              { "identitySpace": "email", "brazeField": "email" },
              { "identitySpace": "customer_id", "brazeField": "external_id" } ] } ],
        "identitySpaces": [
          { "code": "email", "name": "Email address", "valueType": "email", "marketingPreference": true },
          { "code": "customer_id", "name": "Customer ID", "valueType": "id" } ],
        "properties": [
          { "code": "website", "name": "Website", "platform": "web",
            "identities": [ { "identitySpace": "email", "type": "dataLayer", "variable": "user.email",
                "format": "string", "key": "", "encoding": "none" } ] } ],
        "topics": [
          { "code": "weekly_newsletter", "name": "Weekly newsletter",
            "description": "Product news every Friday", "legalBasis": "consent_optin",
            "channels": [ { "channel": "email", "connection": "braze_us",
                "subscriptionGroupId": "fbc3506c-26a5-4f35-b8f0-ed382da4f2db" } ] } ]
      }
      """
    let workspace = try WorkspaceCodec.decode(Array(specText.utf8))
    #expect(workspace == StoreFixtures.acme)
  }

  @Test(arguments: [StoreFixtures.acme, StoreFixtures.international, Workspace(name: "")])
  func writtenFilesRoundTripByteForByte(workspace: Workspace) throws {
    let bytes = WorkspaceCodec.encode(workspace)
    let decoded = try WorkspaceCodec.decode(bytes)
    #expect(decoded == workspace)
    #expect(WorkspaceCodec.encode(decoded) == bytes)
  }

  @Test func emptyWorkspaceUsesEmptyBrackets() {
    let text = String(decoding: WorkspaceCodec.encode(Workspace(name: "New")), as: UTF8.self)
    #expect(
      text == """
        {
          "connections": [],
          "format": "mizzen.workspace",
          "identitySpaces": [],
          "name": "New",
          "properties": [],
          "topics": [],
          "version": 1
        }

        """)
  }

  @Test func optionalMembersAreWrittenOnlyWhenTheyHoldSomething() {
    let text = String(
      decoding: WorkspaceCodec.encode(StoreFixtures.international), as: UTF8.self)
    #expect(text.contains("\"value\": \"fake-key-0000-not-real\""))
    #expect(!text.contains("\"env\""))
    #expect(!text.contains("\"legalBasis\""))
    #expect(text.components(separatedBy: "\"description\"").count == 2)
    #expect(text.components(separatedBy: "\"subscriptionGroupId\"").count == 2)
    #expect(text.contains("\"name\": \"お得な情報 🎁\""))
    #expect(text.contains("\"description\": \"Line one\\nline two\\u0001\""))
  }

  @Test func absentMembersDecodeAsEmpty() throws {
    let text = """
      {"format": "mizzen.workspace", "version": 1,
       "identitySpaces": [{"code": "email"}],
       "properties": [{"identities": [{"identitySpace": "email"}]}],
       "topics": [{"channels": [{}]}]}
      """
    let workspace = try WorkspaceCodec.decode(Array(text.utf8))
    #expect(workspace.name == "")
    #expect(workspace.connections.isEmpty)
    #expect(workspace.identitySpaces[0].marketingPreference == false)
    #expect(workspace.properties[0].identities[0].encoding == "none")
    #expect(workspace.properties[0].identities[0].key == "")
    #expect(workspace.topics[0].channels[0] == TopicChannel(channel: "", connection: ""))
  }

  @Test(arguments: [
    (
      #"{"format":"mizzen.workspace","version":1,"topics":[{"channels":[{"channel":3}]}]}"#,
      "topics[0].channels[0].channel: expected a string, found a number"
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"topics":{}}"#,
      "topics: expected an array, found an object"
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"topics":[1,{"name":"x"},"t"]}"#,
      "topics[0]: expected an object, found a number"
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"identitySpaces":[{"marketingPreference":"yes"}]}"#,
      "identitySpaces[0].marketingPreference: expected true or false, found a string"
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"connections":[{"code":"a"}]}"#,
      #"connections[0].apiKey: missing; expected {"env": "NAME"} or {"value": "KEY"}"#
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"connections":[{"apiKey":{"env":"A","value":"B"}}]}"#,
      #"connections[0].apiKey: has both "env" and "value"; keep one"#
    ),
    (
      #"{"format":"mizzen.workspace","version":1,"connections":[{"apiKey":{"env":null}}]}"#,
      "connections[0].apiKey.env: expected a string, found null"
    ),
    (
      #"{"format":"mizzen.workspace","version":"1"}"#,
      "version: expected a whole number, found a string"
    ),
    (#"{"format":"mizzen.workspace"}"#, "version: missing (add \"version\": 1)"),
    (#"{"format":"mizzen.workspace","version":0}"#, "version: 0 is not a valid version (use 1)"),
    ("[]", "the file holds an array, but a workspace is a JSON object"),
  ])
  func wrongTypesNameTheirPath(text: String, message: String) {
    #expect(throws: WorkspaceCodecError(kind: .invalidValue, message: message)) {
      try WorkspaceCodec.decode(Array(text.utf8))
    }
  }

  @Test(arguments: [
    (#"{"format":"other.tool","version":1}"#, WorkspaceCodecError.Kind.unknownFormat, "other.tool"),
    (#"{"version":1}"#, .unknownFormat, "no \"format\""),
    (#"{"format":7,"version":1}"#, .unknownFormat, "found a number"),
    (#"{"format":"mizzen.workspace","version":2}"#, .newerVersion, "update mizzen"),
  ])
  func foreignFormatsAndNewerVersionsAreToldApart(
    text: String, kind: WorkspaceCodecError.Kind, excerpt: String
  ) {
    let error = #expect(throws: WorkspaceCodecError.self) {
      try WorkspaceCodec.decode(Array(text.utf8))
    }
    #expect(error?.kind == kind)
    #expect(error?.message.contains(excerpt) == true)
  }

  @Test func unknownKeysAreListedWithTheirPaths() throws {
    let text = """
      {"format": "mizzen.workspace", "version": 1, "owner": "ops",
       "topics": [{"code": "a", "color": "red", "channels": [{"channel": "email", "x": 1}]}],
       "connections": [{"code": "c", "apiKey": {"env": "K", "note": "n"}}]}
      """
    let decoded = try WorkspaceCodec.decodeDocument(Array(text.utf8))
    #expect(
      decoded.unknownKeys == [
        "owner", "connections[0].apiKey.note", "topics[0].color", "topics[0].channels[0].x",
      ])
  }
}
