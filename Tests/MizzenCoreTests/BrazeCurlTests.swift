import MizzenCore
import Testing

@Suite("curl rendering of planned calls")
struct BrazeCurlTests {
  @Test("a POST: method, quoted URL, the key as a variable the shell expands, exact body")
  func post() throws {
    let signal = Signal(
      topic: "by_id_news", channel: "email", identities: ["customer_id": "o'neil"],
      state: .denied)
    let request = try SignalPlanner.plan(signal, in: BrazeFixtures.workspace()).requests[0]
    let expected = """
      curl -sS -X POST 'https://rest.iad-01.braze.com/subscription/status/set' \\
        -H "Authorization: Bearer $BRAZE_API_KEY" \\
        -H 'Content-Type: application/json' \\
        -H 'User-Agent: \(MizzenVersion.userAgent)' \\
        --data-binary '{"external_id":"o'\\''neil","subscription_group_id":\
      "\(BrazeFixtures.emailGroup)","subscription_state":"unsubscribed"}'
      """
    #expect(CurlCommand.render(request) == expected)
  }

  @Test("a GET has no method flag and no body")
  func get() throws {
    let check = try SignalPlanner.checkConnection(
      "braze", in: BrazeFixtures.workspace(), probeID: "probe-1")
    let rendered = CurlCommand.render(check.request)
    #expect(
      rendered.hasPrefix(
        "curl -sS 'https://rest.iad-01.braze.com/subscription/status/get?subscription_group_id="))
    #expect(!rendered.contains("-X"))
    #expect(!rendered.contains("--data-binary"))
  }
}
