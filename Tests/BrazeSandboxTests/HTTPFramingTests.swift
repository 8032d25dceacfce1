import BrazeSandbox
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("HTTP/1.1 framing")
struct HTTPFramingTests {
  static var setBody: [String: Any] {
    [
      "subscription_group_id": TestGroups.sms, "subscription_state": "subscribed",
      "phone": "+14155552671",
    ]
  }

  @Test("one keep-alive connection serves many requests, closed on Connection: close")
  func keepAlive() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    for _ in 0..<20 {
      let response = try client.request(
        "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody)
      #expect(response.status == 201)
      #expect(response.headers["connection"] == "keep-alive")
    }
    let last = try client.request(
      "POST", "/subscription/status/set", key: TestKeys.all, json: Self.setBody,
      headers: ["Connection": "close"])
    #expect(last.headers["connection"] == "close")
    #expect(client.isClosedByServer())
  }

  @Test("two pipelined requests in one write get two answers in order")
  func pipelined() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    let one = "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
    let two = "GET /subscription/status/set HTTP/1.1\r\nHost: x\r\n\r\n"
    client.write(one + two)
    #expect(try client.readResponse().status == 404)
    #expect(try client.readResponse().status == 405)
  }

  @Test("a chunked body is refused with 411 and a message")
  func chunked() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    client.write(
      "POST /users/track HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(TestKeys.all)\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
    let response = try client.readResponse()
    #expect(response.status == 411)
    #expect(response.headers["x-ratelimit-limit"] != nil)
    #expect(response.message?.contains("Content-Length") == true)
  }

  @Test("garbage instead of a request line is a 400")
  func garbage() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    client.write("HELLO\r\n\r\n")
    #expect(try client.readResponse().status == 400)
  }

  @Test("header names are case-insensitive and the body may arrive in pieces")
  func slowBody() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    let body = String(
      decoding: try JSONSerialization.data(withJSONObject: Self.setBody), as: UTF8.self)
    client.write(
      "POST /subscription/status/set HTTP/1.1\r\nhOsT: x\r\nAUTHORIZATION: bearer \(TestKeys.all)\r\n"
        + "content-LENGTH: \(body.utf8.count)\r\n\r\n" + body.prefix(10))
    Thread.sleep(forTimeInterval: 0.05)
    client.write(String(body.dropFirst(10)))
    #expect(try client.readResponse().status == 201)
  }

  @Test("percent-encoded query values are decoded")
  func percentDecoding() throws {
    let sandbox = try SandboxFixture()
    _ = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "external_id": "id with spaces/ü",
      ])
    let response = try sandbox.get(
      "/subscription/status/get?subscription_group_id=\(TestGroups.email)"
        + "&external_id%5B%5D=id%20with%20spaces%2F%C3%BC")
    #expect((response.json["status"] as? [String: String]) == ["id with spaces/ü": "Subscribed"])
  }

  @Test("URLSession (the client library of the product) talks to the sandbox")
  func urlSession() async throws {
    let sandbox = try SandboxFixture()
    var post = URLRequest(url: URL(string: sandbox.server.baseURL + "/subscription/status/set")!)
    post.httpMethod = "POST"
    post.setValue("Bearer \(TestKeys.all)", forHTTPHeaderField: "Authorization")
    post.setValue("application/json", forHTTPHeaderField: "Content-Type")
    post.httpBody = try JSONSerialization.data(withJSONObject: Self.setBody)
    let (_, setResponse) = try await URLSession.shared.data(for: post)
    #expect((setResponse as? HTTPURLResponse)?.statusCode == 201)
    var components = URLComponents(string: sandbox.server.baseURL + "/subscription/status/get")!
    components.queryItems = [
      URLQueryItem(name: "subscription_group_id", value: TestGroups.sms),
      URLQueryItem(name: "phone[]", value: "+14155552671"),
    ]
    var get = URLRequest(url: components.url!)
    get.setValue("Bearer \(TestKeys.all)", forHTTPHeaderField: "Authorization")
    let (data, getResponse) = try await URLSession.shared.data(for: get)
    let http = try #require(getResponse as? HTTPURLResponse)
    #expect(http.statusCode == 200)
    #expect(http.value(forHTTPHeaderField: "X-RateLimit-Remaining") != nil)
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect((json?["status"] as? [String: String]) == ["+14155552671": "Subscribed"])
  }
}
