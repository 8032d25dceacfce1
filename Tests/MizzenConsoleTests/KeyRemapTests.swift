import MizzenConsole
import MizzenCore
import Testing

/// config.json's `keys` (SPEC §10): the console dispatches, hints and helps from one table,
/// the defaults with the remaps; a remap that takes another action's key is refused.
@Suite struct KeyRemapTests {
  static func state(_ keys: [String: [String]]) throws -> (ConsoleState, [ConfigProblem]) {
    let (_, loaded) = try Fixtures.loaded()
    let remapped = BindingTable.remapped(keys)
    let state = ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(workspacePath: Fixtures.path, bindings: remapped.table),
      size: Size(width: 120, height: 60))
    return (state, remapped.problems)
  }

  @Test func aRemappedActionHasExactlyItsListedKeys() throws {
    var (state, problems) = try Self.state(["quit": ["Q"], "move.down": ["J", "down"]])
    #expect(problems.isEmpty)
    let hints = ConsoleModel.render(state, state.size).text.split(separator: "\n").last ?? ""
    #expect(hints.contains(" Q quit "), "\(hints)")
    #expect(!hints.contains(" q quit "))

    #expect(press(&state, .character("q")).isEmpty, "q no longer quits")
    press(&state, .character("?"))
    let help = ConsoleModel.render(state, state.size).text
    // The `:` commands stay beside the remapped key.
    #expect(help.contains("Q :q :quit      quit"), "\(help)")
    #expect(help.contains("J ↓             move down"))
    #expect(!help.contains("  q :q :quit"))
    press(&state, .escape)

    #expect(press(&state, .character("Q")) == [.quit])
  }

  @Test func aRemapTakingAnotherActionsKeyIsReportedAndNotApplied() throws {
    var (state, problems) = try Self.state(["quit": ["j"], "undo": ["U"]])
    #expect(
      problems.map(\.description) == [
        "config.json: keys.quit: j is already move.down in List; this remap is ignored and "
          + "quit keeps its keys"
      ])
    #expect(state.options.bindings.keyLabel(of: .undo, in: [.global]) == "U", "others apply")
    #expect(press(&state, .character("j")).isEmpty, "j still moves down")
    #expect(press(&state, .character("q")) == [.quit])
  }

  @Test func swappedKeysDoNotClash() throws {
    let (state, problems) = try Self.state(["undo": ["r"], "reload": ["z"]])
    #expect(problems.isEmpty)
    #expect(state.options.bindings.keyLabel(of: .undo, in: [.global]) == "r")
    #expect(state.options.bindings.keyLabel(of: .reload, in: [.global]) == "z")
  }

  @Test func messagesNameTheRemappedKeys() {
    let error = StoreError(
      kind: .syntax, path: "/w/mizzen.json", line: 3, column: 7,
      message: "/w/mizzen.json: line 3, column 7: expected a value", isUnreadable: true)
    let table = BindingTable.remapped(["quit": ["Q"], "reload": ["f5"]]).table
    let state = ConsoleModel.initialState(
      loaded: nil, loadError: error,
      options: ConsoleOptions(workspacePath: "/w/mizzen.json", bindings: table),
      size: Size(width: 120, height: 24))
    let text = ConsoleModel.render(state, state.size).text
    #expect(text.contains("press F5 to reload, or Q to quit."), "\(text)")
  }

  @Test func theDefaultsCopiedBackChangeNothing() throws {
    let keys = Dictionary(
      uniqueKeysWithValues: BindingTable.defaultKeys.map { action, keys in
        (action.rawValue, keys.map(\.configName))
      })
    let (state, problems) = try Self.state(keys)
    #expect(problems.isEmpty)
    #expect(state.options.bindings == BindingTable.standard)
  }

  @Test func configNamesRoundTrip() {
    for binding in BindingTable.all {
      for key in binding.keys {
        #expect(Key(configName: key.configName) == key, "\(key)")
      }
    }
    #expect(Key(configName: "CTRL-N") == .control("n"))
    #expect(Key(configName: "F5") == .function(5))
    #expect(Key(configName: "hyper-q") == nil)
  }
}
