import Foundation
import MizzenRuntime
import Testing

/// `mizzen send`'s plain command line, read without the argument parser: what it takes, and
/// that it leaves every other shape to the argument parser, whose wording of errors and help
/// the command keeps.
@Suite struct SendCommandLineTests {
  static let plain = [
    "send", "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
    "--state", "granted",
  ]

  @Test func readsThePlainShapeInAnyOrder() {
    #expect(
      SendCommandLine.parse(Self.plain)
        == SendCommandLine(
          topic: "news", channel: "email", identities: ["email=ana@example.com"],
          state: "granted"))
    let everything = [
      "send", "--format", "json", "--verify", "--identity", "email=a@example.com",
      "phone=+14155550123", "--state", "denied", "--all-channels", "--workspace", "w.json",
      "--identity", "external_id=a=b", "--dry-run", "--topic", "news",
    ]
    #expect(
      SendCommandLine.parse(everything)
        == SendCommandLine(
          workspace: "w.json", topic: "news", allChannels: true,
          identities: ["email=a@example.com", "phone=+14155550123", "external_id=a=b"],
          state: "denied", dryRun: true, verify: true, format: "json"))
  }

  @Test(
    "leaves every other shape to the argument parser",
    arguments: [
      [],
      ["history"],
      ["--workspace", "w.json", "send", "--topic", "news", "--state", "granted"],
      plain + ["--help"],
      plain + ["-h"],
      plain + ["--version"],
      plain + ["--"],
      plain + ["extra"],
      plain + ["--bogus"],
      plain + ["--format", "xml"],
      plain + ["--format"],
      plain + ["--topic", "news"],
      plain + ["--dry-run", "--dry-run"],
      plain + ["--identity"],
      plain + ["--identity", "-x"],
      plain + ["--workspace", ""],
      plain + ["--workspace", "-"],
      ["send", "--topic=news", "--channel", "email", "--state", "granted"],
      ["send", "--channel", "email", "--identity", "email=a@example.com", "--state", "granted"],
      ["send", "--topic", "news", "--channel", "email", "--identity", "email=a@example.com"],
      ["---completion", "send", "--", "--topic"],
      ["send", "--generate-completion-script", "bash"],
    ])
  func declines(_ arguments: [String]) {
    #expect(SendCommandLine.parse(arguments) == nil)
  }

  /// The reader takes exactly the options the command declares (besides --version and
  /// --help): an option added to `mizzen send` and not here would be handed to the argument
  /// parser, and one removed there but still read here would be accepted silently.
  @Test func readsTheOptionsTheCommandDeclares() async throws {
    let fixture = try SignalCLIFixture()
    let help = try await fixture.mizzen("send", ["--help"])
    let options = help.stdout.components(separatedBy: "OPTIONS:").last ?? ""
    var declared: [String] = []
    for line in options.split(separator: "\n") {
      let words = line.split(separator: " ")
      guard let first = words.first else { continue }
      let name = first == "-h," ? words.dropFirst().first.map(String.init) : String(first)
      if let name, name.hasPrefix("--"), line.hasPrefix("  -") { declared.append(name) }
    }
    #expect(declared.contains("--topic"), "\(help.stdout)")
    #expect(
      Set(declared).subtracting(["--version", "--help"]) == Set(SendCommandLine.optionNames))
    for name in SendCommandLine.optionNames {
      let flag = ["--all-channels", "--dry-run", "--verify"].contains(name)
      var arguments = ["send", "--topic", "news", "--state", "granted"]
      if name != "--topic" && name != "--state" {
        arguments += flag ? [name] : [name, name == "--format" ? "json" : "x"]
      }
      #expect(SendCommandLine.parse(arguments) != nil, "\(name)")
    }
  }

  @Test func theArgumentParsersSpellingsSendTheSame() async throws {
    let fixture = try SignalCLIFixture()
    let plain = [
      "--topic", "news", "--channel", "email", "--identity", "email=ana@example.com",
      "phone=+14155550123", "--state", "granted", "--dry-run", "--format", "json",
    ]
    let parsed = [
      "--topic=news", "--channel=email", "--identity", "email=ana@example.com",
      "phone=+14155550123", "--state=granted", "--dry-run", "--format=json",
    ]
    let viaPlain = try await fixture.mizzen("send", plain)
    let viaParser = try await fixture.mizzen("send", parsed)
    #expect(viaPlain.status == 0, "\(viaPlain.stderr)")
    #expect(viaPlain.stdout.contains(#""topic" : "news""#), "\(viaPlain.stdout)")
    #expect(viaPlain.stdout == viaParser.stdout)
    #expect(viaPlain.stderr == viaParser.stderr)
  }

  @Test("a plain line with an invalid value gets the argument parser's error and usage")
  func invalidValuesKeepTheParsersWording() async throws {
    let fixture = try SignalCLIFixture()
    let usage =
      "Usage: mizzen send [--workspace <path>] --topic <code> [--channel <channel>] "
      + "[--all-channels] [--identity <space=value> ...] --state <state> [--dry-run] "
      + "[--verify] [--format <format>]\n  See 'mizzen send --help' for more information.\n"
    let cases: [([String], String)] = [
      (
        ["--topic", "news", "--identity", "email=a@example.com", "--state", "granted"],
        "Give --channel CHANNEL, or --all-channels to send to every channel of the topic."
      ),
      (
        [
          "--topic", "news", "--channel", "email", "--all-channels", "--identity",
          "email=a@example.com", "--state", "granted",
        ],
        "Give either --channel or --all-channels, not both."
      ),
      (
        [
          "--topic", "news", "--channel", "email", "--identity", "email=a@example.com",
          "--state", "subscribed",
        ],
        "--state must be granted or denied, not 'subscribed'."
      ),
      (
        ["--topic", "news", "--channel", "email", "--identity", "email", "--state", "granted"],
        "--identity takes SPACE=VALUE, e.g. email=ana@example.com; got 'email'."
      ),
      (
        [
          "--topic", "news", "--channel", "email", "--identity", "email=a@example.com",
          "email=b@example.com", "--state", "granted",
        ],
        "--identity gives 'email' twice; give each space once."
      ),
    ]
    for (arguments, message) in cases {
      let run = try await fixture.mizzen("send", arguments)
      #expect(run.status == 64, "\(arguments)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr == "Error: \(message)\n" + usage, "\(arguments)")
    }
    #expect(fixture.journal.isEmpty)
  }
}
