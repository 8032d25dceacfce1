import BrazeSandbox
import Foundation
import Testing

@Suite("Braze-style 400s")
struct ValidationTests {
  static let fiftyOne = (1...51).map { "user-\($0)" }

  static let fiftyOneJSON = "[" + fiftyOne.map { "\"\($0)\"" }.joined(separator: ",") + "]"
  static let email = "\"subscription_group_id\": \"\(TestGroups.email)\""
  static let sms = "\"subscription_group_id\": \"\(TestGroups.sms)\""
  static let subscribed = "\"subscription_state\": \"subscribed\""

  /// A case name, a JSON body for `/subscription/status/set`, and a fragment of the
  /// message it must get.
  static let setCases: [(String, String, String)] = [
    (
      "email and phone together",
      "{\(email), \(subscribed), \"email\": \"a@example.com\", \"phone\": \"+14155552671\"}",
      "Either an email address or a phone number should be provided, but not both."
    ),
    (
      "more than 50 ids", "{\(email), \(subscribed), \"external_id\": \(fiftyOneJSON)}",
      "the limit is 50"
    ),
    ("a phone not in E.164", "{\(sms), \(subscribed), \"phone\": \"415-555-2671\"}", "E.164"),
    (
      "an invalid email", "{\(email), \(subscribed), \"email\": \"not an email\"}",
      "Invalid email address"
    ),
    ("no group id", "{\(subscribed), \"external_id\": \"x\"}", "subscription_group_id"),
    (
      "a state other than subscribed or unsubscribed",
      "{\(email), \"subscription_state\": \"opted_in\", \"external_id\": \"x\"}",
      "subscription_state"
    ),
    ("no identifiers", "{\(email), \(subscribed)}", "Provide the users"),
    (
      "an empty identifier array", "{\(email), \(subscribed), \"external_id\": []}",
      "must not be empty"
    ),
    (
      "an identifier that is not a string", "{\(email), \(subscribed), \"external_id\": 42}",
      "must be a string"
    ),
    (
      "an email for an SMS group", "{\(sms), \(subscribed), \"email\": \"a@example.com\"}",
      "SMS group"
    ),
    (
      "a phone for an email group", "{\(email), \(subscribed), \"phone\": \"+14155552671\"}",
      "Email group"
    ),
  ]

  @Test("status/set refuses", arguments: setCases)
  func setRefuses(_ label: String, body: String, fragment: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.client().request(
      "POST", "/subscription/status/set", key: TestKeys.all, body: Data(body.utf8))
    #expect(response.status == 400, "\(label)")
    #expect(response.message?.contains(fragment) == true, "\(label): \(response.message ?? "")")
    let errors = response.json["errors"] as? [String] ?? []
    #expect(!errors.isEmpty, "\(label)")
  }

  @Test("a refused call changes nothing")
  func refusedChangesNothing() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/v2/subscription/status/set",
      [
        "subscription_groups": [
          [
            "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
            "external_ids": ["partial"],
          ],
          [
            "subscription_group_id": TestGroups.sms, "subscription_state": "subscribed",
            "emails": ["partial@example.com"],
          ],
        ]
      ])
    #expect(response.status == 400)
    #expect(
      try sandbox.status(group: TestGroups.email, field: "external_id", value: "partial")
        == "Unknown")
  }

  @Test(
    "a body that is not JSON, or not an object",
    arguments: ["{\"subscription_group_id\": ", "[1, 2]", ""])
  func badJSON(body: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.client().request(
      "POST", "/subscription/status/set", key: TestKeys.all, body: Data(body.utf8))
    #expect(response.status == 400)
    #expect(response.message?.isEmpty == false)
    let errors = response.json["errors"] as? [String] ?? []
    #expect(!errors.isEmpty)
  }

  /// A `status/get` query and a fragment of the message it must get.
  static let getCases: [(String, String)] = [
    (
      "subscription_group_id=\(TestGroups.email)&email[]=a%40example.com&phone[]=%2B14155552671",
      "but not both"
    ),
    ("subscription_group_id=\(TestGroups.sms)&phone[]=4155552671", "E.164"),
    ("external_id[]=x", "subscription_group_id"),
    ("subscription_group_id=\(TestGroups.email)", "Provide the users"),
    (
      "subscription_group_id=\(TestGroups.email)&"
        + fiftyOne.map { "external_id[]=\($0)" }.joined(separator: "&"), "the limit is 50"
    ),
  ]

  @Test("status/get refuses", arguments: getCases)
  func getRefuses(query: String, fragment: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.get("/subscription/status/get?" + query)
    #expect(response.status == 400)
    #expect(response.message?.contains(fragment) == true, "\(response.message ?? "")")
  }

  @Test("with groups created on first use, reading an unknown group answers Unknown")
  func unknownGroupRead() throws {
    let sandbox = try SandboxFixture { $0.createsUnknownGroups = true }
    let response = try sandbox.get(
      "/subscription/status/get?subscription_group_id=fresh-group&external_id[]=nobody")
    #expect(response.status == 200)
    #expect((response.json["status"] as? [String: String]) == ["nobody": "Unknown"])
  }

  @Test("v2 refuses emails and phones in one group entry")
  func versionTwoEmailAndPhone() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/v2/subscription/status/set",
      [
        "subscription_groups": [
          [
            "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
            "emails": ["a@example.com"], "phones": ["+14155552671"],
          ]
        ]
      ])
    #expect(response.status == 400)
    #expect(
      response.message
        == "Either an email address or a phone number should be provided, but not both.")
  }
}
