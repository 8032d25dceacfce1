import Foundation
import Testing

/// The Swift runtime and Foundation are linked into mizzen, the system's libcurl is loaded
/// by the first request and ncursesw by the console: a command that never sends loads
/// neither libcurl nor any of Swift's shared libraries, a headless one no terminal library,
/// and one that sends finds libcurl by its soname. The dynamic loader reports what it loads
/// (LD_DEBUG=files).
@Suite("libcurl and ncursesw, loaded only by the commands that need them")
struct CurlLoadingTests {
  /// The file names of the shared objects the loader reported loading.
  static func loaded(_ trace: String) -> [String] {
    trace.split(separator: "\n").compactMap { line in
      guard let start = line.range(of: "file=") else { return nil }
      let name = line[start.upperBound...].prefix { $0 != " " }
      return String(name.split(separator: "/").last ?? name)
    }
  }

  static func isNetworking(_ name: String) -> Bool {
    name.hasPrefix("libFoundationNetworking") || name.hasPrefix("libcurl")
  }

  @Test("mizzen --version loads no network library, and no Swift library")
  func versionLoadsNoNetworkLibrary() async throws {
    let run = try await MizzenCLI.run(["--version"], environment: ["LD_DEBUG": "files"])
    #expect(run.status == 0)
    let loaded = Self.loaded(run.stderr)
    #expect(loaded.contains("libc.so.6"), "the trace names what is loaded")
    #expect(loaded.filter(Self.isNetworking) == [])
    #expect(!loaded.contains("libFoundation.so"), "\(loaded)")
    #expect(!loaded.contains("libswiftCore.so"), "\(loaded)")
  }

  static func isTerminal(_ name: String) -> Bool {
    name.hasPrefix("libncurses") || name.hasPrefix("libtinfo")
  }

  /// ncursesw and libtinfo are loaded by the console alone (ConsoleProcessTests).
  @Test("headless commands load no terminal library")
  func headlessCommandsLoadNoTerminalLibrary() async throws {
    let fixture = try SignalCLIFixture()
    for arguments in [["--version"], ["validate", "--workspace", fixture.workspacePath]] {
      let run = try await MizzenCLI.run(arguments, environment: ["LD_DEBUG": "files"])
      #expect(run.status == 0, "\(arguments): \(run.stdout)")
      let loaded = Self.loaded(run.stderr)
      #expect(loaded.contains("libc.so.6"), "the trace names what is loaded")
      #expect(loaded.filter(Self.isTerminal) == [], "\(arguments)")
    }
  }

  @Test("mizzen send loads the system's libcurl")
  func sendLoadsLibcurl() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await fixture.mizzen(
      "send", SendCommandTests.email + ["--state", "granted"], environment: ["LD_DEBUG": "files"])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("send: HTTP 201 in "))
    #expect(Self.loaded(run.stderr).contains("libcurl.so.4"))
  }

  /// Sends one signal with the mizzen installed under `prefix`; Braze must accept it.
  static func expectSends(
    installedIn prefix: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let fixture = try SignalCLIFixture()
    let sent = try await MizzenCLI.run(
      ["send", "--workspace", fixture.workspacePath] + SendCommandTests.email + [
        "--state", "granted",
      ], environment: [SignalCLIKeys.variable: SignalCLIKeys.all],
      executable: prefix.file("bin/mizzen"))
    #expect(sent.status == 0, "\(sent.output)", sourceLocation: sourceLocation)
    #expect(sent.stdout.contains("send: HTTP 201 in "), sourceLocation: sourceLocation)
  }

  @Test("an installed mizzen is one file, and sends")
  func installedSends() async throws {
    let (prefix, _) = try await InstallTests.install()
    try await Self.expectSends(installedIn: prefix)
  }

  /// A file named libcurl.so.4 beside the program (where SwiftPM's `$ORIGIN` run path
  /// points) is never loaded: the library loaded is handed the key. Loaded by its bare
  /// soname, this one, which is no library at all, failed the send.
  @Test("a libcurl.so.4 beside the program is never loaded")
  func libraryBesideTheProgramIsIgnored() async throws {
    let (prefix, _) = try await InstallTests.install()
    try Data("not a library".utf8).write(to: URL(fileURLWithPath: prefix.file("bin/libcurl.so.4")))
    try await Self.expectSends(installedIn: prefix)
  }

  /// Hides libcurl from the loader the only way it can be: a mount namespace in which
  /// every file the loader's cache names for libcurl.so.4 reads as empty.
  static let withoutLibcurl = """
    for f in $(/sbin/ldconfig -p | sed -n 's/^[[:space:]]*libcurl\\.so\\.4 (.*) => //p'); do
      mount --bind /dev/null "$f" || exit 97
    done
    exec "$@"
    """

  @Test("without libcurl, send says so and validate still works")
  func withoutLibcurl() async throws {
    let executable = try #require(MizzenCLI.executable)
    let fixture = try SignalCLIFixture()
    let hidden = { (arguments: [String]) in
      try await MizzenCLI.run(
        ["-m", "/bin/sh", "-c", Self.withoutLibcurl, "sh", executable] + arguments
          + ["--workspace", fixture.workspacePath],
        environment: [SignalCLIKeys.variable: SignalCLIKeys.all],
        executable: "/usr/bin/unshare")
    }
    let sent = try await hidden(["send"] + SendCommandTests.email + ["--state", "granted"])
    try #require(sent.status != 97, "the test needs mount namespaces (unshare -m): \(sent.stderr)")
    #expect(sent.status != 0)
    #expect(sent.stderr.contains("libcurl"), "\(sent.output)")
    #expect(sent.stderr.contains("apt-get install libcurl4"), "\(sent.output)")
    let validated = try await hidden(["validate"])
    #expect(validated.status == 0, "\(validated.output)")
  }
}
