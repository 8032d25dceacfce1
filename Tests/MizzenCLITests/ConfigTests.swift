import Foundation
import MizzenCore
import Testing

/// config.json (SPEC §10): read with the project's JSON reader, every bad entry reported
/// with its path and ignored, `mizzen config` checks the user's file and `--defaults`
/// prints every default.
@Suite struct ConfigTests {
  static let vocabulary = ConfigVocabulary(
    actions: ["move.down", "move.up", "quit"], roles: ["selection", "error"])

  static func read(_ text: String) -> ConfigReading {
    ConfigReader.parse(Array(text.utf8), vocabulary: vocabulary, path: "config.json")
  }

  @Test func validEntriesAreKept() {
    let reading = Self.read(
      #"{"keys": {"move.down": ["down", "J", "ctrl-n"]}, "theme": {"selection": "black on purple bold"}, "mouse": true}"#
    )
    #expect(reading == .read(reading.config, problems: []))
    #expect(reading.config.keys == ["move.down": ["down", "J", "ctrl-n"]])
    #expect(reading.config.theme["selection"] == ThemeStyle(.black, on: .magenta, [.bold]))
    #expect(reading.config.mouse)
  }

  @Test func badEntriesAreReportedWithTheirPathAndIgnored() {
    let reading = Self.read(
      """
      {
        "keys": {"move.dwon": ["j"], "quit": ["Q", "hyper-q"], "move.up": "k"},
        "theme": {"selection": "pruple", "error": "red on", "selektion": "red", "colour": "red bolt"},
        "mouse": "yes",
        "colors": {}
      }
      """)
    guard case .read(let config, let problems) = reading else {
      Issue.record("not read: \(reading)")
      return
    }
    #expect(
      problems.map(\.description) == [
        #"config.json: keys.move.dwon: unknown action "move.dwon" (did you mean move.down?)"#,
        #"config.json: keys.quit[1]: unknown key "hyper-q"; write a character, ctrl-X, F1…F12 or one of up, down, left, right, pgup, pgdn, home, end, enter, esc, tab, shift-tab, backspace, delete, insert, space"#,
        "config.json: keys.move.up: expected a non-empty list of keys, found a string",
        #"config.json: theme.selection: unknown colour "pruple" (did you mean purple?)"#,
        #"config.json: theme.error: "on" needs a background colour after it"#,
        #"config.json: theme.selektion: unknown role "selektion" (did you mean selection?)"#,
        #"config.json: theme.colour: unknown role "colour""#,
        "config.json: mouse: expected true or false, found a string",
        #"config.json: colors: unknown setting "colors""#,
      ])
    #expect(config.keys == ["quit": ["Q"]], "the valid key of an entry is kept")
    #expect(config.theme.isEmpty)
    #expect(config.mouse == false, "the mouse is off by default")
  }

  @Test func notJSONIsUnreadable() {
    #expect(Self.read("{\"mouse\": tru}") != .missing)
    if case .unreadable(let message) = Self.read("{\"mouse\": tru}") {
      #expect(message.contains("line 1"))
    } else {
      Issue.record("bad JSON must be unreadable")
    }
    if case .unreadable(let message) = Self.read("[]") {
      #expect(message.contains("JSON object"))
    } else {
      Issue.record("an array must be unreadable")
    }
  }

  @Test func pathFollowsXDG() {
    #expect(
      MizzenConfig.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"])
        == "/x/cfg/mizzen/config.json")
    #expect(
      MizzenConfig.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/a"])
        == "/home/a/.config/mizzen/config.json")
    #expect(
      MizzenConfig.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/mizzen/config.json")
  }

  @Test func suggestionsAreNearEnough() {
    #expect(Suggestion.distance("valdiate", "validate") == 1)
    #expect(Suggestion.nearest(to: "valdiate", in: ["send", "validate"]) == "validate")
    #expect(Suggestion.nearest(to: "zzz", in: ["send", "validate"]) == nil)
  }

  @Test func configCommandChecksTheUsersFile() async throws {
    let folder = try TemporaryFolder()
    let environment = ["XDG_CONFIG_HOME": folder.path]
    let none = try await MizzenCLI.run(["config"], environment: environment)
    #expect(none.status == 0)
    #expect(none.stdout.contains("No config file at \(folder.path)/mizzen/config.json"))

    try FileManager.default.createDirectory(
      atPath: folder.file("mizzen"), withIntermediateDirectories: true)
    let file = folder.file("mizzen/config.json")
    try #"{"theme": {"selection": "pruple"}, "keys": {"move.down": ["j"]}, "mouse": true}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    let bad = try await MizzenCLI.run(["config"], environment: environment)
    #expect(bad.status == 1)
    #expect(
      bad.stdout.contains(
        #"config.json: theme.selection: unknown colour "pruple" (did you mean purple?)"#))
    #expect(bad.stdout.contains("1 entry is ignored in \(file)."))

    try #"{"mouse": false, "theme": {"selectionDim": "default on white"}}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    let good = try await MizzenCLI.run(["config"], environment: environment)
    #expect(good.status == 0, "\(good.output)")
    #expect(good.stdout.contains("No problems in \(file)."))

    try "{".write(toFile: file, atomically: true, encoding: .utf8)
    let broken = try await MizzenCLI.run(["config"], environment: environment)
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("is not valid JSON"))
  }

  @Test func configCommandReportsARemapThatTakesAnotherActionsKey() async throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: folder.file("mizzen"), withIntermediateDirectories: true)
    let file = folder.file("mizzen/config.json")
    let environment = ["XDG_CONFIG_HOME": folder.path]
    try #"{"keys": {"quit": ["Q"]}}"#.write(toFile: file, atomically: true, encoding: .utf8)
    let good = try await MizzenCLI.run(["config"], environment: environment)
    #expect(good.status == 0, "\(good.output)")
    #expect(good.stdout == "No problems in \(file).\n", "a remap applies: no note says otherwise")

    try #"{"keys": {"quit": ["j"], "undo": ["U"]}}"#
      .write(toFile: file, atomically: true, encoding: .utf8)
    let clash = try await MizzenCLI.run(["config"], environment: environment)
    #expect(clash.status == 1)
    #expect(
      clash.stdout.contains(
        "config.json: keys.quit: j is already move.down in List; this remap is ignored and "
          + "quit keeps its keys"))
    #expect(clash.stdout.contains("1 entry is ignored in \(file)."))
  }

  @Test func defaultsAreAConfigFileWithoutProblems() async throws {
    let run = try await MizzenCLI.run(["config", "--defaults"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try JSONReader.parse(Array(run.stdout.utf8))
    #expect(document["mouse"] == .bool(false))
    #expect(document["keys"]?["move.down"] == .array([.string("down"), .string("j")]))
    #expect(document["theme"]?["selection"] == .string("black on cyan"))
    #expect(document["theme"]?["inputFocus"] == .string("white on blue bold"))

    // Copied to the user's file unchanged, the defaults are a valid config.
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: folder.file("mizzen"), withIntermediateDirectories: true)
    try run.stdout.write(
      toFile: folder.file("mizzen/config.json"), atomically: true, encoding: .utf8)
    let check = try await MizzenCLI.run(["config"], environment: ["XDG_CONFIG_HOME": folder.path])
    #expect(check.status == 0, "\(check.output)")
  }
}
