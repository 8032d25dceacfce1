import Foundation
import Testing

/// `mizzen validate` on files with keys the format does not define, and on a file whose
/// fault would echo a huge value: warnings with paths and suggestions, short errors.
@Suite struct ValidateFileKeysTests {
  static let text = #"""
    {"format": "mizzen.workspace", "version": 1, "name": "Acme", "colour": "blue",
     "connections": [{"code": "braze_us", "name": "Braze US",
       "endpoint": "https://rest.iad-01.braze.com", "apiKey": {"env": "BRAZE_US_API_KEY"},
       "identityMapping": [{"identitySpace": "email", "brazeField": "email"}]}],
     "identitySpaces": [{"code": "email", "name": "Email", "valueType": "email",
       "marketingPreference": true}],
     "properties": [{"code": "web", "name": "Web", "platform": "web", "identities": [
       {"identitySpace": "email", "type": "dataLayer", "variable": "user.email",
        "format": "string"}]}],
     "topics": [{"code": "weekly", "name": "Weekly", "channels": [{"channel": "email",
       "connection": "braze_us", "subscriptionGroupId": "fbc3506c-26a5-4f35-b8f0-ed382da4f2db",
       "subscriptionGroupID": "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"}]}]}
    """#

  @Test func unknownKeysAreWarningsWithTheirPathAndASuggestion() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("ws.json")
    try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
    let result = try await MizzenCLI.run(["validate", "--workspace", path])
    #expect(result.status == 0, "warnings only: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "warning colour  [key.unknown]",
        "        \"colour\" is not a key of the workspace, so Mizzen ignores it (and keeps it "
          + "when saving): remove it, or use one of format, version, name, connections, "
          + "identitySpaces, properties, topics.",
        "warning topics[weekly].channels[email].subscriptionGroupID  [key.unknown]",
        "        \"subscriptionGroupID\" is not a key of a channel entry, so Mizzen ignores it "
          + "(and keeps it when saving): did you mean subscriptionGroupId?",
        "0 errors, 2 warnings in \(path).",
      ])
    let json = try await MizzenCLI.run(["validate", "--format", "json", "--workspace", path])
    let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let problems = report?["problems"] as? [[String: Any]] ?? []
    #expect(
      problems.map { $0["path"] as? String } == [
        "colour", "topics[weekly].channels[email].subscriptionGroupID",
      ])
    #expect(problems.allSatisfy { $0["rule"] as? String == "key.unknown" })
    #expect(problems.allSatisfy { $0["severity"] as? String == "warning" })
  }

  /// A 50 MB number was echoed whole to standard error: it is cut.
  @Test func aHugeNumberIsCutInTheError() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("ws.json")
    let bytes =
      Array(#"{"format": "mizzen.workspace", "version": 1, "name": "#.utf8)
      + [UInt8](repeating: UInt8(ascii: "9"), count: 50_000_000) + Array("}".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try await MizzenCLI.run(["validate", "--workspace", path])
    #expect(result.status == 2)
    #expect(result.stderr.utf8.count < 400, "\(result.stderr.prefix(400))")
    #expect(result.stderr.contains(String(repeating: "9", count: 40) + "… is too large"))
  }
}
