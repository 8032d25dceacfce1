import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("Subscription set then get")
struct SubscriptionRoundTripTests {
  /// Each channel with each identifier kind its groups take (braze-api.md §1).
  static let cases: [(Channel, String, String)] = [
    (.email, "external_id", "customer-42"),
    (.email, "email", "ada@example.com"),
    (.sms, "external_id", "customer-43"),
    (.sms, "phone", "+14155552671"),
    (.whatsapp, "external_id", "customer-44"),
    (.whatsapp, "phone", "+447700900123"),
  ]

  @Test("a set is read back by the same identifier", arguments: cases)
  func roundTrip(channel: Channel, field: String, value: String) throws {
    let sandbox = try SandboxFixture()
    let group = TestGroups.id(for: channel)
    #expect(try sandbox.status(group: group, field: field, value: value) == "Unknown")
    for (state, expected) in [("subscribed", "Subscribed"), ("unsubscribed", "Unsubscribed")] {
      let set = try sandbox.post(
        "/subscription/status/set",
        ["subscription_group_id": group, "subscription_state": state, field: [value]])
      #expect(set.status == 201)
      #expect(set.json["message"] as? String == "success")
      #expect(try sandbox.status(group: group, field: field, value: value) == expected)
    }
  }

  @Test("a single string identifier is accepted as well as an array")
  func singleString() throws {
    let sandbox = try SandboxFixture()
    let set = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "external_id": "solo",
      ])
    #expect(set.status == 201)
    #expect(
      try sandbox.status(group: TestGroups.email, field: "external_id", value: "solo")
        == "Subscribed")
  }

  @Test("a set by email reaches every profile with that email, read by external id")
  func setByEmailReachesProfiles() throws {
    let sandbox = try SandboxFixture()
    let track = try sandbox.post(
      "/users/track",
      [
        "attributes": [
          ["external_id": "first", "email": "shared@example.com"],
          ["external_id": "second", "email": "Shared@Example.com"],
        ]
      ])
    #expect(track.status == 201)
    let set = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "email": "shared@example.com",
      ])
    #expect(set.status == 201)
    for id in ["first", "second"] {
      #expect(
        try sandbox.status(group: TestGroups.email, field: "external_id", value: id)
          == "Subscribed")
    }
  }

  @Test("status/get answers one entry per identifier, and external_id wins over email")
  func getSeveral() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "unsubscribed",
        "external_id": ["a", "b"],
      ])
    let response = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.email)"
        + "&external_id[]=a&external_id[]=b&external_id[]=c&email[]=x%40example.com")
    #expect(response.status == 200)
    let status = response.json["status"] as? [String: String]
    #expect(status == ["a": "Unsubscribed", "b": "Unsubscribed", "c": "Unknown"])
  }

  @Test("a phone with an unencoded + in the query is read as the E.164 number")
  func plusInQuery() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.sms, "subscription_state": "subscribed",
        "phone": "+14155550100",
      ])
    let response = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.sms)&phone[]=+14155550100")
    #expect((response.json["status"] as? [String: String]) == ["+14155550100": "Subscribed"])
  }

  @Test("the v2 endpoint sets several groups in one call")
  func versionTwo() throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.post(
      "/v2/subscription/status/set",
      [
        "subscription_groups": [
          [
            "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
            "external_ids": ["v2-user"],
          ],
          [
            "subscription_group_id": TestGroups.sms, "subscription_state": "unsubscribed",
            "external_ids": ["v2-user"],
          ],
        ]
      ])
    #expect(response.status == 201)
    #expect(
      try sandbox.status(group: TestGroups.email, field: "external_id", value: "v2-user")
        == "Subscribed")
    #expect(
      try sandbox.status(group: TestGroups.sms, field: "external_id", value: "v2-user")
        == "Unsubscribed")
  }

  @Test("when asked to, an unknown group is created on first use with its identifier's channel")
  func groupCreatedOnFirstUse() throws {
    let sandbox = try SandboxFixture { $0.createsUnknownGroups = true }
    let fresh = "22222222-aaaa-4bbb-8ccc-000000000009"
    let first = try sandbox.post(
      "/subscription/status/set",
      ["subscription_group_id": fresh, "subscription_state": "subscribed", "phone": "+33612345678"])
    #expect(first.status == 201)
    let email = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": fresh, "subscription_state": "subscribed",
        "email": "late@example.com",
      ])
    #expect(email.status == 400)
    #expect(email.message?.contains("SMS group") == true)
  }
}
