import MizzenConsole
import MizzenCore
import Testing

/// The connection form's fields: text editing, the endpoint chooser, the key field and the
/// identity-mapping editor.
@Suite struct FormEditingTests {
  /// Opens the form of the first connection and moves the focus to the field `id`.
  static func editing(_ id: String, record: Int = 0) throws -> ConsoleState {
    var state = try Fixtures.state()
    for _ in 0..<record { press(&state, .down) }
    press(&state, .enter)
    var guardCount = 0
    while state.form?.focusedField.id != id && guardCount < 30 {
      press(&state, .tab)
      guardCount += 1
    }
    try #require(state.form?.focusedField.id == id)
    return state
  }

  @Test func textEditingMovesTheCursorAndEditsAtIt() throws {
    var state = try Self.editing("name")
    press(&state, .home, .right, .delete)
    type(&state, "R")
    press(&state, .end, .backspace, .left)
    type(&state, "東")
    #expect(state.form?.field("name")?.text == "BRaze 東U")
    press(&state, .control("u"))
    #expect(state.form?.field("name")?.text == "")
  }

  @Test func tabShiftTabAndArrowsMoveBetweenFieldsSkippingHiddenOnes() throws {
    var state = try Self.editing("name")
    let order = ["code", "endpointChoice", "keySource", "keyEnv", "identityMapping"]
    for id in order {
      press(&state, .tab)
      #expect(state.form?.focusedField.id == id)
    }
    press(&state, .up, .up)
    #expect(state.form?.focusedField.id == "keySource")
    press(&state, .backTab)
    #expect(state.form?.focusedField.id == "endpointChoice")
    press(&state, .down)
    #expect(state.form?.focusedField.id == "keySource")
  }

  @Test func theEndpointChooserOffersInstancesByNameAndACustomURL() throws {
    var state = try Self.editing("endpointChoice")
    press(&state, .enter)
    guard case .chooser(let chooser) = state.overlay else {
      Issue.record("enter on a choice opens its list")
      return
    }
    #expect(chooser.options.first?.hasPrefix("US-01") == true)
    #expect(chooser.options.contains { $0.hasPrefix("EU-02  https://rest.fra-02.braze.eu") })
    #expect(chooser.options.contains { $0.hasPrefix("KR-01") })
    #expect(chooser.options.last == "Custom URL…")
    press(&state, .end)
    if case .chooser(let moved) = state.overlay {
      #expect(moved.selected == moved.options.count - 1)
    }
    press(&state, .home)
    for _ in 0..<20 { press(&state, .down) }
    press(&state, .enter)
    #expect(state.overlay == nil)
    #expect(state.form?.focusedField.id == "endpointURL")
    type(&state, "http://127.0.0.1:9000")
    trigger(&state, .save)
    #expect(state.workspace.connections[0].endpoint == "http://127.0.0.1:9000")
  }

  @Test func leftAndRightStepThroughChoices() throws {
    var state = try Self.editing("endpointChoice")
    press(&state, .right)
    #expect(state.form.map(ConnectionFormProbe.endpoint) == "https://rest.iad-02.braze.com")
    press(&state, .left, .left)
    #expect(state.form?.field("endpointChoice")?.choiceValue == "custom")
    #expect(state.form?.field("endpointURL")?.hidden == false)
  }

  @Test func escInTheChooserKeepsTheOldChoice() throws {
    var state = try Self.editing("endpointChoice")
    press(&state, .enter, .down, .down, .escape)
    #expect(state.overlay == nil)
    #expect(state.form?.field("endpointChoice")?.choiceValue == "https://rest.iad-01.braze.com")
  }

  @Test func anInlineKeyIsTypedWithoutEverBeingShown() throws {
    var state = try Self.editing("keySource")
    press(&state, .right)
    #expect(state.form?.field("keyInline")?.hidden == false)
    press(&state, .tab)
    #expect(state.form?.focusedField.id == "keyInline")
    let key = "fake-secret-abcdefgh1234"
    for character in key {
      press(&state, .character(character))
      let screen = ConsoleModel.render(state, state.size).text
      #expect(!screen.contains("fake-secret"))
      #expect(!screen.contains("abcdefgh"))
    }
    let screen = ConsoleModel.render(state, state.size).text
    #expect(screen.contains("••••1234"))
    press(&state, .left, .character("X"))
    #expect(state.form?.field("keyInline")?.text == key + "X")
    press(&state, .backspace, .control("s"))
    #expect(state.workspace.connections[0].apiKey == .inline(key))
    let list = ConsoleModel.render(state, state.size).text
    #expect(list.contains("inline ••••1234"))
    #expect(!list.contains("abcdefgh"))
  }

