import MizzenCore
import Testing

@Suite("Braze instances and endpoint URLs")
struct BrazeInstanceTests {
  static let expected: [(String, String)] = [
    ("US-01", "https://rest.iad-01.braze.com"), ("US-02", "https://rest.iad-02.braze.com"),
    ("US-03", "https://rest.iad-03.braze.com"), ("US-04", "https://rest.iad-04.braze.com"),
    ("US-05", "https://rest.iad-05.braze.com"), ("US-06", "https://rest.iad-06.braze.com"),
    ("US-07", "https://rest.iad-07.braze.com"), ("US-08", "https://rest.iad-08.braze.com"),
    ("US-10", "https://rest.us-10.braze.com"), ("EU-01", "https://rest.fra-01.braze.eu"),
    ("EU-02", "https://rest.fra-02.braze.eu"), ("AU-01", "https://rest.au-01.braze.com"),
    ("ID-01", "https://rest.id-01.braze.com"), ("JP-01", "https://rest.jp-01.braze.com"),
    ("KR-01", "https://rest.kr-01.braze.com"),
  ]

  @Test("every instance, in Braze's order, with its REST endpoint; no US-09")
  func table() {
    #expect(BrazeInstance.all.map(\.name) == Self.expected.map(\.0))
    #expect(BrazeInstance.all.map(\.restEndpoint) == Self.expected.map(\.1))
    #expect(BrazeInstance.instance(named: "US-09") == nil)
    #expect(BrazeInstance.instance(named: "eu-02")?.restEndpoint == "https://rest.fra-02.braze.eu")
    #expect(BrazeInstance.instance(named: "US-03")?.dashboard == "https://dashboard-03.braze.com")
  }

  @Test(
    "REST hosts are recognised whatever their case, port or trailing dot",
    arguments: [
      ("rest.iad-01.braze.com", "US-01"), ("REST.IAD-08.BRAZE.COM", "US-08"),
      ("rest.fra-02.braze.eu.", "EU-02"), ("rest.kr-01.braze.com:443", "KR-01"),
      ("rest.us-10.braze.com", "US-10"),
    ])
  func knownHosts(_ host: String, _ name: String) {
    #expect(BrazeInstance.isKnownRESTHost(host))
    #expect(BrazeInstance.instance(forHost: host)?.name == name)
  }

  @Test(
    "SDK, dashboard and other hosts are not REST hosts",
    arguments: [
      "sdk.iad-01.braze.com", "dashboard-01.braze.com", "rest.iad-09.braze.com",
      "rest.iad-01.braze.com.evil.example", "127.0.0.1", "", "braze.com",
    ])
  func unknownHosts(_ host: String) {
    #expect(!BrazeInstance.isKnownRESTHost(host))
  }

  @Test("an endpoint URL is mapped to its instance")
  func byEndpoint() {
    #expect(BrazeInstance.instance(forEndpoint: "https://rest.au-01.braze.com/")?.name == "AU-01")
    #expect(BrazeInstance.instance(forEndpoint: "https://rest.jp-01.braze.com")?.name == "JP-01")
    #expect(BrazeInstance.instance(forEndpoint: "http://127.0.0.1:9000") == nil)
    #expect(BrazeInstance.instance(forEndpoint: "not a url") == nil)
  }

  @Test("endpoint URLs are taken apart, and junk is refused")
  func endpointURL() throws {
    let sandbox = try #require(EndpointURL("http://127.0.0.1:4567/"))
    #expect(sandbox.scheme == "http" && sandbox.host == "127.0.0.1" && sandbox.port == 4567)
    #expect(sandbox.isLoopback)
    #expect(sandbox.base == "http://127.0.0.1:4567")
    let proxied = try #require(EndpointURL("HTTPS://Rest.Iad-01.Braze.com/braze//"))
    #expect(proxied.base == "https://rest.iad-01.braze.com/braze")
    #expect(!proxied.isLoopback)
    for junk in [
      "ftp://rest.iad-01.braze.com", "https://", "https://user@host", "https://h/?q=1",
      "https://host:0", "https://host:99999", "rest.iad-01.braze.com",
    ] {
      #expect(EndpointURL(junk) == nil, "\(junk)")
    }
  }

  @Test("the eight Ketch permissions, without email.status")
  func ketchPermissions() {
    #expect(BrazePermission.ketchSetup.count == 8)
    #expect(Set(BrazePermission.ketchSetup).count == 8)
    #expect(!BrazePermission.ketchSetup.contains(.emailStatus))
  }
}
