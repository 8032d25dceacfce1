import Foundation
import MizzenCore
import MizzenTestSupport
import Testing

/// A workspace file in a temporary folder whose connections point at `endpoint`.
final class RawEndpointWorkspace: @unchecked Sendable {
  let folder: URL

  init(endpoint: String, json: String? = nil) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-cli-raw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let text = json ?? SignalCLIFixture.workspaceJSON(endpoint: endpoint)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  var path: String { folder.appendingPathComponent("mizzen.json").path }
  var journalPath: String { path + ".journal.jsonl" }
  var journal: [JournalEntry] { (try? SignalJournal(path: journalPath).read().entries) ?? [] }

  func mizzen(
    _ command: String, _ arguments: [String], key: String? = SignalCLIKeys.all
  ) async throws -> MizzenCLI.Run {
    var environment: [String: String] = [:]
    if let key { environment[SignalCLIKeys.variable] = key }
    return try await MizzenCLI.run(
      [command, "--workspace", path] + arguments, environment: environment)
  }
}

/// What must never reach a terminal raw: ESC, CR, a line break inside a field, C1
/// controls, bidirectional overrides.
func hasRawControl(_ text: String) -> Bool {
  text.unicodeScalars.contains {
    $0 != "\n" && TerminalText.needsEscaping($0, keepingNewlines: true)
  }
}

@Suite("mizzen's text output: nothing hostile reaches a terminal, the key never leaves")
struct HostileOutputTests {
  static let email = [
    "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
    "--state", "granted",
  ]

  @Test("send: a 307 to another host is a failure naming it, and that host receives nothing")
  func redirectNotFollowed() async throws {
    let elsewhere = try RawHTTPServer(address: "127.0.0.2") { _, write in
      _ = write(RawHTTPServer.answer(201, body: #"{"message":"success"}"#))
    }
    let target = elsewhere.baseURL + "/subscription/status/set"
    let endpoint = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(307, headers: ["Location": target], body: ""))
    }
    let workspace = try RawEndpointWorkspace(endpoint: endpoint.baseURL)
    let run = try await workspace.mizzen("send", Self.email + ["--verify"])
    #expect(run.status == 1, "\(run.output)")
    #expect(run.stderr.contains("redirect"))
    #expect(run.stderr.contains("127.0.0.2"))
    #expect(!run.stdout.contains("accepted"))
    #expect(endpoint.requests.count == 1)
    #expect(elsewhere.requests.isEmpty)
    #expect(elsewhere.authorizations.isEmpty)
    let entry = try #require(workspace.journal.last)
    #expect(!entry.succeeded)
    #expect(entry.outcome.status == 307)
    let check = try await workspace.mizzen("check-connection", ["braze"])
    #expect(check.status == 1)
    #expect(elsewhere.requests.isEmpty)
  }