  @Test func anExistingInlineKeyShowsOnlyItsLastFourCharacters() throws {
    var state = try Self.editing("keyInline", record: 1)
    let screen = ConsoleModel.render(state, state.size).text
    #expect(screen.contains("••••9876"))
    #expect(!screen.contains("fake-key"))
    press(&state, .backTab, .left)
    #expect(state.form?.field("keyEnv")?.text == "")
    press(&state, .tab)
    type(&state, "JP_KEY")
    trigger(&state, .save)
    #expect(state.workspace.connections[1].apiKey == .environment("JP_KEY"))
  }

  @Test func theMappingEditorAddsRemovesMovesAndChooses() throws {
    var state = try Self.editing("identityMapping")
    #expect(state.form?.focus == FocusStop(field: 7, row: 0, column: 0))
    trigger(&state, .moveRowDown)
    #expect(ConnectionFormProbe.mapping(state) == ["customer_id→external_id", "email→email"])
    trigger(&state, .moveRowUp)
    #expect(ConnectionFormProbe.mapping(state) == ["email→email", "customer_id→external_id"])
    trigger(&state, .moveRowUp)
    #expect(state.status?.text == "That mapping is already at the top.")
    trigger(&state, .addRow)
    #expect(state.form?.focus == FocusStop(field: 7, row: 1, column: 0))
    press(&state, .right, .tab, .enter)
    guard case .chooser(let chooser) = state.overlay else {
      Issue.record("enter on a mapping cell opens its list")
      return
    }
    #expect(chooser.options == ["external_id", "email", "phone"])
    press(&state, .down, .down, .enter)
    #expect(
      ConnectionFormProbe.mapping(state) == [
        "email→email", "phone→phone", "customer_id→external_id",
      ])
    press(&state, .down, .down, .delete)
    #expect(ConnectionFormProbe.mapping(state) == ["email→email", "phone→phone"])
    #expect(state.form?.focus == FocusStop(field: 7, row: 2, column: 0))
    press(&state, .backspace)
    #expect(state.status?.text == "Put the focus on a mapping row first.")
    press(&state, .enter)
    #expect(ConnectionFormProbe.mapping(state).count == 3)
    press(&state, .delete)
    let effects = trigger(&state, .save)
    #expect(effects.count == 1)
    #expect(
      state.workspace.connections[0].identityMapping == [
        IdentityMapping(identitySpace: "email", field: .email),
        IdentityMapping(identitySpace: "phone", field: .phone),
      ])
  }

  @Test func escOnAChangedFormAsksWithKeepEditingFocused() throws {
    var state = try Self.editing("name")
    type(&state, "x")
    trigger(&state, .back)
    guard case .dialog(let dialog) = state.overlay else {
      Issue.record("a changed form asks before discarding")
      return
    }
    #expect(dialog.focusedButton == "Keep editing")
    trigger(&state, .confirm)
    #expect(state.form?.field("name")?.text == "Braze USx")
    trigger(&state, .back)
    pressButton(&state, "Discard changes")
    #expect(state.form == nil)
    #expect(state.workspace == Fixtures.workspace)
  }

  @Test func escOnAnUnchangedFormGoesBackAtOnce() throws {
    var state = try Self.editing("code")
    #expect(trigger(&state, .back).isEmpty)
    #expect(state.form == nil)
    #expect(state.overlay == nil)
  }

  @Test func theFormDrawsTheCursorInTheFocusedTextField() throws {
    var state = try Self.editing("name")
    press(&state, .home)
    let frame = ConsoleModel.render(state, state.size)
    let cursor = try #require(frame.cursor)
    #expect(frame.text(ofRow: cursor.row).contains("Braze US"))
    #expect(frame[cursor.row, cursor.column].text == "B")
  }
}

/// Reads form contents the way the tests compare them.
enum ConnectionFormProbe {
  static func endpoint(_ form: FormState) -> String {
    form.field("endpointChoice")?.choiceValue ?? ""
  }

  static func mapping(_ state: ConsoleState) -> [String] {
    guard case .rows(let list) = state.form?.field("identityMapping")?.value else { return [] }
    return list.rows.indices.map { list.values(ofRow: $0).joined(separator: "→") }
  }
}
