import BrazeSandbox
import Foundation
import Testing

/// The sandbox refuses what Braze refuses and answers as Braze answers (issue 13.1,
/// braze-api.md §7 and §10), over real HTTP.
@Suite("Braze fidelity")
struct BrazeFidelityTests {
  static let unknownGroup = "99999999-0000-4000-8000-000000000000"

  @Test("an unknown group is a 400 with Braze's body on set v1, set v2 and get, by default")
  func unknownGroup() throws {
    let sandbox = try SandboxFixture()
    let responses = [
      try sandbox.post(
        "/subscription/status/set",
        [
          "subscription_group_id": Self.unknownGroup, "subscription_state": "subscribed",
          "external_id": "x",
        ]),
      try sandbox.post(
        "/v2/subscription/status/set",
        [
          "subscription_groups": [
            [
              "subscription_group_id": Self.unknownGroup, "subscription_state": "subscribed",
              "external_ids": ["x"],
            ]
          ]
        ]),
      try sandbox.get(
        "/subscription/status/get?subscription_group_id=\(Self.unknownGroup)&external_id[]=x"),
    ]
    for response in responses {
      #expect(response.status == 400)
      #expect(
        response.json as NSDictionary
          == ["message": "Invalid subscription group ID"] as NSDictionary)
    }
  }

  @Test("every response carries a distinct X-Request-Id, errors included")
  func requestIDs() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    var ids: Set<String> = []
    for (method, target, key) in [
      ("GET", "/nowhere", TestKeys.all), ("POST", "/users/track", nil),
      (
        "GET", "/subscription/status/get?subscription_group_id=\(TestGroups.email)&external_id[]=a",
        TestKeys.all
      ),
      (
        "GET", "/subscription/status/get?subscription_group_id=\(TestGroups.email)&external_id[]=a",
        TestKeys.all
      ),
    ] {
      let response = try client.request(method, target, key: key)
      let id = try #require(response.headers["x-request-id"])
      #expect(UUID(uuidString: id) != nil, "\(id)")
      ids.insert(id)
    }
    #expect(ids.count == 4)
  }

  @Test("each pool has Braze's default limit, counted apart from the others")
  func pools() throws {
    let sandbox = try SandboxFixture()
    let set = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "external_id": "p",
      ])
    let track = try sandbox.post("/users/track", ["attributes": [["external_id": "p"]]])
    let export = try sandbox.post("/users/export/ids", ["external_ids": ["p"]])
    let delete = try sandbox.post("/users/delete", ["external_ids": ["nobody"]])
    let get = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.email)&external_id[]=p")
    let expected: [(RawResponse, String)] = [
      (set, "5000"), (track, "3000"), (export, "250"), (delete, "20000"), (get, "250000"),
    ]
    for (response, limit) in expected {
      #expect(response.headers["x-ratelimit-limit"] == limit)
      #expect(
        response.headers["x-ratelimit-remaining"] == String(Int(limit)! - 1),
        "each pool counts its own requests")
    }
  }

  @Test("v1 and v2 set share one pool; once it is spent the answer is 429, other pools go on")
  func sharedSetPool() throws {
    // On a clock that stands still: the windows are fixed hours from the epoch, and a run
    // across the top of an hour on the wall clock would start a new one mid-test.
    let clock = HandClock(Date(timeIntervalSince1970: 1_800_000_000))
    let sandbox = try SandboxFixture {
      $0.rateLimits[.subscriptionSet] = RateLimit(requests: 2, window: .seconds(3_600))
      $0.now = { clock.now }
    }
    let v1: [String: Any] = [
      "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
      "external_id": "p",
    ]
    let v2: [String: Any] = [
      "subscription_groups": [
        [
          "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
          "external_ids": ["p"],
        ]
      ]
    ]
    #expect(try sandbox.post("/subscription/status/set", v1).status == 201)
    #expect(try sandbox.post("/v2/subscription/status/set", v2).status == 201)
    let spent = try sandbox.post("/subscription/status/set", v1)
    #expect(spent.status == 429)
    #expect(spent.headers["x-ratelimit-remaining"] == "0")
    #expect(try sandbox.post("/v2/subscription/status/set", v2).status == 429)
    #expect(try sandbox.post("/users/track", ["attributes": [["external_id": "p"]]]).status == 201)
  }

  /// The external id and email of the profile `/users/export/ids` finds by email.
  static func profiles(_ sandbox: SandboxFixture, email: String) throws -> [[String: Any]] {
    try sandbox.post(
      "/users/export/ids", ["email_address": email]
    ).json["users"] as? [[String: Any]] ?? []
  }

  @Test("/users/track by email updates only the latest identified profile with that address")
  func trackByEmail() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "older", "email": "shared@example.com"],
          ["external_id": "newer", "email": "shared@example.com"],
        ]
      ])
    // A profile without an external id given the address last: the most recently updated
    // of the three, yet identified profiles come first.
    try Self.unidentified(sandbox, ["email": "shared@example.com"])
    let response = try sandbox.post(
      "/users/track",
      ["attributes": [["email": "shared@example.com", "push_subscribe": "opted_in"]]])
    #expect(response.status == 201)
    let profiles = try Self.profiles(sandbox, email: "shared@example.com")
    let pushed = profiles.filter { $0["push_subscribe"] as? String == "opted_in" }
    #expect(profiles.count == 3)
    #expect(pushed.map { $0["external_id"] as? String } == ["newer"])
  }

  /// An alias-only profile (no external id) given `attributes` now, so that it is the most
  /// recently updated profile.
  static func unidentified(_ sandbox: SandboxFixture, _ attributes: [String: Any]) throws {
    let alias = ["alias_name": "walk-in", "alias_label": "till"]
    _ = try sandbox.post("/users/alias/new", ["user_aliases": [alias]])
    let set = try sandbox.post(
      "/users/track", ["attributes": [attributes.merging(["user_alias": alias]) { $1 }]])
    #expect(set.json["attributes_processed"] as? Int == 1)
  }

  @Test("/users/track by phone updates only the latest identified profile with that number")
  func trackByPhone() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "older", "phone": "+14155552671"],
          ["external_id": "newer", "phone": "+14155552671"],
        ]
      ])
    try Self.unidentified(sandbox, ["phone": "+14155552671"])
    let response = try sandbox.post(
      "/users/track", ["attributes": [["phone": "+14155552671", "push_subscribe": "opted_in"]]])
    #expect(response.status == 201)
    let profiles =
      try sandbox.post("/users/export/ids", ["phone": "+14155552671"]).json["users"]
      as? [[String: Any]] ?? []
    let pushed = profiles.filter { $0["push_subscribe"] as? String == "opted_in" }
    #expect(profiles.count == 3)
    #expect(pushed.map { $0["external_id"] as? String } == ["newer"])
  }

  @Test("/users/track by an unknown email creates one email-only profile")
  func trackCreatesEmailProfile() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track", ["attributes": [["email": "new@example.com", "push_subscribe": "opted_in"]]])
    #expect(response.status == 201)
    let profiles = try Self.profiles(sandbox, email: "new@example.com")
    #expect(profiles.count == 1)
    #expect(profiles.first?["external_id"] == nil)
  }

  @Test("a /users/track request whose every object is invalid is a fatal 400")
  func trackAllInvalid() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track",
      [
        "attributes": [["email": "not an email"]],
        "events": [["name": "no identifier"]],
      ])
    #expect(response.status == 400)
    #expect(
      response.message
        == "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.")
    #expect((response.json["errors"] as? [Any])?.count == 2)
  }

  static let deleteRefusals: [(String, String)] = [
    ("two identifier types", #"{"external_ids": ["a"], "braze_ids": ["b"]}"#),
    ("an email without prioritization", #"{"email_addresses": [{"email": "a@example.com"}]}"#),
    ("a phone without prioritization", #"{"phone_numbers": [{"phone": "+14155552671"}]}"#),
    ("a bare phone string", #"{"phone_numbers": ["+14155552671"]}"#),
    (
      "identified and unidentified together",
      #"{"email_addresses": [{"email": "a@example.com", "prioritization": ["identified", "unidentified"]}]}"#
    ),
  ]

  @Test(
    "/users/delete takes one identifier type and needs prioritization", arguments: deleteRefusals)
  func deleteRefuses(_ label: String, body: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.client().request(
      "POST", "/users/delete", key: TestKeys.all, body: Data(body.utf8))
    #expect(response.status == 400, "\(label)")
  }

  @Test("/users/delete by phone with prioritization deletes the chosen profile")
  func deleteByPhone() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "a", "phone": "+14155552671"],
          ["external_id": "b", "phone": "+14155552671"],
        ]
      ])
    let response = try sandbox.post(
      "/users/delete",
      [
        "phone_numbers": [
          ["phone": "+14155552671", "prioritization": ["identified", "most_recently_updated"]]
        ]
      ])
    #expect(response.status == 201)
    #expect(response.json["deleted"] as? Int == 1)
    let left = try sandbox.post("/users/export/ids", ["external_ids": ["a", "b"]])
    #expect(
      (left.json["users"] as? [[String: Any]])?.compactMap { $0["external_id"] as? String } == ["a"]
    )
  }

  @Test("GET /email/unsubscribes lists addresses unsubscribed from email, by date or address")
  func unsubscribes() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/email/status",
      ["email": ["gone@example.com", "kept@example.com"], "subscription_state": "unsubscribed"])
    _ = try sandbox.post(
      "/email/status", ["email": "kept@example.com", "subscription_state": "subscribed"])
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    // From yesterday, so that a run across midnight (UTC) still finds today's unsubscribe.
    let yesterday = formatter.string(from: Date().addingTimeInterval(-86_400))
    let tomorrow = formatter.string(from: Date().addingTimeInterval(86_400))
    let byDate = try sandbox.get(
      "/email/unsubscribes?start_date=\(yesterday)&end_date=\(tomorrow)")
    #expect(byDate.status == 200)
    let emails = byDate.json["emails"] as? [[String: Any]] ?? []
    #expect(emails.map { $0["email"] as? String } == ["gone@example.com"])
    #expect(emails.first?["unsubscribed_at"] is String)
    let byEmail = try sandbox.get("/email/unsubscribes?email=kept%40example.com")
    #expect((byEmail.json["emails"] as? [Any])?.isEmpty == true)
    #expect(try sandbox.get("/email/unsubscribes").status == 400)
    #expect(
      try sandbox.get("/email/unsubscribes?email=a%40b.co", key: TestKeys.trackOnly).status == 403)
  }
}
