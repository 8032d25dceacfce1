import BrazeSandbox
import Foundation
import Testing

@Suite("API keys and permissions")
struct AuthenticationTests {
  static var setBody: [String: Any] {
    [
      "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
      "external_id": "someone",
    ]
  }

  @Test(
    "a missing, unknown or quoted key is a 401",
    arguments: [nil, "test-key-unknown-9999", "\"\(TestKeys.all)\""])
  func unauthorized(key: String?) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post("/subscription/status/set", Self.setBody, key: key)
    #expect(response.status == 401)
    // Braze echoes the key as sent (braze-api.md §10): the client's masking meets it here.
    #expect(
      response.json as NSDictionary
        == ["message": "Invalid API key: \(key ?? "")"] as NSDictionary)
    #expect(
      try sandbox.status(group: TestGroups.email, field: "external_id", value: "someone")
        == "Unknown")
  }

  @Test("the Bearer scheme is case-insensitive")
  func schemeCase() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.client().request(
      "POST", "/subscription/status/set", key: nil,
      json: Self.setBody, headers: ["authorization": "bEaReR \(TestKeys.all)"])
    #expect(response.status == 201)
  }

  @Test("a key without the endpoint's permission is a 403 that names the permission")
  func forbidden() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/subscription/status/set", Self.setBody, key: TestKeys.trackOnly)
    #expect(response.status == 403)
    #expect(
      response.message
        == "Access Denied: this API key lacks the 'subscription.status.set' permission")
    let read = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.email)&external_id[]=x",
      key: TestKeys.trackOnly)
    #expect(read.status == 403)
    #expect(read.message?.contains("'subscription.status.get'") == true)
    let track = try sandbox.post(
      "/users/track", ["attributes": [["external_id": "x", "push_subscribe": "opted_in"]]],
      key: TestKeys.trackOnly)
    #expect(track.status == 201)
  }

  @Test("an unknown path is a 404 and a wrong method a 405")
  func unknownPath() throws {
    let sandbox = try SandboxFixture()
    #expect(try sandbox.post("/users/teleport", [:]).status == 404)
    let wrongMethod = try sandbox.get("/subscription/status/set")
    #expect(wrongMethod.status == 405)
    #expect(wrongMethod.headers["allow"] == "POST")
  }

  @Test("the ten permission names of braze-api.md §8")
  func permissionNames() {
    #expect(
      SandboxConfiguration.allPermissions == [
        "users.track", "users.delete", "users.alias.new", "users.export.ids",
        "subscription.status.set", "subscription.status.get", "subscription.groups.get",
        "email.status", "email.blacklist", "email.unsubscribe",
      ])
  }
}
