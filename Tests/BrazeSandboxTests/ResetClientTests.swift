import BrazeSandbox
import Foundation
import Testing

/// Clients that vanish while the server is about to answer: the server's writes then hit a
/// reset connection, which must cost that connection only (no SIGPIPE, no stuck thread).
@Suite("Clients that reset the connection")
struct ResetClientTests {
  static let request =
    "POST /subscription/status/set HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    + "Authorization: Bearer \(TestKeys.all)\r\nContent-Type: application/json\r\n"
    + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
  static let body =
    #"{"subscription_group_id":"\#(TestGroups.email)","subscription_state":"subscribed","#
    + #""external_id":"gone"}"#

  @Test("100 clients that send a request and reset at once, then a normal request is answered")
  func resetsDoNotStopTheServer() throws {
    // The latency makes the server write after the reset has arrived.
    let sandbox = try SandboxFixture { $0.latency = .milliseconds(5) }
    for _ in 0..<100 {
      let client = try sandbox.client()
      client.write(Self.request)
      client.resetOnClose()
    }
    let answer = try sandbox.post(
      "/subscription/status/set",
      [
        "subscription_group_id": TestGroups.email, "subscription_state": "subscribed",
        "external_id": "stays",
      ])
    #expect(answer.status == 201)
  }
}
