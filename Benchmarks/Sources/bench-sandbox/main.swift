import BenchSupport
import BrazeSandbox
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Throughput of the local sandbox: 8 concurrent keep-alive clients on raw sockets (so
// that the figure is the server's, not a client library's) send
// POST /subscription/status/set for about 5 seconds. Budget: 2,000 requests/second.
// As `mizzen sandbox` runs it: with its per-request log, one write(2) per line (here to a
// temporary file rather than stderr), and with the rate limits lifted (--no-rate-limit),
// since Braze's 5,000/min for this pool would otherwise answer 429 within a second.

let clients = 8
let seconds = 5.0
let budget = 2_000.0
let key = "bench-key-not-a-secret"
let group = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"

var configuration = SandboxConfiguration(keys: [key: SandboxConfiguration.allPermissions])
configuration.groups = [group: .email]
configuration.rateLimits = RateLimit.liftedEverywhere
let logPath = FileManager.default.temporaryDirectory
  .appendingPathComponent("bench-sandbox-\(UUID().uuidString).log").path
let logFile = open(logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
precondition(logFile >= 0, "cannot create the log file")
defer {
  close(logFile)
  unlink(logPath)
}
let server = try SandboxServer.start(configuration) { line in
  let bytes = Array((line + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes {
      write(logFile, $0.baseAddress! + offset, $0.count - offset)
    }
    if written <= 0 { return }
    offset += written
  }
}

/// One keep-alive connection that sends a request and reads its response.
final class Client {
  let fd: Int32
  var buffer: [UInt8] = []
  var scratch = [UInt8](repeating: 0, count: 16 * 1024)

  init(port: UInt16) {
    #if canImport(Glibc)
      fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    precondition(result == 0, "cannot connect to the sandbox")
  }

  /// Sends one request and returns the response status.
  func roundTrip(_ request: [UInt8]) -> Int {
    var offset = 0
    while offset < request.count {
      let sent = request.withUnsafeBytes {
        send(fd, $0.baseAddress! + offset, $0.count - offset, 0)
      }
      precondition(sent > 0, "the sandbox closed the connection")
      offset += sent
    }
    while true {
      if let end = headEnd() {
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ")[1]) ?? 0
        let length = Self.contentLength(head)
        while buffer.count < end + 4 + length { fill() }
        buffer.removeSubrange(0..<(end + 4 + length))
        return status
      }
      fill()
    }
  }

  private static func contentLength(_ head: String) -> Int {
    for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
      return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }
    return 0
  }

  private func fill() {
    let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    precondition(count > 0, "the sandbox closed the connection")
    buffer += scratch[0..<count]
  }

  private func headEnd() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index
    }
    return nil
  }
}

func request(_ index: Int) -> [UInt8] {
  let body =
    "{\"subscription_group_id\":\"\(group)\",\"subscription_state\":\"subscribed\","
    + "\"external_id\":[\"bench-user-\(index % 5_000)\"]}"
  return Array(
    ("POST /subscription/status/set HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Authorization: Bearer \(key)\r\nContent-Type: application/json\r\n"
      + "Content-Length: \(body.utf8.count)\r\n\r\n" + body).utf8)
}

let counts = UnsafeMutablePointer<Int>.allocate(capacity: clients)
counts.initialize(repeating: 0, count: clients)
let failures = UnsafeMutablePointer<Int>.allocate(capacity: clients)
failures.initialize(repeating: 0, count: clients)
let done = DispatchGroup()
let deadline = Date().addingTimeInterval(seconds)
let started = Date()
for number in 0..<clients {
  done.enter()
  let slot = number
  nonisolated(unsafe) let countsPointer = counts
  nonisolated(unsafe) let failuresPointer = failures
  Thread {
    let client = Client(port: server.port)
    var index = slot
    while Date() < deadline {
      if client.roundTrip(request(index)) != 201 { failuresPointer[slot] += 1 }
      countsPointer[slot] += 1
      index += clients
    }
    done.leave()
  }.start()
}
done.wait()
let elapsed = Date().timeIntervalSince(started)
let total = (0..<clients).reduce(0) { $0 + counts[$1] }
let failed = (0..<clients).reduce(0) { $0 + failures[$1] }
server.stop()
let rate = Double(total) / elapsed
let logged =
  (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").count ?? 0
print(
  String(
    format: "sandbox status/set, %d keep-alive clients, request log on: %d requests in %.2f s "
      + "= %.0f req/s (non-201: %d, log lines: %d)   budget %.0f req/s %@",
    clients, total, elapsed, rate, failed, logged, budget, rate >= budget ? "ok" : "UNDER"))
