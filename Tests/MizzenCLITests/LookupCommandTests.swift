import BrazeSandbox
import Foundation
import MizzenCore
import Testing

@Suite("mizzen lookup, run as a process against the sandbox")
struct LookupCommandTests {
  static func rows(_ stdout: String) throws -> [String: [String: Any]] {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    var rows: [String: [String: Any]] = [:]
    for row in document["rows"] as? [[String: Any]] ?? [] {
      rows["\(row["topic"] ?? "")/\(row["channel"] ?? "")"] = row
    }
    return rows
  }

  @Test("json: each topic × channel with Braze's state after a send, and disagreements")
  func afterASend() async throws {
    let fixture = try SignalCLIFixture()
    let sent = try await fixture.mizzen(
      "send",
      [
        "--topic", "news", "--channel", "sms", "--identity", "phone=+14155550123", "--state",
        "granted",
      ])
    #expect(sent.status == 0, "\(sent.stderr)")
    let before = fixture.server.requestCount
    let run = try await fixture.mizzen(
      "lookup",
      [
        "--identity", "phone=+14155550123", "--expect", "granted", "--expect",
        "news/whatsapp=denied", "--format", "json",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = try Self.rows(run.stdout)
    #expect(rows["news/sms"]?["observed"] as? String == "Subscribed")
    #expect(rows["news/sms"]?["state"] as? String == "granted")
    #expect(rows["news/sms"]?["disagrees"] as? Bool == false)
    #expect(rows["news/whatsapp"]?["observed"] as? String == "Unknown")
    #expect(rows["news/whatsapp"]?["expected"] as? String == "denied")
    #expect(rows["news/whatsapp"]?["disagrees"] as? Bool == true)
    #expect(rows["news/push"]?["brazeField"] as? String == "phone")
    // Email groups take no phone: no read, and the row says why.
    #expect(rows["news/email"]?["observed"] == nil)
    #expect((rows["news/email"]?["note"] as? String)?.contains("email") == true)
    // The orphan topic's group is unknown to Braze: no email identity, so not read either.
    #expect(rows.count == 5)
    // sms, whatsapp and push: three reads, nothing written.
    #expect(fixture.server.requestCount - before == 3)
    #expect(fixture.journal.count == 1)
  }

  @Test("text: a table; no expectation means no verdict column values")
  func text() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen("lookup", ["--identity", "customer_id=look-1"])
    // The orphan topic's group is unknown to the sandbox: that one read fails (400).
    #expect(run.status == 1)
    #expect(run.stderr.contains("1 of 5 reads failed"))
    #expect(run.stdout.contains("orphan/email: Braze"))
    #expect(run.stdout.contains("TOPIC/CHANNEL"))
    #expect(run.stdout.contains("news/email"))
    #expect(run.stdout.contains("external_id=look-1"))
    #expect(run.stdout.contains("Unknown"))
    #expect(!run.stdout.contains("DISAGREES") && !run.stdout.contains("agrees"))
  }

  @Test("text: columns line up in cells when an identity is written in CJK")
  func textColumnsInCells() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen("lookup", ["--identity", "customer_id=顧客-日本"])
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("TOPIC/CHANNEL") })
    let row = try #require(lines.first { $0.contains("external_id=顧客-日本") })
    // The BRAZE column starts in the same cell on the header and on the CJK row; each of
    // these ideographs takes two cells.
    func cells(_ text: Substring) -> Int {
      text.unicodeScalars.reduce(0) { $0 + ((0x3000...0x9FFF).contains($1.value) ? 2 : 1) }
    }
    let braze = try #require(header.range(of: "BRAZE"))
    let headerColumn = cells(header[..<braze.lowerBound])
    let sentAs = try #require(row.range(of: "external_id=顧客-日本"))
    let after = row[sentAs.upperBound...]
    let gap = after.prefix { $0 == " " }.count
    #expect(cells(row[..<sentAs.upperBound]) + gap == headerColumn)
  }

  @Test("a failed read exits 1; an unknown group reads as Braze refuses it")
  func failedRead() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "lookup", ["--identity", "email=ana@example.com", "--format", "json"])
    #expect(run.status == 1)
    let rows = try Self.rows(run.stdout)
    #expect(rows["news/email"]?["state"] == nil || rows["news/email"]?["observed"] != nil)
    #expect(rows["orphan/email"]?["status"] as? Int == 400)
    #expect(run.stderr.contains("reads failed"))
  }

  @Test("a key lacking subscription.status.get: exit 1; no server: exit 3; bad space: 2")
  func failures() async throws {
    let fixture = try SignalCLIFixture()
    let lacking = try await fixture.mizzen(
      "lookup", ["--identity", "customer_id=c-1"], key: SignalCLIKeys.readOnly)
    #expect(lacking.status == 1)
    let space = try await fixture.mizzen("lookup", ["--identity", "emial=a@example.com"])
    #expect(space.status == 2)
    #expect(space.stderr.contains("emial"))
    let expectation = try await fixture.mizzen(
      "lookup", ["--identity", "customer_id=c-1", "--expect", "yes"])
    #expect(expectation.status == 64)
    fixture.server.stop()
    let down = try await fixture.mizzen("lookup", ["--identity", "customer_id=c-1"])
    #expect(down.status == 3)
  }
}
