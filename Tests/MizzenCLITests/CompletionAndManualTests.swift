import Foundation
import Testing

/// completions/ and man/mizzen.1 are generated from the argument parser by
/// scripts/generate-completions.sh; these tests fail while they are stale, and check that
/// bash really completes with them and that the man page renders without a warning.
@Suite struct CompletionAndManualTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let regenerate = "run scripts/generate-completions.sh and commit the result"

  @Test(arguments: [
    ("bash", "completions/mizzen.bash"), ("zsh", "completions/_mizzen"),
    ("fish", "completions/mizzen.fish"),
  ])
  func committedCompletionIsCurrent(_ shell: String, _ path: String) async throws {
    let generated = try await MizzenCLI.run(["--generate-completion-script", shell])
    #expect(generated.status == 0, "\(generated.stderr)")
    expectCurrent(path, generated.stdout)
  }

  @Test func committedManPageIsCurrent() async throws {
    let version = try await MizzenCLI.run(["--version"])
    let dump = try await MizzenCLI.run(["--experimental-dump-help"])
    #expect(version.status == 0 && dump.status == 0, "\(version.stderr)\(dump.stderr)")
    let input = try TemporaryFolder()
    try dump.stdout.write(toFile: input.file("help.json"), atomically: true, encoding: .utf8)
    let page = try await MizzenCLI.run(
      [
        "-c", "python3 scripts/manpage.py \"$1\" <\"$2\"", "manpage",
        version.stdout.trimmingCharacters(in: .newlines), input.file("help.json"),
      ],
      executable: "/bin/bash", directory: Self.root)
    #expect(page.status == 0, "\(page.stderr)")
    expectCurrent("man/mizzen.1", page.stdout)
  }

  /// What bash offers for a command line ending in the word being completed, when it calls
  /// the function `complete -p mizzen` names, as bash does on tab.
  @Test(arguments: [
    (["se"], "send"),
    (["s"], "send sandbox schema"),
    (
      [""],
      "--version -h --help console demo init validate send check-connection history sandbox schema lookup config reconcile help"
    ),
    (["send", "--to"], "--topic"),
    (["validate", "--format", ""], "text json"),
    (["history", "--f"], "--format"),
    (["sandbox", "--rate-"], "--rate-limit --rate-window"),
  ])
  func bashCompletes(_ words: [String], _ expected: String) async throws {
    let run = try await Self.bashComplete(words)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == expected + "\n")
  }

  /// Values from fixed lists, and codes read from the workspace the line names (through
  /// `mizzen` itself, found on PATH as a shell finds it).
  @Test(arguments: [
    (["send", "--channel", ""], "email sms whatsapp push"),
    (["send", "--channel", "w"], "whatsapp"),
    (["send", "--state", ""], "granted denied"),
    (["send", "--workspace", "WORKSPACE", "--topic", ""], "news orphan"),
    (["send", "--workspace", "WORKSPACE", "--topic", "n"], "news"),
    (["check-connection", "--workspace", "WORKSPACE", ""], "braze lonely"),
    (["send", "--workspace", "FOLDER/mizz"], "FOLDER/mizzen.json"),
  ])
  func bashCompletesFromTheWorkspace(_ words: [String], _ expected: String) async throws {
    let folder = try TemporaryFolder()
    let workspace = folder.file("mizzen.json")
    try SignalCLIFixture.workspaceJSON(endpoint: "https://rest.iad-01.braze.com")
      .write(toFile: workspace, atomically: true, encoding: .utf8)
    let resolved = words.map {
      $0.replacingOccurrences(of: "WORKSPACE", with: workspace)
        .replacingOccurrences(of: "FOLDER", with: folder.path)
    }
    let run = try await Self.bashComplete(resolved)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == expected.replacingOccurrences(of: "FOLDER", with: folder.path) + "\n")
  }

  /// A broken or missing workspace completes nothing, prints nothing, and quickly.
  @Test func bashCompletionIsQuietOnABrokenWorkspace() async throws {
    let folder = try TemporaryFolder()
    try "{ not json".write(toFile: folder.file("bad.json"), atomically: true, encoding: .utf8)
    for path in [folder.file("bad.json"), folder.file("missing.json")] {
      let run = try await Self.bashComplete(["send", "--workspace", path, "--topic", ""])
      #expect(run.status == 0)
      #expect(run.stdout == "\n")
      #expect(run.stderr == "")
    }
  }

  private static func bashComplete(_ words: [String]) async throws -> MizzenCLI.Run {
    let executable = try #require(MizzenCLI.executable)
    let folder = URL(fileURLWithPath: executable).deletingLastPathComponent().path
    let script = """
      set -e
      source completions/mizzen.bash
      function=$(complete -p mizzen | sed -E 's/.* -F ([^ ]+) .*/\\1/')
      COMP_WORDS=(mizzen "$@")
      COMP_CWORD=$#
      COMP_LINE="mizzen $*"
      COMP_POINT=${#COMP_LINE}
      COMPREPLY=()
      # As on tab: not under set -e (the script's `(( n++ ))` from 0 returns 1).
      set +e
      "$function" mizzen "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      echo "${COMPREPLY[*]}"
      """
    return try await MizzenCLI.run(
      ["-c", script, "complete"] + words, environment: ["PATH": folder + ":/usr/bin:/bin"],
      executable: "/bin/bash", directory: Self.root)
  }

  @Test func manPageRendersWithoutWarnings() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.groff),
      "groff is missing: apt-get install groff-base (scripts/test installs it)")
    let lint = try await MizzenCLI.run(
      ["-man", "-ww", "-z", "-Tutf8", "man/mizzen.1"], executable: Self.groff,
      directory: Self.root)
    #expect(lint.status == 0)
    #expect(lint.stderr == "", "groff warns about man/mizzen.1")
    let page = try await MizzenCLI.run(
      ["-man", "-Tutf8", "-P-cbou", "man/mizzen.1"], executable: Self.groff,
      directory: Self.root)
    #expect(page.stdout.contains("mizzen - a terminal console"))
    #expect(page.stdout.contains("--topic code"))
    #expect(page.stdout.contains("mizzen check-connection [--workspace path] code"))
    for section in ["ENVIRONMENT", "FILES", "EXIT STATUS"] {
      #expect(page.stdout.contains("\n" + section + "\n"), "no \(section) section")
    }
    for name in [
      "MIZZEN_WORKSPACE", "MIZZEN_TIMEOUT_SECONDS", "NO_COLOR", "XDG_CONFIG_HOME",
      "BRAZE_US_API_KEY", "<workspace>.bak", "<workspace>.journal.jsonl", "<workspace>.lock",
      "<workspace>.mizzen-state.json", "mizzen/config.json",
    ] {
      #expect(page.stdout.contains(name), "the page does not mention \(name)")
    }
  }

  static let groff =
    ["/usr/bin/groff", "/bin/groff"]
    .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/groff"

  private func expectCurrent(
    _ path: String, _ generated: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let committed = try? String(contentsOfFile: Self.root + "/" + path, encoding: .utf8)
    guard let committed else {
      Issue.record("\(path) is missing: \(Self.regenerate).", sourceLocation: sourceLocation)
      return
    }
    guard committed != generated else { return }
    let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
    let new = generated.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "<end of file>"
    let now = line < new.count ? String(new[line]) : "<end of output>"
    let message =
      "\(path) is stale: the commands or options changed since it was generated; "
      + "\(Self.regenerate).\nfirst difference, line \(line + 1):\n  file |\(was)|\n"
      + "  now  |\(now)|"
    Issue.record("\(message)", sourceLocation: sourceLocation)
  }
}
