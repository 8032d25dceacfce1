import Foundation
import Testing

/// scripts/install puts the binary, the man page and the completions where a system looks
/// for them. The test installs the binary already built (MIZZEN_BINARY) rather than
/// making a release build of its own.
@Suite struct InstallTests {
  /// Runs scripts/install into a new temporary prefix with the binary already built.
  static func install() async throws -> (prefix: TemporaryFolder, run: MizzenCLI.Run) {
    let executable = try #require(MizzenCLI.executable)
    let prefix = try TemporaryFolder()
    let install = try await MizzenCLI.run(
      ["scripts/install", prefix.path], environment: ["MIZZEN_BINARY": executable],
      executable: "/bin/bash", directory: CompletionAndManualTests.root)
    #expect(install.status == 0, "\(install.output)")
    return (prefix, install)
  }

  @Test func installsIntoAPrefix() async throws {
    let (prefix, install) = try await Self.install()

    let version = try await MizzenCLI.run(["--version"], executable: prefix.file("bin/mizzen"))
    #expect(version.status == 0)
    #expect(
      install.stdout.contains(
        "installed mizzen \(version.stdout.trimmingCharacters(in: .newlines))"))

    let page = try await MizzenCLI.run(
      ["-man", "-ww", "-Tutf8", "-P-cbou", prefix.file("share/man/man1/mizzen.1")],
      executable: CompletionAndManualTests.groff)
    #expect(page.status == 0)
    #expect(page.stderr.isEmpty)
    #expect(page.stdout.contains("EXIT STATUS"))

    for (installed, source) in [
      ("share/bash-completion/completions/mizzen", "completions/mizzen.bash"),
      ("share/zsh/site-functions/_mizzen", "completions/_mizzen"),
      ("share/fish/vendor_completions.d/mizzen.fish", "completions/mizzen.fish"),
    ] {
      let copy = FileManager.default.contents(atPath: prefix.file(installed))
      let original = FileManager.default.contents(
        atPath: CompletionAndManualTests.root + "/" + source)
      #expect(copy != nil && copy == original, "\(installed)")
    }
  }
}
