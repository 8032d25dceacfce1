import Foundation
import Testing

/// The network code (URLSession, and FoundationNetworking, libcurl and the TLS, Kerberos and
/// LDAP libraries behind it) is a library that the first request loads: a command that
/// never sends does not load it, and one that sends finds it beside the executable or where
/// scripts/install puts it. The dynamic loader reports what it loads (LD_DEBUG=files).
@Suite("the network library, loaded only by the commands that send")
struct NetworkLibraryTests {
  /// The file names of the shared objects the loader reported loading.
  static func loaded(_ trace: String) -> [String] {
    trace.split(separator: "\n").compactMap { line in
      guard let start = line.range(of: "file=") else { return nil }
      let name = line[start.upperBound...].prefix { $0 != " " }
      return String(name.split(separator: "/").last ?? name)
    }
  }

  static func isNetworking(_ name: String) -> Bool {
    name.hasPrefix("libFoundationNetworking") || name.hasPrefix("libMizzenNetwork")
      || name.hasPrefix("libcurl")
  }

  @Test("mizzen --version loads no network library")
  func versionLoadsNoNetworkLibrary() async throws {
    let run = try await MizzenCLI.run(["--version"], environment: ["LD_DEBUG": "files"])
    #expect(run.status == 0)
    let loaded = Self.loaded(run.stderr)
    #expect(loaded.contains("libFoundation.so"), "the trace names what is loaded")
    #expect(loaded.filter(Self.isNetworking) == [])
  }

  @Test("mizzen send loads the library beside the executable, and libcurl with it")
  func sendLoadsTheLibrary() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send", SendCommandTests.email + ["--state", "granted"], environment: ["LD_DEBUG": "files"])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("send: HTTP 201 in "))
    let loaded = Self.loaded(run.stderr)
    #expect(loaded.contains("libMizzenNetwork.so"))
    #expect(loaded.contains("libFoundationNetworking.so"))
  }

  @Test("an installed mizzen sends through PREFIX/lib/mizzen, and says so when it is missing")
  func installedSends() async throws {
    let executable = try #require(MizzenCLI.executable)
    let prefix = try TemporaryFolder()
    let install = try await MizzenCLI.run(
      ["scripts/install", prefix.path], environment: ["MIZZEN_BINARY": executable],
      executable: "/bin/bash", directory: CompletionAndManualTests.root)
    #expect(install.status == 0, "\(install.output)")
    let fixture = try SignalCLIFixture()
    let send = {
      try await MizzenCLI.run(
        ["send", "--workspace", fixture.workspacePath] + SendCommandTests.email + [
          "--state", "granted",
        ], environment: [SignalCLIKeys.variable: SignalCLIKeys.all],
        executable: prefix.file("bin/mizzen"))
    }
    let sent = try await send()
    #expect(sent.status == 0, "\(sent.output)")
    #expect(sent.stdout.contains("send: HTTP 201 in "))

    try FileManager.default.removeItem(atPath: prefix.file("lib/mizzen/libMizzenNetwork.so"))
    let missing = try await send()
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("the network library could not be loaded"), "\(missing.stderr)")
    #expect(missing.stderr.contains(prefix.file("lib/mizzen/libMizzenNetwork.so")))
  }
}
