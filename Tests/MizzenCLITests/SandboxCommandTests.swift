import Foundation
import MizzenTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `mizzen sandbox` as a real process: it prints its URL and keys, serves, logs each
/// request on stderr without the key, and exits 0 on SIGTERM / SIGINT.
@Suite("mizzen sandbox")
struct SandboxCommandTests {
  static let key = "test-key-cli-0000"
  static let group = "33333333-aaaa-4bbb-8ccc-000000000001"

  @Test("serves the workspace's groups only, logs without the key, stops on SIGTERM")
  func workspaceGroups() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-sandbox-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let workspace = folder.appendingPathComponent("mizzen.json")
    try Data(
      """
      {"format": "mizzen.workspace", "version": 1, "name": "Test",
       "connections": [], "identitySpaces": [], "properties": [],
       "topics": [{"code": "news", "name": "News", "channels": [
         {"channel": "email", "connection": "local", "subscriptionGroupId": "\(Self.group)"},
         {"channel": "push", "connection": "local"}]}]}
      """.utf8
    ).write(to: workspace)
    let sandbox = try SandboxProcess(arguments: [
      "--workspace", workspace.path, "--key",
      "\(Self.key)=subscription.status.set,subscription.status.get",
    ])
    #expect(
      sandbox.banner.contains("  \(Self.key)  (subscription.status.get, subscription.status.set)"))
    #expect(sandbox.banner.contains("1 from the workspace"))
    let known = try await sandbox.post(group: Self.group, key: Self.key)
    #expect(known == 201)
    let unknown = try await sandbox.post(
      group: "44444444-aaaa-4bbb-8ccc-000000000001", key: Self.key)
    #expect(unknown == 400)
    let (status, errors) = try sandbox.terminate(SIGTERM)
    #expect(status == 0)
    #expect(errors.contains("POST /subscription/status/set 201"))
    #expect(errors.contains("POST /subscription/status/set 400"))
    #expect(!errors.contains(Self.key))
  }

  @Test("without --key a demo key with every permission is printed and accepted; SIGINT stops")
  func generatedKey() async throws {
    let sandbox = try SandboxProcess(arguments: ["--group", "\(Self.group):email"])
    let keyLine = try #require(
      sandbox.banner.split(separator: "\n").first { $0.contains("(all permissions)") })
    let key = String(keyLine.split(separator: " ")[0])
    #expect(key.hasPrefix("sandbox-"))
    #expect(try await sandbox.post(group: Self.group, key: key) == 201)
    #expect(try await sandbox.post(group: Self.group, key: "test-key-wrong-0000") == 401)
    let (status, errors) = try sandbox.terminate(SIGINT)
    #expect(status == 0)
    #expect(!errors.contains(key))
  }

  @Test("a workspace that is not JSON exits 2 with the store's message")
  func unreadableWorkspace() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-sandbox-\(UUID().uuidString).json")
    try Data("{ not json".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = SandboxProcess.binary
    process.arguments = ["sandbox", "--workspace", file.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(text.contains(file.lastPathComponent))
  }

  @Test("clients that reset the connection before the answer do not stop the server")
  func resetClients() async throws {
    // The latency makes the server write after each reset has arrived. The process also
    // ignores SIGPIPE, so this proves the command survives resets; the in-process
    // ResetClientTests are where the socket writes themselves are exercised.
    let sandbox = try SandboxProcess(arguments: [
      "--latency", "5", "--key", Self.key, "--group", "\(Self.group):email",
    ])
    let port = try #require(URL(string: sandbox.baseURL)?.port)
    for _ in 0..<100 {
      try sendAndReset(port: UInt16(port), Self.setRequest(group: Self.group, key: Self.key))
    }
    #expect(try await sandbox.post(group: Self.group, key: Self.key) == 201)
    let (status, _) = try sandbox.terminate(SIGTERM)
    #expect(sandbox.process.terminationReason == .exit && status == 0)
  }

  @Test("a reader that goes away (mizzen sandbox | head -1) does not stop the server")
  func closedOutput() async throws {
    let sandbox = try SandboxProcess(arguments: [
      "--key", Self.key, "--group", "\(Self.group):email",
    ])
    sandbox.closeOutput()
    // Each request logs a line on the closed stderr, and the stop line follows.
    #expect(try await sandbox.post(group: Self.group, key: Self.key) == 201)
    #expect(try await sandbox.post(group: Self.group, key: Self.key) == 201)
    kill(sandbox.process.processIdentifier, SIGTERM)
    sandbox.process.waitUntilExit()
    #expect(sandbox.process.terminationReason == .exit)
    #expect(sandbox.process.terminationStatus == 0)
  }

  @Test("--group names the known groups; any other is refused; --rate-limit lowers a pool")
  func groupsAndLimits() async throws {
    let sandbox = try SandboxProcess(arguments: [
      "--key", Self.key, "--group", "\(Self.group):email", "--rate-limit", "set=2/1h",
    ])
    #expect(sandbox.banner.contains("Subscription groups: 1 from --group; others are refused."))
    #expect(sandbox.banner.contains("set 2/1h, track 3000/3s"))
    // The windows are fixed hours from the epoch, so a run across the top of an hour starts
    // a new one (it did once, at 08:00): post until refused, then count what the refusing
    // window took. The refused group's call counts too.
    var answers = [
      try await sandbox.answer(group: "44444444-aaaa-4bbb-8ccc-000000000001", key: Self.key)
    ]
    #expect(answers[0].status == 400)
    while answers.count < 5, answers.last?.status != 429 {
      answers.append(try await sandbox.answer(group: Self.group, key: Self.key))
    }
    let refused = try #require(answers.last)
    #expect(refused.status == 429, "\(answers)")
    #expect(answers[1].status == 201, "\(answers)")
    let taken = answers.dropLast().filter { $0.reset == refused.reset }
    #expect(taken.count == 2, "the window that refused took \(taken.count) calls: \(answers)")
    let (status, errors) = try sandbox.terminate(SIGTERM)
    #expect(status == 0)
    #expect(errors.contains("POST /subscription/status/set 429"))
  }

  @Test("--no-rate-limit lifts every pool; without groups the banner says none are known")
  func liftedLimits() async throws {
    let unknown = try SandboxProcess(arguments: ["--key", Self.key, "--no-rate-limit"])
    #expect(unknown.banner.contains("Subscription groups: none known"))
    #expect(try await unknown.post(group: Self.group, key: Self.key) == 400)
    _ = try unknown.terminate(SIGTERM)
    // A known group, so that every call reaches the pools: one call a window, then lifted.
    let sandbox = try SandboxProcess(arguments: [
      "--key", Self.key, "--group", "\(Self.group):email", "--rate-limit", "1",
      "--no-rate-limit",
    ])
    #expect(sandbox.banner.contains("Rate limits: lifted."))
    for _ in 0..<5 {
      #expect(try await sandbox.post(group: Self.group, key: Self.key) == 201)
    }
    _ = try sandbox.terminate(SIGTERM)
  }

  static func setRequest(group: String, key: String) -> String {
    let body =
      #"{"subscription_group_id":"\#(group)","subscription_state":"subscribed","#
      + #""external_id":"gone"}"#
    return "POST /subscription/status/set HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Authorization: Bearer \(key)\r\nContent-Type: application/json\r\n"
      + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
  }

  @Test("mizzen sandbox --item-error answers 201 with that identifier in errors[]")
  func sandboxOption() async throws {
    let key = Self.key
    let group = Self.group
    let sandbox = try SandboxProcess(arguments: [
      "--key", key, "--group", "\(group):email", "--item-error", "c-1",
    ])
    var request = URLRequest(url: URL(string: sandbox.baseURL + "/v2/subscription/status/set")!)
    request.httpMethod = "POST"
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      (#"{"subscription_groups":[{"subscription_group_id":"\#(group)","#
        + #""subscription_state":"subscribed","external_ids":["c-1","c-10"]}]}"#).utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 201)
    let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(body["message"] as? String == "success")
    #expect(
      body["errors"] as? [String] == ["'c-1': provided external_id is blacklisted and disallowed"])
    _ = try sandbox.terminate(SIGTERM)
  }

  @Test("invalid options exit 64 with a message")
  func invalidOptions() throws {
    for arguments in [
      ["--fail-rate", "1.5"], ["--key", "k=users.fly"], ["--group", "g:push"], ["--group", "g"],
      ["--rate-limit", "fly=1/1m"], ["--rate-limit", "set=10/1d"], ["--rate-limit", "0"],
    ] {
      let process = Process()
      process.executableURL = SandboxProcess.binary
      process.arguments = ["sandbox"] + arguments
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = Pipe()
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 64)
      let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(text.contains("Error:"))
    }
  }
}

