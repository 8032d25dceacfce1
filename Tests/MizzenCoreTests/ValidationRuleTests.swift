import MizzenCore
import Testing

@Suite("Validation rules")
struct ValidationRuleTests {
  @Test func theValidFixtureAndAnEmptyWorkspaceHaveNoProblem() {
    #expect(WorkspaceValidator.problems(in: ValidationFixtures.valid) == [])
    #expect(WorkspaceValidator.problems(in: Workspace(name: "Acme")) == [])
  }

  @Test(arguments: ValidationFailingCases.all)
  func failingCaseRaisesItsRuleAtItsPath(_ row: RuleCase) throws {
    let problems = WorkspaceValidator.problems(in: row.workspace)
    let matching = problems.filter { $0.rule == row.rule }
    #expect(!matching.isEmpty, "no \(row.rule) among \(problems.map(\.rule))")
    let path = try #require(row.path)
    #expect(
      matching.contains { $0.path.description == path },
      "\(row.rule) at \(matching.map(\.path.description)), expected \(path)")
    let rule = try #require(WorkspaceValidator.rules.first { $0.id == row.rule })
    for problem in matching {
      #expect(problem.severity == rule.severity)
      #expect(problem.message.count > 20, "message too thin: \(problem.message)")
    }
  }

  @Test(arguments: ValidationPassingCases.all)
  func passingCaseRaisesNoProblem(_ row: RuleCase) {
    let problems = WorkspaceValidator.problems(in: row.workspace)
    #expect(problems == [], "\(problems.map { "\($0.rule) at \($0.path)" })")
  }

  @Test func everyRuleHasAFailingAndAPassingCase() {
    // Unknown keys are a file's, not a model's: ValidationUnknownKeyTests has their cases.
    let fileRules: Set = ["key.unknown"]
    let failing = Set(ValidationFailingCases.all.map(\.rule)).union(fileRules)
    let passing = Set(ValidationPassingCases.all.map(\.rule)).union(fileRules)
    for rule in WorkspaceValidator.rules {
      #expect(failing.contains(rule.id), "no failing case for \(rule.id)")
      #expect(passing.contains(rule.id), "no passing case for \(rule.id)")
    }
    let known = Set(WorkspaceValidator.rules.map(\.id))
    #expect(failing.subtracting(known).isEmpty, "cases for unknown rules")
    #expect(passing.subtracting(known).isEmpty, "cases for unknown rules")
  }

  @Test func ruleIdsAreUniqueAndWellFormed() {
    let ids = WorkspaceValidator.rules.map(\.id)
    #expect(Set(ids).count == ids.count)
    for rule in WorkspaceValidator.rules {
      #expect(
        rule.id.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" }, "odd id \(rule.id)")
      #expect(rule.summary.hasSuffix("."), "summary of \(rule.id) is not a sentence")
    }
  }

  @Test(arguments: ValidationFailingCases.all)
  func problemsComeInFileOrder(_ row: RuleCase) {
    let problems = WorkspaceValidator.problems(in: row.workspace)
    let rank: (Problem) -> (Int, Int) = { problem in
      guard let collection = problem.path.collection else { return (0, -1) }
      let position = ProblemPath.Collection.allCases.firstIndex(of: collection)!
      return (position + 1, problem.path.recordIndex ?? -1)
    }
    let ranks = problems.map(rank)
    let inOrder = zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 }
    #expect(inOrder, "\(problems.map(\.path.description))")
  }

  @Test func anInlineKeyNeverAppearsInAMessage() {
    let key = "fake-test-key-0000-9f3a"
    var workspace = ValidationFixtures.valid
    workspace.connections[0].apiKey = .inline(key)
    let problems = WorkspaceValidator.problems(in: workspace)
    #expect(problems.map(\.rule) == ["connection.api-key.inline"])
    for problem in problems {
      #expect(!problem.message.contains(key))
      #expect(!problem.message.contains("9f3a"))
      #expect(problem.message.contains("BRAZE_US_API_KEY"))
    }
  }

  @Test func duplicateCodesAreKeyedByIndexAndPointAtEachOther() {
    var workspace = ValidationFixtures.valid
    workspace.topics[1].code = "news"
    let problems = WorkspaceValidator.problems(in: workspace).filter {
      $0.rule == "code.duplicate"
    }
    #expect(problems.map(\.path.description) == ["topics[0].code", "topics[1].code"])
    #expect(problems[0].message.contains("topics[1]"))
    #expect(problems[1].message.contains("topics[0]"))
  }

  @Test func aTopicWithoutMarketingIdentityGivesOneErrorNotAHiddenCenterWarning() {
    var workspace = ValidationFixtures.valid
    workspace.identitySpaces[0].marketingPreference = false
    let rules = WorkspaceValidator.problems(in: workspace).map(\.rule)
    #expect(rules == ["identity-space.marketing-preference.missing"])
  }

  @Test func aSharedGroupWarnsOnBothTopics() {
    var workspace = ValidationFixtures.valid
    workspace.topics[1].channels[0].subscriptionGroupId = ValidationFixtures.groupNewsEmail
    let problems = WorkspaceValidator.problems(in: workspace)
    #expect(
      problems.map(\.path.description) == [
        "topics[news].channels[email].subscriptionGroupId",
        "topics[offers].channels[whatsapp].subscriptionGroupId",
      ])
    #expect(problems.allSatisfy { $0.rule == "channel.group-id.shared" })
    #expect(problems[0].message.contains("topics[offers]"))
    #expect(problems[1].message.contains("topics[news]"))
  }

  @Test func pushNeedsNoGroupAndAnyIdentityServesIt() {
    var workspace = ValidationFixtures.valid
    workspace.connections[1].identityMapping = [
      IdentityMapping(identitySpace: "email", field: .email)
    ]
    workspace.topics[1].channels.removeFirst()
    #expect(WorkspaceValidator.problems(in: workspace) == [])
  }
}