  @Test(
    "lookup and reconcile (reads and --apply): a redirect is a failure; the other host gets nothing"
  )
  func redirectNotFollowedByReads() async throws {
    let elsewhere = try RawHTTPServer(address: "127.0.0.2") { _, write in
      _ = write(RawHTTPServer.answer(200, body: #"{"message":"success"}"#))
    }
    let base = elsewhere.baseURL
    /// A redirect to the same path on the other host, for every request or only for writes
    /// (reads then answer that c-1 is unsubscribed, so that --apply has a write to make).
    func redirecting(writesOnly: Bool) throws -> RawHTTPServer {
      try RawHTTPServer { request, write in
        let target = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        if writesOnly && request.hasPrefix("GET ") {
          _ = write(
            RawHTTPServer.answer(
              200, body: #"{"status":{"c-1":"Unsubscribed"},"message":"success"}"#))
        } else {
          _ = write(RawHTTPServer.answer(307, headers: ["Location": base + target], body: ""))
        }
      }
    }
    let all = try redirecting(writesOnly: false)
    let workspace = try RawEndpointWorkspace(endpoint: all.baseURL)
    let lookup = try await workspace.mizzen(
      "lookup", ["--identity", "customer_id=c-1", "--format", "json"])
    #expect(lookup.status == 1, "\(lookup.output)")
    #expect(lookup.output.contains("127.0.0.2"), "\(lookup.output)")
    #expect(!all.requests.isEmpty)
    let input = workspace.folder.appendingPathComponent("export.csv").path
    try Data("customer_id,topic,channel,state\nc-1,news,email,granted\n".utf8).write(
      to: URL(fileURLWithPath: input))
    let read = try await workspace.mizzen("reconcile", [input])
    #expect(read.status != 0, "\(read.output)")
    let writes = try redirecting(writesOnly: true)
    let applying = try RawEndpointWorkspace(endpoint: writes.baseURL)
    let apply = try await applying.mizzen("reconcile", [input, "--apply"])
    #expect(apply.status != 0, "\(apply.output)")
    #expect(writes.requests.contains { $0.hasPrefix("POST ") }, "no write was tried")
    #expect(elsewhere.requests.isEmpty)
    #expect(elsewhere.authorizations.isEmpty)
  }

  static let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}\r\nFAKE-LINE\u{202E}gnp.exe\u{9B}"

  /// JSON text of `hostile`, with its controls as JSON escapes (so Braze's JSON decodes to
  /// the raw characters).
  static var hostileJSON: String {
    let data = try? JSONSerialization.data(withJSONObject: [hostile], options: [])
    let array = String(decoding: data ?? Data(), as: UTF8.self)
    return String(array.dropFirst().dropLast())
  }

  @Test("send: Braze's message, errors and body are shown escaped; JSON output stays exact")
  func hostileBrazeAnswer() async throws {
    let body = #"{"message":\#(Self.hostileJSON),"errors":[\#(Self.hostileJSON)]}"#
    let server = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(400, headers: ["X-Request-Id": "req\u{1B}7"], body: body))
    }
    let workspace = try RawEndpointWorkspace(endpoint: server.baseURL)
    let text = try await workspace.mizzen("send", Self.email)
    #expect(text.status == 1)
    #expect(text.stdout.contains("FAKE-LINE"))
    #expect(!hasRawControl(text.output), "\(text.output.debugDescription)")
    #expect(!text.output.split(separator: "\n").contains { $0.hasPrefix("FAKE-LINE") })
    #expect(text.stdout.contains(#"\e[2J"#))
    let json = try await workspace.mizzen("send", Self.email + ["--format", "json"])
    let entry = try JSONDecoder().decode(JournalEntry.self, from: Data(json.stdout.utf8))
    #expect(entry.outcome.brazeMessage == Self.hostile)
    #expect(entry.outcome.brazeErrors == [Self.hostile])
    let history = try await workspace.mizzen("history", [])
    #expect(history.status == 0)
    #expect(!hasRawControl(history.output))
  }

  @Test("send: a body with raw control bytes (not JSON) is shown escaped")
  func rawBytesInBody() async throws {
    let server = try RawHTTPServer { _, write in
      _ = write(RawHTTPServer.answer(400, body: "oops\u{1B}[31m\rFAKE\u{202E}"))
    }
    let workspace = try RawEndpointWorkspace(endpoint: server.baseURL)
    let run = try await workspace.mizzen("send", Self.email)
    #expect(run.status == 1)
    #expect(run.stdout.contains(#"oops\e[31m\rFAKE\u{202E}"#))
    #expect(!hasRawControl(run.output))
  }

  @Test("validate: names, codes and group ids with controls are shown escaped")
  func hostileWorkspace() async throws {
    var json = SignalCLIFixture.workspaceJSON(endpoint: "https://rest.iad-01.braze.com")
    json = json.replacingOccurrences(of: #""code": "news""#, with: #""code": \#(Self.hostileJSON)"#)
    json = json.replacingOccurrences(
      of: #""name": "Orphan""#, with: #""name": \#(Self.hostileJSON)"#)
    json = json.replacingOccurrences(
      of: SignalCLIFixture.unknownGroup, with: "x\\u001b[1mgroup\\r\\nFAKE")
    let workspace = try RawEndpointWorkspace(endpoint: "", json: json)
    let text = try await workspace.mizzen("validate", [])
    #expect(text.status == 1, "\(text.output)")
    #expect(text.stdout.contains(#"\e[2J"#))
    #expect(!hasRawControl(text.output), "\(text.output.debugDescription)")
    #expect(!text.output.split(separator: "\n").contains { $0.hasPrefix("FAKE") })
    let report = try await workspace.mizzen("validate", ["--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
    let problems = object?["problems"] as? [[String: Any]] ?? []
    // A message is prose for a person: it quotes a value escaped and cut, in JSON too, so
    // that a script printing it cannot be made to act on a terminal. The JSON itself is exact.
    let messages = problems.compactMap { $0["message"] as? String }
    #expect(messages.contains { $0.contains(#"\e[2J\e]0;pwned"#) }, "\(report.stdout)")
    #expect(!messages.contains { $0.unicodeScalars.contains { TerminalText.needsEscaping($0) } })
  }

  @Test("validate: a syntax error that quotes a key shows it escaped")
  func hostileSyntaxError() async throws {
    // A key repeated in one object is quoted in the message, control characters and all.
    let json =
      #"{"format": "mizzen.workspace", "version": 1, "name": "A", "connections": [], "#
      + #""k\u001b[2Jey\u202e": 1, "k\u001b[2Jey\u202e": 2}"#
    let workspace = try RawEndpointWorkspace(endpoint: "", json: json)
    let run = try await workspace.mizzen("validate", [])
    #expect(run.status == 2)
    #expect(run.stderr.contains("appears twice"))
    #expect(run.stderr.contains(#"\e[2J"#))
    #expect(!hasRawControl(run.output), "\(run.output.debugDescription)")
  }

  @Test("history: a hand-edited journal line with controls is shown escaped")
  func hostileJournal() async throws {
    let server = try RawHTTPServer { _, write in
      _ = write(
        RawHTTPServer.answer(
          201, headers: ["X-Request-Id": "rq-4242"], body: #"{"message":"success"}"#))
    }
    let workspace = try RawEndpointWorkspace(endpoint: server.baseURL)
    let sent = try await workspace.mizzen("send", Self.email)
    #expect(sent.status == 0, "\(sent.output)")
    #expect(sent.stdout.contains("Braze request id: rq-4242"))
    var line = try String(contentsOfFile: workspace.journalPath, encoding: .utf8)
    line = line.replacingOccurrences(of: #""topic":"news""#, with: #""topic":\#(Self.hostileJSON)"#)
    try Data(line.utf8).write(to: URL(fileURLWithPath: workspace.journalPath))
    let history = try await workspace.mizzen("history", [])
    #expect(history.status == 0)
    #expect(history.stdout.contains("request rq-4242"))
    #expect(history.stdout.contains(#"\e[2J"#))
    #expect(!hasRawControl(history.output), "\(history.output.debugDescription)")
    let json = try await workspace.mizzen("history", ["--format", "json"])
    let entries = try JSONDecoder().decode([JournalEntry].self, from: Data(json.stdout.utf8))
    #expect(entries.first?.topic == Self.hostile)
  }

  @Test("a 401 with empty rate-limit headers prints no empty rate-limit line")
  func emptyRateLimit() async throws {
    let server = try RawHTTPServer { _, write in
      _ = write(
        RawHTTPServer.answer(
          401, headers: ["X-RateLimit-Limit": "", "X-RateLimit-Remaining": ""],
          body: #"{"message":"Invalid API key: \#(SignalCLIKeys.all)"}"#))
    }
    let workspace = try RawEndpointWorkspace(endpoint: server.baseURL)
    let run = try await workspace.mizzen("send", Self.email)
    #expect(run.status == 1)
    #expect(!run.output.contains("rate limit:"))
    #expect(!run.output.contains(SignalCLIKeys.all))
    let journal = try String(contentsOfFile: workspace.journalPath, encoding: .utf8)
    #expect(journal.contains("Invalid API key"))
    #expect(!journal.contains(SignalCLIKeys.all))
    let check = try await workspace.mizzen("check-connection", ["braze"])
    #expect(check.status == 1)
    #expect(!check.output.contains("rate limit:"))
  }
}
