import BrazeSandbox
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Rate limits, faults, latency, log and lifecycle")
struct ServerBehaviourTests {
  static var setBody: [String: Any] {
    [
      "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
      "external_id": "limited",
    ]
  }

  @Test("every response carries X-RateLimit-*; past the limit 429, then success after the reset")
  func rateLimit() throws {
    // The windows are counted on a clock the test moves: the three calls share a window
    // because the clock stands still, and the window turns when the test moves it past.
    let clock = HandClock(Date(timeIntervalSince1970: 1_800_000_000.25))
    let sandbox = try SandboxFixture {
      $0.rateLimit = 2
      $0.rateLimitWindow = .seconds(1)
      $0.now = { clock.now }
    }
    let client = try sandbox.client()
    let first = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    let second = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    let third = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    #expect([first.status, second.status, third.status] == [Int]([201, 201, 429]))
    #expect(first.headers["x-ratelimit-limit"] == "2")
    #expect(first.headers["x-ratelimit-remaining"] == "1")
    #expect(second.headers["x-ratelimit-remaining"] == "0")
    #expect(third.headers["x-ratelimit-remaining"] == "0")
    // The window ends at 1_800_000_001.0: the reset is that second, never earlier.
    #expect(third.headers["x-ratelimit-reset"] == "1800000001")
    clock.set(Date(timeIntervalSince1970: 1_800_000_000.99))
    let stillLimited = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    #expect(stillLimited.status == 429)
    clock.set(Date(timeIntervalSince1970: 1_800_000_001))
    let afterReset = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    #expect(afterReset.status == 201)
    #expect(afterReset.headers["x-ratelimit-remaining"] == "1")
  }

  @Test("a 404 carries the rate-limit headers too; a 401 carries them empty, as Braze's do")
  func headersOnErrors() throws {
    let sandbox = try SandboxFixture { $0.rateLimit = 7 }
    let notFound = try sandbox.post("/nowhere", [:])
    #expect(notFound.headers["x-ratelimit-limit"] == "7")
    #expect(notFound.headers["x-ratelimit-reset"].flatMap(Int.init) != nil)
    let unauthorized = try sandbox.post("/subscription/status/set", Self.setBody, key: nil)
    for name in ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"] {
      #expect(unauthorized.headers[name] == "")
    }
  }

  @Test("scripted faults come first and in order: 503 twice, then success")
  func scriptedStatus() throws {
    let sandbox = try SandboxFixture()
    sandbox.server.injectFaults([.status(503), .status(503)])
    let client = try sandbox.client()
    var statuses: [Int] = []
    for _ in 0..<3 {
      statuses.append(
        try client.request(
          "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody
        )
        .status)
    }
    #expect(statuses == [Int]([503, 503, 201]))
  }

  @Test("a dropped connection closes without an answer; the next connection is served")
  func droppedConnection() throws {
    let sandbox = try SandboxFixture()
    sandbox.server.injectFaults([.dropConnection])
    let client = try sandbox.client()
    #expect(throws: RawHTTPError.closedWithoutResponse) {
      try client.request("POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
    }
    #expect(try sandbox.post("/subscription/status/set", Self.setBody).status == 201)
    #expect(sandbox.server.requestCount == 2)
  }

  @Test("a failure rate of 1 fails every request with 500, 503 or a drop")
  func failureRate() throws {
    let sandbox = try SandboxFixture { $0.failureRate = 1 }
    for _ in 0..<12 {
      do {
        let status = try sandbox.post("/subscription/status/set", Self.setBody).status
        #expect(status == 500 || status == 503)
      } catch let error as RawHTTPError {
        #expect(error == .closedWithoutResponse)
      }
    }
  }

  @Test("configured latency and an injected delay hold the answer back")
  func latency() throws {
    let sandbox = try SandboxFixture { $0.latency = .milliseconds(150) }
    let clock = ContinuousClock()
    var start = clock.now
    #expect(try sandbox.post("/subscription/status/set", Self.setBody).status == 201)
    #expect(clock.now - start >= .milliseconds(150))
    sandbox.server.injectFaults([.delay(.milliseconds(300))])
    start = clock.now
    #expect(try sandbox.post("/subscription/status/set", Self.setBody).status == 201)
    #expect(clock.now - start >= .milliseconds(450))
  }

  @Test("one log line per request with method, path and status, and never a key")
  func logLines() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post("/subscription/status/set", Self.setBody)
    _ = try sandbox.post("/subscription/status/set", Self.setBody, key: "test-key-stranger-7777")
    _ = try sandbox.post("/users/track/\(TestKeys.all)", [:])
    _ = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.email)&external_id[]=limited")
    let lines = sandbox.logLines
    #expect(lines.count == 4)
    #expect(lines.first?.hasPrefix("POST /subscription/status/set 201 ") == true)
    #expect(lines.dropFirst().first?.hasPrefix("POST /subscription/status/set 401 ") == true)
    #expect(lines.last?.hasPrefix("GET /subscription/status/get 200 ") == true)
    #expect(
      lines.dropFirst(2).first?.hasPrefix("(a request line that contains an API key) 404") == true)
    for line in lines {
      #expect(!line.contains(TestKeys.all))
      #expect(!line.contains("test-key-stranger-7777"))
      #expect(!line.lowercased().contains("bearer"))
    }
  }

  @Test("stop() closes open connections and frees the port for a new server")
  func stopFreesPort() throws {
    var configuration = SandboxConfiguration(keys: [
      TestKeys.all: SandboxConfiguration.allPermissions
    ])
    let server = try SandboxServer.start(configuration)
    let port = server.port
    #expect(port != 0)
    #expect(server.baseURL == "http://127.0.0.1:\(port)")
    let idle = try RawHTTPClient(port: port)
    _ = try idle.request("GET", "/nowhere", key: nil)
    server.stop()
    #expect(idle.isClosedByServer())
    #expect(throws: RawHTTPError.connectFailed(ECONNREFUSED)) { try RawHTTPClient(port: port) }
    configuration.port = port
    let again = try SandboxServer.start(configuration)
    #expect(again.port == port)
    again.stop()
  }

  @Test("a port in use is an error that says what to do")
  func portInUse() throws {
    let sandbox = try SandboxFixture()
    var configuration = SandboxConfiguration()
    configuration.port = sandbox.server.port
    #expect {
      try SandboxServer.start(configuration)
    } throws: { error in
      "\(error)".contains("pick another --port")
    }
  }

  @Test("eight concurrent keep-alive clients each read back their own writes")
  func concurrentClients() async throws {
    let sandbox = try SandboxFixture()
    let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
      for clientNumber in 0..<8 {
        group.addTask {
          let client = try sandbox.client()
          var mismatches = 0
          for round in 0..<40 {
            let id = "c\(clientNumber)-\(round % 5)"
            let state = round % 2 == 0 ? "subscribed" : "unsubscribed"
            let set = try client.request(
              "POST", "/subscription/status/set", key: TestKeys.all,
              json: [
                "subscription_group_id": TestGroups.sms, "subscription_state": state,
                "external_id": id,
              ])
            let get = try client.request(
              "GET",
              "/subscription/status/get?subscription_group_id=\(TestGroups.sms)&external_id[]=\(id)",
              key: TestKeys.all)
            let read = (get.json["status"] as? [String: String])?[id]
            if set.status != 201 || read != (round % 2 == 0 ? "Subscribed" : "Unsubscribed") {
              mismatches += 1
            }
          }
          return mismatches
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(mismatches == 0)
    #expect(sandbox.server.requestCount == 8 * 40 * 2)
  }
}
