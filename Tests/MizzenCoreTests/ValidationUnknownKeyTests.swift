import Foundation
import Testing

@testable import MizzenCore

/// Keys the format does not define are kept and ignored by the decoders, and reported by
/// validation as `key.unknown` warnings at their path, with a "did you mean" when close.
@Suite struct ValidationUnknownKeyTests {
  /// SPEC §2's example with a misspelt group id, a stray colour at three levels, and
  /// misspellings inside the nested objects.
  static let text = StoreFixtures.acmeText
    .replacingOccurrences(of: "\"subscriptionGroupId\"", with: "\"subscriptionGroupID\"")
    .replacingOccurrences(
      of: "\"format\": \"mizzen", with: "\"colour\": \"blue\",\n  \"format\": \"mizzen"
    )
    .replacingOccurrences(
      of: "\"code\": \"weekly_newsletter\",",
      with: "\"code\": \"weekly_newsletter\", \"colour\": 1,"
    )
    .replacingOccurrences(
      of: "\"env\": \"BRAZE_US_API_KEY\"", with: "\"env\": \"BRAZE_US_API_KEY\", \"vaule\": \"x\""
    )
    .replacingOccurrences(of: "\"brazeField\": \"email\",", with: "\"brazefield\": \"email\",")
    .replacingOccurrences(of: "\"encoding\": \"none\",", with: "\"encodnig\": \"none\",")
    .replacingOccurrences(
      of: "\"valueType\": \"id\"", with: "\"valueType\": \"id\", \"nmae\": \"x\"")

  private func load(_ text: String = text) throws -> LoadedWorkspace {
    let folder = try TemporaryFolder()
    return try WorkspaceStore(path: try folder.write("w.json", text)).load()
  }

  private func unknown(_ problems: [Problem]) -> [String] {
    problems.filter { $0.rule == "key.unknown" }.map { "\($0.path) | \($0.message)" }
  }

  @Test func eachUnknownKeyIsAWarningAtItsPathWithASuggestionWhenClose() throws {
    let loaded = try load()
    let problems = WorkspaceValidator.problems(in: loaded.workspace, readFrom: loaded.revision)
    let ignored = "so Mizzen ignores it (and keeps it when saving)"
    #expect(
      unknown(problems) == [
        "colour | \"colour\" is not a key of the workspace, \(ignored): remove it, or use one of "
          + "format, version, name, connections, identitySpaces, properties, topics.",
        "connections[braze_us].apiKey.vaule | \"vaule\" is not a key of an apiKey, \(ignored): "
          + "did you mean value?",
        "connections[braze_us].identityMapping[0].brazefield | \"brazefield\" is not a key of an "
          + "identityMapping entry, \(ignored): did you mean brazeField?",
        "identitySpaces[customer_id].nmae | \"nmae\" is not a key of an identity space, "
          + "\(ignored): did you mean name?",
        "properties[website].identities[0].encodnig | \"encodnig\" is not a key of an identity "
          + "capture, \(ignored): did you mean encoding?",
        "topics[weekly_newsletter].channels[email].subscriptionGroupID | \"subscriptionGroupID\" "
          + "is not a key of a channel entry, \(ignored): did you mean subscriptionGroupId?",
        "topics[weekly_newsletter].colour | \"colour\" is not a key of a topic, \(ignored): "
          + "remove it, or use one of code, name, description, legalBasis, channels.",
      ])
    #expect(problems.filter { $0.rule == "key.unknown" }.allSatisfy { $0.severity == .warning })
    // The misspelt group id leaves the channel without one: that error comes first.
    let rules = problems.map(\.rule)
    let missing = try #require(rules.firstIndex(of: "channel.group-id.missing"))
    #expect(Array(rules[(missing + 1)...]) == ["key.unknown", "key.unknown"])
  }

  @Test func problemsFromAFileComeInFileOrder() throws {
    let loaded = try load()
    let problems = WorkspaceValidator.problems(in: loaded.workspace, readFrom: loaded.revision)
    let ranks = problems.map { problem -> [Int] in
      guard let collection = problem.path.collection else { return [0, -1] }
      let position = ProblemPath.Collection.allCases.firstIndex(of: collection)!
      return [position + 1, problem.path.recordIndex ?? -1]
    }
    #expect(
      zip(ranks, ranks.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
    let plain = WorkspaceValidator.problems(in: loaded.workspace)
    #expect(problems.filter { $0.rule != "key.unknown" } == plain)
  }

  @Test func aFileWithoutUnknownKeysHasNoSuchProblem() throws {
    let loaded = try load(StoreFixtures.acmeText)
    #expect(loaded.revision.document == nil)
    #expect(
      WorkspaceValidator.problems(in: loaded.workspace, readFrom: loaded.revision)
        == WorkspaceValidator.problems(in: loaded.workspace))
  }

  /// After edits the warnings follow their records by code, as a save carries the keys: a
  /// topic inserted before moves them, and a renamed topic's keys are no longer reported,
  /// since the next save would not keep them.
  @Test func warningsFollowTheirRecordsThroughEdits() throws {
    let loaded = try load()
    var workspace = loaded.workspace
    workspace.topics.insert(Topic(code: "first", name: "First"), at: 0)
    var paths = unknown(WorkspaceValidator.problems(in: workspace, readFrom: loaded.revision))
      .map { String($0.prefix { $0 != " " }) }
    #expect(paths.contains("topics[weekly_newsletter].colour"))
    let topicKey = try #require(
      WorkspaceValidator.problems(in: workspace, readFrom: loaded.revision).first {
        $0.path.description == "topics[weekly_newsletter].colour"
      })
    #expect(topicKey.path.recordIndex == 1)
    workspace.topics[1].code = "renamed"
    paths = unknown(WorkspaceValidator.problems(in: workspace, readFrom: loaded.revision))
      .map { String($0.prefix { $0 != " " }) }
    #expect(!paths.contains { $0.hasPrefix("topics") })
    #expect(paths.contains("colour"))
  }

  @Test(arguments: [
    ("subscriptionGroupID", "subscriptionGroupId"), ("SUBSCRIPTIONGROUPID", "subscriptionGroupId"),
    ("subscriptionGroupIds", "subscriptionGroupId"), ("chanel", "channel"),
    ("conection", "connection"), ("nmae", "name"), ("cdoe", "code"),
  ])
  func closeKeysAreSuggested(typed: String, meant: String) {
    #expect(
      UnknownKeyRules.suggestion(
        for: typed, among: WorkspaceShape.channel.known + ["name", "code"]) == meant)
  }

  @Test(arguments: ["colour", "color", "owner", "weight", "id", "groupId", "nom"])
  func farKeysAreNotSuggested(typed: String) {
    let known = WorkspaceShape.channel.known + WorkspaceShape.topic.known
    #expect(UnknownKeyRules.suggestion(for: typed, among: known) == nil)
  }

  /// A megabyte-long key is cut in the path and the message.
  @Test func aHugeUnknownKeyIsCut() throws {
    let key = String(repeating: "k", count: 1_000_000)
    let loaded = try load(
      #"{"format": "mizzen.workspace", "version": 1, "name": "A", ""# + key + #"": 1}"#)
    let problems = WorkspaceValidator.problems(in: loaded.workspace, readFrom: loaded.revision)
    let problem = try #require(problems.first { $0.rule == "key.unknown" })
    #expect(problem.path.description == String(repeating: "k", count: 40) + "…")
    #expect(problem.message.utf8.count < 300)
  }
}
