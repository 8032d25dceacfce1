import BrazeSandbox
import Foundation
import MizzenTestSupport
import Testing

/// The sandbox under hostile or broken clients (issue 11.7): bounded connections and
/// time, the real 64 KB head limit, strict HTTP/1.1 framing, and a log that no request
/// can forge a line in (issue 11.2).
@Suite("The sandbox under abuse")
struct AbuseTests {
  @Test("past the connection cap a new connection gets 503; a slot that frees is reused")
  func connectionCap() throws {
    let sandbox = try SandboxFixture { $0.maximumConnections = 3 }
    var held = try (0..<3).map { _ in try sandbox.client() }
    for client in held {
      #expect(try client.request("GET", "/nowhere", key: nil).status == 404)
    }
    let refused = try sandbox.client()
    let answer = try refused.readResponse()
    #expect(answer.status == 503)
    #expect(answer.headers["connection"] == "close")
    #expect(refused.isClosedByServer())
    held.removeLast()
    // The freed slot is taken again once the server has seen the close.
    let deadline = Date().addingTimeInterval(hangGuardSeconds)
    var status = 503
    while status == 503 && Date() < deadline {
      let client = try sandbox.client()
      status = try client.request("GET", "/nowhere", key: nil).status
    }
    #expect(status == 404)
    #expect(held.count == 2)
  }

  @Test("an idle connection is closed after the idle timeout")
  func idleConnection() throws {
    let sandbox = try SandboxFixture { $0.idleTimeout = .milliseconds(300) }
    let client = try sandbox.client()
    let started = Date()
    #expect(client.isClosedByServer())
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test("a client that drips its head a byte at a time gets 408 at the request timeout")
  func slowloris() throws {
    let sandbox = try SandboxFixture { $0.requestTimeout = .milliseconds(500) }
    let client = try sandbox.client()
    let started = Date()
    let drip =
      Array("POST /users/track HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8)
      + [UInt8](repeating: UInt8(ascii: "a"), count: 200)
    for byte in drip where !client.hasInput(within: 50) {
      client.write(bytes: [byte])
    }
    let response = try client.readResponse()
    #expect(response.status == 408)
    #expect(Date().timeIntervalSince(started) < 5)
  }

  /// A GET whose head, blank line included, is exactly `size` bytes.
  static func head(ofSize size: Int) -> String {
    let start = "GET /nowhere HTTP/1.1\r\nHost: x\r\nX-Pad: "
    let end = "\r\n\r\n"
    return start + String(repeating: "a", count: size - start.utf8.count - end.utf8.count) + end
  }

  @Test("the 64 KB head limit is the real one: 64 KB is read, 64 KB + 1 and 130 KB are 431")
  func headLimit() throws {
    let sandbox = try SandboxFixture()
    for (size, status) in [(65_536, 404), (65_537, 431), (130_000, 431)] {
      let client = try sandbox.client()
      client.write(Self.head(ofSize: size))
      #expect(try client.readResponse().status == status, "a head of \(size) bytes")
    }
  }

  static let framingCases: [(String, String, Int)] = [
    (
      "Content-Length with a sign",
      "POST /users/track HTTP/1.1\r\nHost: x\r\nContent-Length: +122\r\n\r\n", 400
    ),
    (
      "a negative Content-Length",
      "POST /users/track HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400
    ),
    (
      "two Content-Lengths",
      "POST /users/track HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
      400
    ),
    ("a bare-LF request", "GET /nowhere HTTP/1.1\nHost: x\n\n", 400),
    ("bare LF after the request line", "GET /nowhere HTTP/1.1\nHost: x\r\n\r\n", 400),
    ("a bare CR", "GET /nowhere HTTP/1.1\rHost: x\r\n\r\n", 400),
    ("no Host on HTTP/1.1", "GET /nowhere HTTP/1.1\r\n\r\n", 400),
    ("two Hosts", "GET /nowhere HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400),
    ("space before the colon", "GET /nowhere HTTP/1.1\r\nHost : x\r\n\r\n", 400),
    ("a folded header line", "GET /nowhere HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400),
    ("two spaces in the request line", "GET  /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (
      "a control character in a value", "GET /nowhere HTTP/1.1\r\nHost: x\r\nX-A: a\u{1}b\r\n\r\n",
      400
    ),
    ("HTTP/2.0 on the request line", "GET /nowhere HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    ("HTTP/1.0 without Host is fine", "GET /nowhere HTTP/1.0\r\n\r\n", 404),
  ]

  @Test("framing is answered as a strict HTTP/1.1 server answers it", arguments: framingCases)
  func strictFraming(_ label: String, request: String, status: Int) throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    client.write(request)
    #expect(try client.readResponse().status == status, "\(label)")
  }

  @Test(
    "an encoded slash in the path is not a path separator",
    arguments: [
      ("POST", "/users%2Ftrack"), ("GET", "/subscription%2fstatus%2fget?external_id[]=x"),
      ("POST", "/v2%2Fsubscription/status/set"),
    ])
  func encodedSlash(method: String, target: String) throws {
    let sandbox = try SandboxFixture()
    let response = try sandbox.client().request(
      method, target, key: TestKeys.all, json: method == "POST" ? [:] : nil)
    #expect(response.status == 404, "\(target)")
  }

  @Test("a decoded CR LF in a path cannot forge a log line")
  func logInjection() throws {
    let sandbox = try SandboxFixture()
    let client = try sandbox.client()
    let response = try client.request(
      "GET", "/a%0d%0aFAKE-LOG-LINE%1b[31m", key: TestKeys.all)
    #expect(response.status == 404)
    let lines = sandbox.logLines
    #expect(lines.contains { $0.contains("/a\\r\\nFAKE-LOG-LINE\\e[31m") }, "\(lines)")
    #expect(!lines.contains { $0.contains("\r") || $0.contains("\n") || $0.contains("\u{1b}") })
  }
}
