import Foundation
import Testing

@testable import MizzenCore

/// An export written to a temporary file and loaded against the planner fixture.
struct ReconcileInputFixture {
  let path: String
  let folder: URL

  init(_ text: String, name: String = "export.csv") throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mizzen-reconcile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  func load(_ workspace: Workspace = BrazeFixtures.workspace()) throws -> (
    ReconcileTable, [ReconcileReject]
  ) {
    var rejects: [ReconcileReject] = []
    let table = try ReconcileTable.load(path: path, workspace: workspace) { rejects.append($0) }
    return (table, rejects)
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite("Reconcile planner: rows to records, reads and v2 batches")
struct ReconcilePlannerTests {
  @Test("the identifier is the one SignalPlanner chooses for the row")
  func identifierChoice() throws {
    let input = try ReconcileInputFixture(
      """
      email,customer_id,topic,channel,state
      ana@example.com,c-1,news,email,granted
      ana@example.com,c-1,by_id_news,email,granted

      """)
    defer { input.remove() }
    let (table, rejects) = try input.load()
    #expect(rejects.isEmpty)
    #expect(table.recordCount == 2)
    // "braze" maps email first, "by_id" maps customer_id first.
    #expect(table.field(0) == .email && table.identifier(0) == "ana@example.com")
    #expect(table.field(1) == .externalID && table.identifier(1) == "c-1")
  }

  @Test("reads are grouped by connection, group and identifier kind, 50 a call")
  func readBatching() throws {
    var text = "email,customer_id,topic,channel,state\n"
    for index in 0..<120 { text += "p\(index)@example.com,,news,email,granted\n" }
    for index in 0..<60 { text += ",c-\(index),news,email,denied\n" }
    for index in 0..<3 { text += ",c-\(index),by_id_news,email,denied\n" }
    let input = try ReconcileInputFixture(text)
    defer { input.remove() }
    let (table, rejects) = try input.load()
    #expect(rejects.isEmpty)
    let reads = ReconcileBatches.reads(table)
    #expect(reads.map(\.records.count) == [50, 50, 20, 50, 10, 3])
    #expect(reads.map(\.field) == [.email, .email, .email, .externalID, .externalID, .externalID])
    let connections = reads.map { table.targets[Int($0.target)].connection }
    #expect(connections == ["braze", "braze", "braze", "braze", "braze", "by_id"])
    let request = ReconcileBatches.request(reads[5], in: table)
    #expect(request.method == "GET")
    #expect(
      request.url
        == "https://rest.iad-01.braze.com/subscription/status/get?subscription_group_id="
        + BrazeFixtures.emailGroup + "&external_id%5B%5D=c-0&external_id%5B%5D=c-1"
        + "&external_id%5B%5D=c-2")
  }

  @Test("v2 writes: 50 identifiers an object, one group and state each, 25 objects a call")
  func writeBatching() throws {
    var text = "customer_id,topic,channel,state\n"
    // by_id maps customer_id first: external ids for both the email and the SMS group.
    for index in 0..<70 { text += "c-\(index),by_id_news,email,granted\n" }
    for index in 0..<30 { text += "c-\(index),by_id_news,sms,denied\n" }
    for index in 0..<1300 { text += "d-\(index),by_id_news,email,denied\n" }
    let input = try ReconcileInputFixture(text)
    defer { input.remove() }
    let (table, _) = try input.load()
    let all = (0..<UInt32(table.recordCount)).map { $0 }
    let writes = ReconcileBatches.writes(all, in: table)
    // 70 granted email → 50 + 20, 30 denied SMS, 1300 denied email → 26 objects.
    #expect(writes.map(\.objects.count) == [25, 4])
    #expect(writes.allSatisfy { $0.field == .externalID })
    let objects = writes.flatMap(\.objects)
    #expect(objects.allSatisfy { $0.records.count <= 50 })
    #expect(objects.reduce(0) { $0 + $1.records.count } == 1400)
    let groups = Set(writes[1].objects.map(\.groupID))
    #expect(groups == [BrazeFixtures.emailGroup, BrazeFixtures.smsGroup])
    let body = try #require(ReconcileBatches.request(writes[1], in: table).bodyText)
    #expect(body.hasPrefix("{\"subscription_groups\":[{\"external_ids\":[\""))
    #expect(body.contains("\"subscription_state\":\"unsubscribed\""))
    #expect(
      ReconcileBatches.request(writes[0], in: table).url.hasSuffix("/v2/subscription/status/set"))
  }

