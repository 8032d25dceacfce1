import Foundation
import Testing

/// `mizzen validate` and `mizzen init` as a script sees them: exit codes, one-line reasons,
/// and files left exactly as they were.
@Suite struct ValidateCommandTests {
  /// Bad files: each must exit 2 with one line on stderr and leave the bytes unchanged.
  static let unreadable: [(name: String, bytes: [UInt8], mentions: String)] = [
    (
      "truncated", Array(#"{"format": "mizzen.workspace", "version": 1, "name": "A", "conn"#.utf8),
      "line 1"
    ),
    (
      "wrong types",
      Array(
        #"{"format": "mizzen.workspace", "version": 1, "name": 7, "connections": [], "identitySpaces": [], "properties": [], "topics": []}"#
          .utf8), "name"
    ),
    (
      "unknown version",
      Array(
        #"{"format": "mizzen.workspace", "version": 99, "name": "A", "connections": [], "identitySpaces": [], "properties": [], "topics": []}"#
          .utf8), "99"
    ),
    (
      "unknown format", Array(#"{"format": "something.else", "version": 1, "name": "A"}"#.utf8),
      "format"
    ),
    (
      "invalid utf8",
      Array(#"{"format": "mizzen.workspace", "name": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8),
      "UTF-8"
    ),
    ("empty", [], "empty"),
    (
      "huge string",
      Array(#"{"format": "mizzen.workspace", "version": 1, "name": ""#.utf8)
        + Array(repeating: UInt8(ascii: "x"), count: 10_000_000), "line 1"
    ),
  ]

  @Test(arguments: unreadable.indices)
  func unreadableFilesExitTwoWithOneLineAndStayUnchanged(index: Int) async throws {
    let (name, bytes, mentions) = Self.unreadable[index]
    let folder = try TemporaryFolder()
    let path = folder.file("ws.json")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try await MizzenCLI.run(["validate", "--workspace", path])
    #expect(result.status == 2, "\(name): \(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(name) should explain itself in one line: \(result.stderr)")
    #expect(result.stderr.localizedCaseInsensitiveContains(mentions), "\(name): \(result.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes), "\(name) changed")
  }

  @Test func missingFileAndFolderInItsPlaceExitTwo() async throws {
    let folder = try TemporaryFolder()
    let missing = try await MizzenCLI.run(["validate", "--workspace", folder.file("nope.json")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope.json"))
    try FileManager.default.createDirectory(
      atPath: folder.file("dir.json"), withIntermediateDirectories: false)
    let directory = try await MizzenCLI.run(["validate", "--workspace", folder.file("dir.json")])
    #expect(directory.status == 2)
    #expect(directory.stderr.split(separator: "\n").count == 1)
  }

  @Test func duplicateCodesAreErrorsWithExitOne() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("ws.json")
    let text = """
      {"format": "mizzen.workspace", "version": 1, "name": "Dupes", "connections": [],
       "identitySpaces": [
         {"code": "email", "name": "Email", "valueType": "email", "marketingPreference": true},
         {"code": "email", "name": "Email again", "valueType": "email"}],
       "properties": [], "topics": []}
      """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try await MizzenCLI.run(["validate", "--workspace", path, "--format", "json"])
    #expect(result.status == 1)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect((report["errors"] as? Int ?? 0) >= 1)
    let problems = report["problems"] as? [[String: Any]] ?? []
    #expect(problems.contains { ($0["path"] as? String ?? "").hasPrefix("identitySpaces[") })
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  }

  @Test func initWritesAValidWorkspaceAndNeverOverwrites() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("new.json")
    let first = try await MizzenCLI.run(["init", path])
    #expect(first.status == 0, "\(first.stderr)")
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.contains(#""format": "mizzen.workspace""#))
    let validate = try await MizzenCLI.run(["validate"], environment: ["MIZZEN_WORKSPACE": path])
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    #expect(validate.stdout.contains("No problems"))
    let second = try await MizzenCLI.run(["init", path])
    #expect(second.status == 1)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
  }

  @Test func workspaceResolvesFromOptionThenEnvironmentThenCurrentFolder() async throws {
    let folder = try TemporaryFolder()
    #expect(try await MizzenCLI.run(["init"], directory: folder.path).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.file("mizzen.json")))
    let fromEnvironment = try await MizzenCLI.run(
      ["validate"], environment: ["MIZZEN_WORKSPACE": folder.file("other.json")],
      directory: folder.path)
    #expect(fromEnvironment.status == 2)
    #expect(fromEnvironment.stderr.contains("other.json"))
    let fromOption = try await MizzenCLI.run(
      ["validate", "--workspace", folder.file("mizzen.json")],
      environment: ["MIZZEN_WORKSPACE": folder.file("other.json")])
    #expect(fromOption.status == 0)
  }
}