/// A running `mizzen sandbox` child process and what it printed on start.
private final class SandboxProcess {
  static var binary: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("mizzen")
  }

  let process = Process()
  private let output = Pipe()
  private let errors = Pipe()
  /// Everything printed on stdout up to the "Stop with Ctrl-C." line.
  private(set) var banner = ""
  private(set) var baseURL = ""

  init(arguments: [String]) throws {
    process.executableURL = Self.binary
    process.arguments = ["sandbox"] + arguments
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let handle = output.fileHandleForReading
    let deadline = Date().addingTimeInterval(hangGuardSeconds)
    while !banner.contains("Stop with Ctrl-C.") && Date() < deadline {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      banner += String(decoding: chunk, as: UTF8.self)
    }
    guard let first = banner.split(separator: "\n").first,
      let url = first.split(separator: " ").last
    else {
      process.terminate()
      throw CocoaError(.fileReadCorruptFile)
    }
    baseURL = String(url)
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  /// A status/set for one external id; the HTTP status.
  func post(group: String, key: String) async throws -> Int {
    try await answer(group: group, key: key).status
  }

  /// The status of one set call and the end of its rate-limit window (`X-RateLimit-Reset`).
  func answer(group: String, key: String) async throws -> (status: Int, reset: String) {
    var request = URLRequest(url: URL(string: baseURL + "/subscription/status/set")!)
    request.httpMethod = "POST"
    request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      #"{"subscription_group_id":"\#(group)","subscription_state":"subscribed","external_id":"x"}"#
        .utf8)
    let (_, response) = try await URLSession.shared.data(for: request)
    let http = response as? HTTPURLResponse
    return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "X-RateLimit-Reset") ?? "")
  }

  /// Closes our ends of stdout and stderr, as a reader that has seen enough does.
  func closeOutput() {
    try? output.fileHandleForReading.close()
    try? errors.fileHandleForReading.close()
  }

  /// Sends `signal`, waits for the exit, and returns the exit status and stderr.
  func terminate(_ signal: Int32) throws -> (Int32, String) {
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, text)
  }
}

/// Connects to 127.0.0.1:`port`, sends `request`, and closes at once with SO_LINGER 0, so
/// the server sees a TCP reset instead of an orderly close.
private func sendAndReset(port: UInt16, _ request: String) throws {
  #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
  #endif
  defer { close(fd) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = port.bigEndian
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
  let bytes = Array(request.utf8)
  _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
  var option = linger(l_onoff: 1, l_linger: 0)
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
}
