import MizzenTestSupport
import Testing

@testable import MizzenCore

/// An edit of one topic validated again from the last validation gives exactly what a
/// whole validation gives, or declines (and the whole one runs).
@Suite struct IncrementalValidationTests {
  static let codes = ["news", "sale", "digest", "alerts", "Bad Code", "", "news_2"]
  static let groups = [
    "fbc3506c-26a5-4f35-b8f0-ed382da4f2db", "0c1b2a39-1111-4222-8333-444455556666",
    "2d9f7c1e-5555-4666-8777-888899990000", "not-a-uuid", "",
  ]
  static let channels = ["email", "sms", "push", "whatsapp", "fax"]
  static let connections = ["braze_us", "braze_jp", "gone"]

  static func topic(_ random: inout SeededGenerator, _ number: Int) -> Topic {
    let code =
      Int.random(in: 0..<4, using: &random) == 0
      ? codes.randomElement(using: &random)! : "topic_\(number)"
    return Topic(
      code: code, name: Int.random(in: 0..<8, using: &random) == 0 ? "" : "Topic \(number)",
      legalBasis: ["consent_optin", "", "made_up"].randomElement(using: &random)!,
      channels: (0..<Int.random(in: 0...2, using: &random)).map { position in
        TopicChannel(
          channel: channels.randomElement(using: &random)!,
          connection: connections.randomElement(using: &random)!,
          subscriptionGroupId: Int.random(in: 0..<3, using: &random) == 0
            ? groups.randomElement(using: &random)!
            : "7e1d2c3b-\(String(number, radix: 16).leftPadded(4))-4a5b-8c6d-\(position)0000000000a"
        )
      })
  }

  static func workspace(_ random: inout SeededGenerator) -> Workspace {
    Workspace(
      name: "Incremental",
      connections: [
        Connection(
          code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
          apiKey: .environment("BRAZE_US_API_KEY"),
          identityMapping: [IdentityMapping(identitySpace: "email", field: .email)]),
        Connection(
          code: "braze_jp", name: "Braze JP", endpoint: "https://rest.jp-01.braze.com",
          apiKey: .environment("BRAZE_JP_API_KEY"),
          identityMapping: [IdentityMapping(identitySpace: "phone", field: .phone)]),
      ],
      identitySpaces: [
        IdentitySpace(code: "email", name: "Email", type: .email, marketingPreference: true),
        IdentitySpace(code: "phone", name: "Phone", type: .phone),
      ],
      properties: [
        Property(
          code: "web", name: "Web", platform: "web",
          identities: [
            IdentityCapture(
              identitySpace: "email", type: "dataLayer", variable: "user.email", format: "string")
          ])
      ],
      topics: (0..<Int.random(in: 1...12, using: &random)).map { topic(&random, $0) })
  }

  /// Edits one after another, each followed from the validation the last one left, as
  /// the console follows them: each gives what validating the whole workspace gives.
  @Test func editsOfOneTopicGiveWhatTheWholeValidationGives() {
    var followed = 0
    var declined = 0
    let cases = 400
    for number in 0..<cases {
      var random = SeededGenerator(seed: 0x1AC2_E3E1 ^ (UInt64(number) &* 0x9E37_79B9_7F4A_7C15))
      var workspace = Self.workspace(&random)
      var validated = ValidatedWorkspace(workspace, readFrom: nil)
      for step in 0..<4 {
        let place = "case \(number), step \(step)"
        let before = workspace
        if Int.random(in: 0..<4, using: &random) == 0 {
          workspace.topics.append(Self.topic(&random, 100 + step))
        } else {
          let index = Int.random(in: workspace.topics.indices, using: &random)
          var edited = Self.topic(&random, index)
          if Bool.random(using: &random) { edited.code = before.topics[index].code }
          workspace.topics[index] = edited
        }
        let whole = WorkspaceValidator.problems(in: workspace)
        guard let (next, change) = validated.revalidated(workspace, readFrom: nil) else {
          declined += 1
          validated = ValidatedWorkspace(workspace, readFrom: nil)
          continue
        }
        followed += 1
        #expect(next.problems == whole, "\(place)")
        #expect(next.workspace == workspace)
        if let change {
          #expect(
            change.added
              == whole.filter {
                $0.path.collection == .topics && $0.path.recordIndex == change.topic
              }, "\(place)")
        }
        // The index it made answers as one built from scratch: a form's draft of any topic
        // finds the same problems with either.
        let fresh = ValidationContext(workspace)
        for index in workspace.topics.indices {
          let draft = Self.topic(&random, index)
          #expect(
            WorkspaceValidator.problems(forTopic: draft, at: index, context: next.context)
              == WorkspaceValidator.problems(forTopic: draft, at: index, context: fresh),
            "\(place), draft of topic \(index)")
        }
        validated = next
      }
    }
    // Most edits are followed; the rest touch codes or groups other topics hold.
    #expect(followed > declined, "\(followed) followed, \(declined) declined")
    #expect(declined > 0)
  }

  @Test func whatReachesOtherRecordsIsLeftToTheWholeValidation() throws {
    var random = SeededGenerator(seed: 7)
    var workspace = Self.workspace(&random)
    workspace.topics = [
      Topic(code: "news", name: "News", channels: []),
      Topic(code: "sale", name: "Sale", channels: []),
    ]
    let validated = ValidatedWorkspace(workspace, readFrom: nil)
    var duplicate = workspace
    duplicate.topics[1].code = "news"
    #expect(validated.revalidated(duplicate, readFrom: nil) == nil, "a code another topic holds")
    var renamed = workspace
    renamed.name = "Other"
    #expect(validated.revalidated(renamed, readFrom: nil) == nil, "the workspace's own fields")
    var two = workspace
    two.topics[0].name = "A"
    two.topics[1].name = "B"
    #expect(validated.revalidated(two, readFrom: nil) == nil, "two topics")
    var one = workspace
    one.topics[1].name = "B"
    let (next, change) = try #require(validated.revalidated(one, readFrom: nil))
    #expect(change?.topic == 1)
    #expect(next.problems == WorkspaceValidator.problems(in: one))
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
