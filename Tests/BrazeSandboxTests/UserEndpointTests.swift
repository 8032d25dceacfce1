import BrazeSandbox
import Foundation
import Testing

@Suite("Users and email endpoints")
struct UserEndpointTests {
  /// The exported profile of one external id, or nil when there is none.
  func exported(_ sandbox: SandboxFixture, _ id: String) throws -> [String: Any]? {
    let response = try sandbox.post(
      "/users/export/ids",
      [
        "external_ids": [id],
        "fields_to_export": [
          "external_id", "email",
          "phone", "email_subscribe", "push_subscribe",
        ],
      ])
    return (response.json["users"] as? [[String: Any]])?.first
  }

  @Test(
    "push via /users/track: push_subscribe opted_in, then unsubscribed",
    arguments: ["opted_in", "unsubscribed"])
  func pushSubscribe(state: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track", ["attributes": [["external_id": "pusher", "push_subscribe": state]]])
    #expect(response.status == 201)
    #expect(response.json["attributes_processed"] as? Int == 1)
    #expect(response.json["events_processed"] == nil)
    #expect(try exported(sandbox, "pusher")?["push_subscribe"] as? String == state)
  }

  @Test("push by email identifier creates an email-only profile")
  func pushByEmail() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track", ["attributes": [["email": "Push@Example.com", "push_subscribe": "opted_in"]]])
    #expect(response.status == 201)
    let export = try sandbox.post("/users/export/ids", ["email_address": "push@example.com"])
    let users = export.json["users"] as? [[String: Any]] ?? []
    #expect(users.count == 1)
    #expect(users.first?["email"] as? String == "push@example.com")
    #expect(users.first?["push_subscribe"] as? String == "opted_in")
  }

  @Test("an invalid email is a per-item error; the other objects are processed")
  func trackItemErrors() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "good", "email": "good@example.com", "email_subscribe": "opted_in"],
          ["external_id": "bad", "email": "not an email"],
          ["push_subscribe": "opted_in"],
        ],
        "events": [["external_id": "good", "name": "signed_up", "time": "2026-01-01T00:00:00Z"]],
      ])
    #expect(response.status == 201)
    #expect(response.message == "success")
    #expect(response.json["attributes_processed"] as? Int == 1)
    #expect(response.json["events_processed"] as? Int == 1)
    let errors = response.json["errors"] as? [[String: Any]] ?? []
    #expect(errors.count == 2)
    #expect(
      errors.first?["type"] as? String
        == "The value provided for the 'email' field is not a valid email.")
    #expect(errors.first?["input_array"] as? String == "attributes")
    #expect(errors.first?["index"] as? Int == 1)
    #expect(
      errors.last?["type"] as? String == "'external_id' or 'braze_id' or 'user_alias' is required")
    #expect(try exported(sandbox, "good")?["email_subscribe"] as? String == "opted_in")
    #expect(try exported(sandbox, "bad") == nil)
  }

  @Test("subscription_groups in /users/track are read back by status/get by phone")
  func trackGroups() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          [
            "external_id": "texter", "phone": "+14155550199",
            "subscription_groups": [
              ["subscription_group_id": TestGroups.sms, "subscription_state": "subscribed"]
            ],
          ]
        ]
      ])
    #expect(response.status == 201)
    #expect(
      try sandbox.status(group: TestGroups.sms, field: "phone", value: "+14155550199")
        == "Subscribed")
  }

  @Test("/users/track refuses an empty call and more than 75 objects")
  func trackLimits() throws {
    let sandbox = try SandboxFixture()
    let empty = try sandbox.post("/users/track", ["attributes": []])
    #expect(empty.status == 400)
    #expect(
      empty.message
        == "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.")
    let many = (0..<76).map { ["external_id": "u\($0)"] }
    let tooMany = try sandbox.post("/users/track", ["attributes": many])
    #expect(tooMany.status == 400)
    #expect((tooMany.json["errors"] as? [String]) == ["Max Input Length Exceeded"])
  }

  @Test("export lists unknown ids as invalid_user_ids")
  func exportInvalid() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post("/users/track", ["attributes": [["external_id": "known"]]])
    let response = try sandbox.post("/users/export/ids", ["external_ids": ["known", "ghost"]])
    #expect(response.status == 201)
    #expect((response.json["users"] as? [[String: Any]])?.count == 1)
    #expect((response.json["invalid_user_ids"] as? [String]) == ["ghost"])
  }

  @Test("delete removes the profile, so its state reads Unknown again")
  func delete() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "external_id": "leaving",
      ])
    let response = try sandbox.post("/users/delete", ["external_ids": ["leaving", "never-was"]])
    #expect(response.json["deleted"] as? Int == 1)
    #expect(
      try sandbox.status(group: TestGroups.email, field: "external_id", value: "leaving")
        == "Unknown")
  }

  @Test("an alias-only user is created and found by export")
  func alias() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/alias/new", ["user_aliases": [["alias_name": "ketch-123", "alias_label": "ketch"]]])
    #expect(response.json["aliases_processed"] as? Int == 1)
    let export = try sandbox.post(
      "/users/export/ids", ["user_aliases": [["alias_name": "ketch-123", "alias_label": "ketch"]]])
    #expect((export.json["users"] as? [[String: Any]])?.count == 1)
  }

  @Test("email/status before the profile exists is applied when it gets the address")
  func emailStatusPending() throws {
    let sandbox = try SandboxFixture()
    let status = try sandbox.post(
      "/email/status", ["email": "early@example.com", "subscription_state": "opted_in"])
    #expect(status.status == 201)
    _ = try sandbox.post(
      "/users/track", ["attributes": [["external_id": "early", "email": "early@example.com"]]])
    #expect(try exported(sandbox, "early")?["email_subscribe"] as? String == "opted_in")
    let bad = try sandbox.post("/email/status", ["email": "x", "subscription_state": "opted_in"])
    #expect(bad.status == 400)
  }

  @Test(
    "blocklist and its legacy name unsubscribe the address",
    arguments: ["/email/blocklist", "/email/blacklist"])
  func blocklist(path: String) throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "bouncer", "email": "b@example.com", "email_subscribe": "opted_in"]
        ]
      ])
    #expect(try sandbox.post(path, ["email": ["b@example.com"]]).status == 201)
    #expect(try exported(sandbox, "bouncer")?["email_subscribe"] as? String == "unsubscribed")
  }

  @Test("an unknown group in /users/track is a per-item error; the valid objects are processed")
  func trackUnknownGroup() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          [
            "external_id": "someone",
            "subscription_groups": [
              ["subscription_group_id": "not-a-group", "subscription_state": "subscribed"]
            ],
          ],
          ["external_id": "someone-else", "email_subscribe": "opted_in"],
        ]
      ])
    #expect(response.status == 201)
    #expect(response.json["attributes_processed"] as? Int == 1)
    let errors = response.json["errors"] as? [[String: Any]] ?? []
    #expect((errors.first?["type"] as? String)?.contains("not-a-group") == true)
  }

  @Test("subscription/user/status lists a user's groups with channel and status")
  func userStatus() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.whatsapp, "subscription_state": "subscribed",
        "external_id": "listed",
      ])
    let response = try sandbox.get("/subscription/user/status?external_id[]=listed")
    #expect(response.status == 200)
    #expect(response.json["total_count"] as? Int == 1)
    let users = response.json["users"] as? [[String: Any]] ?? []
    let groups = users.first?["subscription_groups"] as? [[String: String]]
    #expect(groups == [["id": TestGroups.whatsapp, "channel": "whatsapp", "status": "Subscribed"]])
  }
}
