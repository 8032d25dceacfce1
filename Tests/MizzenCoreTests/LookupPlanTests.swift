import Foundation
import Testing

@testable import MizzenCore

@Suite("Lookup: rows per topic × channel, one read per connection and group, paced")
struct LookupPlanTests {
  static let workspace = BrazeFixtures.workspace()

  @Test("reads are shared by rows that ask the same thing; unreachable rows say why")
  func plan() throws {
    let plan = try SignalPlanner.planLookup(
      identities: ["customer_id": "cust-7"], in: Self.workspace)
    #expect(plan.rows.count == Self.workspace.topics.flatMap(\.channels).count)
    // news (braze) and by_id_news (by_id) map the same email group: different
    // connections, so two reads; by_id_news/sms and news/sms likewise.
    let reads = plan.reads.map {
      $0.connection + " " + $0.request.url + ($0.request.bodyText ?? "")
    }
    #expect(Set(reads).count == reads.count)
    #expect(plan.reads.filter { $0.request.path == "/subscription/status/get" }.count == 5)
    let news = plan.rows.filter { $0.topic == "news" }
    #expect(news.allSatisfy { $0.brazeField == .externalID && $0.read != nil })
    #expect(plan.reads.allSatisfy { $0.request.purpose == .check && $0.request.expectation == nil })
    let push = try #require(plan.rows.first { $0.topic == "news" && $0.channel == "push" })
    #expect(plan.reads[push.read ?? -1].request.path == "/users/export/ids")
    let lost = try #require(plan.rows.first { $0.topic == "lost" })
    #expect(lost.read == nil && lost.problem?.contains("gone") == true)
    let noGroup = try #require(plan.rows.first { $0.topic == "no_group" })
    #expect(noGroup.problem?.contains("subscription group") == true)
    #expect(throws: SignalPlanError.self) {
      try SignalPlanner.planLookup(identities: ["nope": "x"], in: Self.workspace)
    }
  }

  @Test("the same group on the same connection is read once")
  func shared() throws {
    var workspace = Self.workspace
    workspace.topics.append(
      Topic(
        code: "twin", name: "Twin",
        channels: [
          TopicChannel(
            kind: .email, connection: "braze", subscriptionGroupId: BrazeFixtures.emailGroup)
        ]))
    let plan = try SignalPlanner.planLookup(identities: ["email": "a@example.com"], in: workspace)
    let news = try #require(plan.rows.first { $0.id == "news/email" })
    let twin = try #require(plan.rows.first { $0.id == "twin/email" })
    #expect(news.read != nil && news.read == twin.read)
  }

  @Test("a spent window pauses the next read until the reset, bounded")
  func pacing() {
    // A clock that stands still: the pause is exactly the time left to the reset.
    let clock = ClientClock(Date(timeIntervalSince1970: 1_800_000_000.5))
    let runner = PersonLookupRunner(
      client: BrazeClient(configuration: BrazeClientConfiguration().driven(by: clock)),
      maxWait: .seconds(5))
    let request = PlannedRequest(
      purpose: .check, method: "GET", url: "http://127.0.0.1/x", path: "/x", headers: [],
      body: nil, permission: .subscriptionStatusGet)
    func exchange(remaining: String, resetIn seconds: Double) -> BrazeExchange {
      let reset = String(Int(clock.now.timeIntervalSince1970 + seconds))
      return BrazeExchange(
        request: request,
        attempts: [
          BrazeAttempt(
            number: 1, status: 200,
            rateLimit: RateLimitHeaders(limit: "10", remaining: remaining, reset: reset),
            latencyMs: 1)
        ],
        outcome: BrazeOutcome(kind: .success, status: 200, message: ""), latencyMs: 1)
    }
    #expect(runner.pause(after: exchange(remaining: "3", resetIn: 30)) == nil)
    let wait = runner.pause(after: exchange(remaining: "0", resetIn: 3))
    #expect(wait == .milliseconds(2500))
    #expect(runner.pause(after: exchange(remaining: "0", resetIn: 300)) == .seconds(5))
  }

  @Test("answers read Braze's words, lower-case ones included")
  func answers() {
    let request = PlannedRequest(
      purpose: .check, method: "GET", url: "u", path: "/subscription/status/get", headers: [],
      body: nil, permission: .subscriptionStatusGet)
    func answer(_ body: String) -> LookupAnswer {
      LookupAnswer.from(
        BrazeExchange(
          request: request, attempts: [],
          outcome: BrazeOutcome(kind: .success, status: 200, message: ""), latencyMs: 1,
          responseBody: Array(body.utf8)), identifier: "p")
    }
    #expect(answer(#"{"status":{"p":"unknown"}}"#).observed == "Unknown")
    #expect(answer(#"{"status":{"p":"Subscribed"}}"#).choice == .granted)
    #expect(answer(#"{"status":{"p":"Unsubscribed"}}"#).choice == .denied)
  }
}
