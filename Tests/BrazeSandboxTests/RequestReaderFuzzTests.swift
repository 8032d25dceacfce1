import Foundation
import MizzenTestSupport
import Testing

@testable import BrazeSandbox

/// Whether `bytes` are zero or more well-formed HTTP/1.1 responses, each with a status
/// line, `name: value` fields and exactly the body its Content-Length announces.
func isWellFormedResponses(_ bytes: [UInt8]) -> Bool {
  var rest = bytes[...]
  while !rest.isEmpty {
    guard let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
    let head = String(decoding: rest[rest.startIndex..<end.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let status = lines.removeFirst().split(separator: " ", maxSplits: 2)
    guard status.count == 3, status[0] == "HTTP/1.1", let code = Int(status[1]),
      (100...599).contains(code)
    else { return false }
    var length: Int?
    for line in lines {
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
      if line[..<colon].lowercased() == "content-length" {
        length = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      }
    }
    rest = rest[end.upperBound...]
    if code == 100 { continue }
    guard let length, rest.count >= length else { return false }
    rest = rest.dropFirst(length)
  }
  return true
}

/// Random bytes and mangled requests fed to the sandbox's request reader (issue 11,
/// acceptance): no crash, no hang, and every answer a well-formed HTTP response.
@Suite("Request reader fuzz")
struct RequestReaderFuzzTests {
  static let seeds = [
    "POST /subscription/status/set HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\n"
      + "Content-Type: application/json\r\nContent-Length: 17\r\n\r\n{\"external_id\":1}",
    "GET /subscription/status/get?subscription_group_id=a&external_id[]=b HTTP/1.1\r\nHost: x\r\n\r\n",
    "POST /users/track HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
    "GET /nowhere HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
  ].map { Array($0.utf8) }

  /// Bytes that break framing where it is most fragile.
  static let specials: [UInt8] = Array("\r\n :%/0123456789+-\t".utf8) + [0, 0x7F, 0x80, 0xFF]

  static func input(_ random: inout SeededGenerator) -> [UInt8] {
    switch Int.random(in: 0..<4, using: &random) {
    case 0:
      return (0..<Int.random(in: 0..<600, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
    default:
      var bytes = seeds.randomElement(using: &random)!
      if Bool.random(using: &random) { bytes += seeds.randomElement(using: &random)! }
      for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        let byte =
          Bool.random(using: &random)
          ? specials.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[index] = byte
        case 1: bytes.insert(byte, at: index)
        default: bytes.remove(at: index)
        }
      }
      return bytes
    }
  }

  @Test("in process: random bytes in random pieces never crash or stall the reader")
  func inProcess() {
    // A fixed number of cases from a fixed seed: every run tries the same inputs, however
    // loaded the machine, and a failure names its case so it can be replayed.
    let seed: UInt64 = 0x5EED_11_07
    var random = SeededGenerator(seed: seed)
    for index in 0..<Self.inProcessCases {
      let bytes = Self.input(&random)
      let replay: Comment = "seed \(seed), case \(index)"
      var reader = HTTPRequestReader()
      var offset = 0
      var steps = 0
      reading: while offset < bytes.count {
        let size = Int.random(in: 1...64, using: &random)
        reader.append(bytes[offset..<min(bytes.count, offset + size)])
        offset += size
        while true {
          steps += 1
          switch reader.next() {
          case .request(let request):
            #expect(request.path.hasPrefix("/"), replay)
          case .needMore:
            continue reading
          case .reject(let response):
            #expect((400...599).contains(response.status), replay)
            #expect(isWellFormedResponses(response.serialized(keepAlive: false)), replay)
            break reading
          }
          // Each request consumes at least its request line: the loop cannot spin.
          #expect(steps <= bytes.count + 1, replay)
          if steps > bytes.count + 1 { break reading }
        }
      }
    }
  }

  /// Cases per run: enough to reach the odd corners, few enough for a loaded machine.
  static let inProcessCases = 5_000
  static let socketCases = 60

  @Test("over a socket: every reply is well-formed HTTP or a closed connection")
  func overSocket() throws {
    let sandbox = try SandboxFixture { $0.requestTimeout = .seconds(2) }
    let seed: UInt64 = 0xF0_22_11
    var random = SeededGenerator(seed: seed)
    for index in 0..<Self.socketCases {
      let bytes = Self.input(&random)
      let client = try sandbox.client()
      client.write(bytes: bytes)
      client.finishWriting()
      let reply = client.readToEnd()
      #expect(
        isWellFormedResponses(reply),
        """
        seed \(seed), case \(index): \
        \(String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription)
        """)
    }
  }
}
