import MizzenCore
import Testing

@Suite("Validation of one record")
struct ValidationContextTests {
  /// Per-record validation must agree exactly with the whole-workspace pass.
  @Test(arguments: ValidationFailingCases.all + ValidationPassingCases.all)
  func oneRecordGivesExactlyItsShareOfTheWholePass(_ row: RuleCase) {
    let workspace = row.workspace
    let all = WorkspaceValidator.problems(in: workspace)
    let share = { (collection: ProblemPath.Collection, index: Int) in
      all.filter { $0.path.collection == collection && $0.path.recordIndex == index }
    }
    for index in workspace.connections.indices {
      #expect(
        WorkspaceValidator.problems(forConnectionAt: index, in: workspace)
          == share(.connections, index))
    }
    for index in workspace.identitySpaces.indices {
      #expect(
        WorkspaceValidator.problems(forIdentitySpaceAt: index, in: workspace)
          == share(.identitySpaces, index))
    }
    for index in workspace.properties.indices {
      #expect(
        WorkspaceValidator.problems(forPropertyAt: index, in: workspace)
          == share(.properties, index))
    }
    for index in workspace.topics.indices {
      #expect(
        WorkspaceValidator.problems(forTopicAt: index, in: workspace) == share(.topics, index))
    }
    #expect(
      WorkspaceValidator.problems(forWorkspaceFieldsOf: workspace)
        == all.filter { $0.path.collection == nil })
  }

  @Test func aDraftIsCheckedAgainstTheOtherRecordsNotItsOldSelf() {
    let workspace = ValidationFixtures.valid
    let context = ValidationContext(workspace)
    var draft = workspace.topics[0]
    #expect(WorkspaceValidator.problems(forTopic: draft, at: 0, context: context) == [])

    draft.code = "offers"
    let taken = WorkspaceValidator.problems(forTopic: draft, at: 0, context: context)
    #expect(taken.map(\.rule) == ["code.duplicate"])
    #expect(taken.first?.path.description == "topics[0].code")
    #expect(taken.first?.message.contains("topics[offers]") == true)

    draft.code = "weekly_news"
    draft.channels[0].subscriptionGroupId = ValidationFixtures.groupOffersWhatsApp
    let shared = WorkspaceValidator.problems(forTopic: draft, at: 0, context: context)
    #expect(
      shared.map(\.path.description) == ["topics[weekly_news].channels[email].subscriptionGroupId"])
    #expect(shared.map(\.rule) == ["channel.group-id.shared"])
  }

  @Test func aDraftThatResolvesAClashIsCleanAtOnce() {
    var workspace = ValidationFixtures.valid
    workspace.topics[1].code = "news"
    workspace.topics[1].channels[0].subscriptionGroupId = ValidationFixtures.groupNewsEmail
    let context = ValidationContext(workspace)
    var draft = workspace.topics[1]
    #expect(
      WorkspaceValidator.problems(forTopic: draft, at: 1, context: context).map(\.rule) == [
        "code.duplicate", "channel.group-id.shared",
      ])
    draft.code = "offers"
    draft.channels[0].subscriptionGroupId = ValidationFixtures.groupOffersWhatsApp
    #expect(WorkspaceValidator.problems(forTopic: draft, at: 1, context: context) == [])
  }

  @Test func aNewRecordIsCheckedAtTheEndOfItsCollection() {
    let workspace = ValidationFixtures.valid
    let context = ValidationContext(workspace)
    let topic = Topic(
      code: "news", name: "",
      channels: [TopicChannel(kind: .email, connection: "braze_us")])
    let problems = WorkspaceValidator.problems(forTopic: topic, at: 2, context: context)
    #expect(
      problems.map { "\($0.rule) \($0.path)" } == [
        "code.duplicate topics[2].code", "name.empty topics[2].name",
        "channel.group-id.missing topics[2].channels[email].subscriptionGroupId",
      ])

    let space = IdentitySpace(
      code: "device_id", name: "Device", type: .id, marketingPreference: true)
    let spaceProblems = WorkspaceValidator.problems(
      forIdentitySpace: space, at: 3, context: context)
    #expect(spaceProblems.map(\.rule) == ["identity-space.marketing-preference.multiple"])
    #expect(
      spaceProblems.first?.path.description == "identitySpaces[device_id].marketingPreference")

    let connection = Connection(
      code: "braze_jp", name: "Braze JP", endpoint: "https://rest.jp-01.braze.com",
      apiKey: .environment("BRAZE_JP_API_KEY"),
      identityMapping: [IdentityMapping(identitySpace: "email", field: .email)])
    #expect(WorkspaceValidator.problems(forConnection: connection, at: 2, context: context) == [])

    let property = Property(code: "kiosk", name: "Kiosk", platform: "web")
    #expect(WorkspaceValidator.problems(forProperty: property, at: 2, context: context) == [])
  }

  @Test func aLargeWorkspaceIsValidAndEachRecordAgrees() {
    let workspace = ValidationFixtures.large(topics: 2_000, connections: 50)
    #expect(WorkspaceValidator.problems(in: workspace) == [])
    var broken = workspace
    broken.topics[1_999].channels[1].subscriptionGroupId =
      broken.topics[3].channels[0].subscriptionGroupId
    broken.topics[500].code = "topic_7"
    let problems = WorkspaceValidator.problems(in: broken)
    #expect(
      problems.map { "\($0.rule) \($0.path)" } == [
        "channel.group-id.shared topics[topic_3].channels[email].subscriptionGroupId",
        "code.duplicate topics[7].code",
        "code.duplicate topics[500].code",
        "channel.group-id.shared topics[topic_1999].channels[sms].subscriptionGroupId",
      ])
  }
}