  @Test("emails and phones never share an object or a call")
  func emailsAndPhonesApart() throws {
    let input = try ReconcileInputFixture(
      """
      email,phone,topic,state
      ana@example.com,+14155550101,news,granted
      bob@example.com,+14155550102,news,denied

      """)
    defer { input.remove() }
    let (table, _) = try input.load()
    // news has email, sms and whatsapp groups (push is skipped): email → emails,
    // sms and whatsapp → phones.
    #expect(table.recordCount == 6)
    let writes = ReconcileBatches.writes((0..<6).map { $0 }, in: table)
    #expect(writes.map(\.field) == [.email, .phone])
    #expect(Set(writes[0].objects.map(\.groupID)) == [BrazeFixtures.emailGroup])
    #expect(
      Set(writes[1].objects.map(\.groupID)) == [
        BrazeFixtures.smsGroup, BrazeFixtures.whatsappGroup,
      ])
    for write in writes {
      let body = try #require(ReconcileBatches.request(write, in: table).bodyText)
      #expect(!(body.contains("\"emails\"") && body.contains("\"phones\"")))
    }
  }

  @Test("a write to a double opt-in SMS group asks for Braze's flow, as a test-send does")
  func doubleOptInWrites() throws {
    var workspace = BrazeFixtures.workspace()
    let topic = try #require(workspace.topics.firstIndex { $0.code == "news" })
    let sms = try #require(workspace.topics[topic].channels.firstIndex { $0.channel == "sms" })
    workspace.topics[topic].channels[sms].doubleOptIn = true
    let input = try ReconcileInputFixture(
      """
      email,phone,topic,state
      ana@example.com,+14155550101,news,granted

      """)
    defer { input.remove() }
    let (table, _) = try input.load(workspace)
    let writes = ReconcileBatches.writes((0..<3).map { $0 }, in: table)
    #expect(writes.map(\.field) == [.email, .phone])
    let email = try #require(ReconcileBatches.request(writes[0], in: table).bodyText)
    #expect(!email.contains("use_double_opt_in_logic"))
    let phones = try #require(ReconcileBatches.request(writes[1], in: table).bodyText)
    // The SMS object carries the flag; the WhatsApp object (no doubleOptIn) does not.
    #expect(phones.components(separatedBy: "\"use_double_opt_in_logic\":true").count == 2)
    let smsObject = try #require(
      phones.components(separatedBy: "},{").first { $0.contains(BrazeFixtures.smsGroup) })
    #expect(smsObject.contains("\"use_double_opt_in_logic\":true"))
  }

  @Test("a changed identity mapping changes the fingerprint that --resume checks")
  func fingerprintFollowsTheIdentityMapping() throws {
    let input = try ReconcileInputFixture(
      """
      email,customer_id,topic,channel,state
      ana@example.com,c-1,news,email,granted

      """)
    defer { input.remove() }
    let workspace = BrazeFixtures.workspace()
    var reordered = workspace
    let braze = try #require(reordered.connections.firstIndex { $0.code == "braze" })
    reordered.connections[braze].identityMapping.reverse()
    let (before, _) = try input.load(workspace)
    let (after, _) = try input.load(reordered)
    #expect(before.identifier(0) != after.identifier(0), "the row is sent as another identity")
    #expect(before.fingerprint != after.fingerprint)
    let (again, _) = try input.load(workspace)
    #expect(again.fingerprint == before.fingerprint)
  }

  @Test("the latest at wins; on a tie, or without times, the later line does")
  func dedupeByLatestAt() throws {
    let input = try ReconcileInputFixture(
      """
      email,topic,channel,state,at
      ana@example.com,news,email,denied,2026-03-02T00:00:00Z
      ana@example.com,news,email,granted,2026-03-01T23:00:00-02:00
      ana@example.com,news,email,denied,2026-03-01T12:00:00Z
      bob@example.com,news,email,granted,
      bob@example.com,news,email,denied,
      cy@example.com,news,email,granted,2026-03-01T00:00:00.500Z
      cy@example.com,news,email,denied,2026-03-01T00:00:00.5Z

      """)
    defer { input.remove() }
    let (table, rejects) = try input.load()
    #expect(rejects.isEmpty)
    #expect(table.recordCount == 3)
    // 23:00 at -02:00 is 01:00Z on the 2nd, after midnight.
    #expect(table.records[0].granted && table.line(of: 0) == 3)
    #expect(!table.records[1].granted && table.line(of: 1) == 6)
    #expect(!table.records[2].granted && table.line(of: 2) == 8)
  }

  @Test("bad rows are refused with their line and reason, and reading goes on")
  func badRows() throws {
    let input = try ReconcileInputFixture(
      """
      email,phone,topic,channel,state,at
      ana@example.com,,news,email,maybe,
      ana@example.com,,news,email,granted,yesterday
      ,,news,email,granted,
      ana@example.com,,nope,email,granted,
      ana@example.com,,news,fax,granted,
      ana@example.com,,news,push,granted,
      not-an-email,,news,email,granted,
      "ana@example.com",,news,email,granted
      "quoted, with comma@example.com",,"news",email,denied,
      ok@example.com,,news,email,granted,

      """)
    defer { input.remove() }
    let (table, rejects) = try input.load()
    #expect(rejects.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9, 10])
    #expect(rejects[0].reason.contains("'maybe'"))
    #expect(rejects[1].reason.contains("RFC 3339"))
    #expect(rejects[2].reason == "has no identity value")
    #expect(rejects[3].reason.contains("no topic"))
    #expect(rejects[4].reason.contains("no channel 'fax'"))
    #expect(rejects[5].reason.contains("push has no subscription group"))
    #expect(rejects[7].reason.contains("5 fields"))
    #expect(table.recordCount == 1)
    #expect(table.identifier(0) == "ok@example.com")
    #expect(table.rowCount == 10)
  }

  @Test("JSON Lines rows have the same keys; a bad line is refused, not fatal")
  func jsonLines() throws {
    let input = try ReconcileInputFixture(
      """
      {"email": "ana@example.com", "topic": "news", "channel": "email", "state": "granted"}
      {"email": 42, "topic": "news", "state": "granted"}
      not json
      {"email": "bob@example.com", "topic": "news", "channel": null, "state": "denied", "colour": "red"}
      {"customer_id": "c-9", "topic": "by_id_news", "state": "denied", "at": "2026-01-01T00:00:00Z"}

      """, name: "export.jsonl")
    defer { input.remove() }
    let (table, rejects) = try input.load()
    #expect(rejects.map(\.line) == [2, 3, 4])
    #expect(rejects[2].reason.contains("'colour'"))
    // by_id_news without a channel: its email and SMS groups (push is skipped).
    #expect(table.recordCount == 3)
  }

  @Test("a header naming no identity space, or an unknown column, stops the run")
  func badHeader() throws {
    for header in ["topic,state,colour", "topic,state", "email,state"] {
      let input = try ReconcileInputFixture(header + "\n")
      defer { input.remove() }
      #expect(throws: ReconcileError.self) { try input.load() }
    }
  }

  @Test(
    "RFC 3339 times",
    arguments: [
      ("1970-01-01T00:00:00Z", Int64(0)),
      ("2026-03-01T12:00:00.250+02:00", Int64(1_772_359_200_250)),
      ("2000-02-29t00:00:00z", Int64(951_782_400_000)),
    ])
  func rfc3339(_ text: String, _ expected: Int64) {
    #expect(RFC3339.milliseconds(text) == expected)
  }

  @Test(
    "not RFC 3339", arguments: ["2026-02-30T00:00:00Z", "2026-03-01", "2026-03-01T12:00:00", "x"])
  func notRFC3339(_ text: String) {
    #expect(RFC3339.milliseconds(text) == nil)
  }
}
