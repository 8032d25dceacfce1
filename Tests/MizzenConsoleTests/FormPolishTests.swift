import MizzenConsole
import MizzenCore
import Testing

/// How a form looks and answers while it is filled in: quiet until touched, values shown
/// from their start, widths that follow the terminal, unsaved edits marked, keys that mean
/// one thing.
@Suite struct FormPolishTests {
  static func screen(_ state: ConsoleState) -> String {
    ConsoleModel.render(state, state.size).text
  }

  @Test func aNewFormOpensQuietAndAFieldsErrorShowsOnceTheFocusLeftIt() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .new)
    try #require(state.form?.focusedField.id == "name")
    #expect(!Self.screen(state).contains("✗"))
    #expect(!Self.screen(state).contains("modified"))
    press(&state, .tab)
    #expect(Self.screen(state).contains("✗"))
  }

  @Test func aRecordBeingEditedShowsItsProblemsAtOnce() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].name = ""
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .edit)
    try #require(state.form != nil)
    #expect(Self.screen(state).contains("✗"))
  }

  @Test func anUnfocusedLongValueShowsItsStart() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].name =
      "Promotions et ventes privées de la saison, offres des partenaires et nouveautés du mois"
    var state = try Fixtures.state(workspace)
    trigger(&state, .showTopics, .edit)
    try #require(state.form?.focusedField.id == "name")
    press(&state, .tab)
    let row = Self.screen(state).split(separator: "\n").first { $0.contains("Name") } ?? ""
    #expect(row.contains("Promotions et ventes"))
    #expect(row.contains("…"))
  }

  @Test func textFieldsWidenWithTheTerminal() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].name = String(repeating: "abcdefghij", count: 12)
    var state = try Fixtures.state(workspace, size: Size(width: 200, height: 60))
    press(&state, .character("2"), .character("e"), .tab)
    let row = Self.screen(state).split(separator: "\n").first { $0.contains("Name") } ?? ""
    #expect(row.contains(String(repeating: "abcdefghij", count: 9)))
  }

  @Test func aModifiedMarkerShowsUnsavedEdits() throws {
    var state = try Fixtures.state()
    trigger(&state, .showTopics, .edit)
    #expect(!Self.screen(state).contains("modified"))
    type(&state, "!")
    #expect(Self.screen(state).contains("● modified"))
    press(&state, .backspace)
    #expect(!Self.screen(state).contains("modified"))
  }

  @Test func choosingWithEnterKeepsTheFocusOnTheChoice() throws {
    var state = try FormEditingTests.editing("endpointChoice")
    press(&state, .enter, .down, .enter)
    #expect(state.overlay == nil)
    #expect(state.form?.focusedField.id == "endpointChoice")
  }

  @Test func lettersTypedOnAMappingRowNeverReorderOrRemoveMappings() throws {
    var state = try FormEditingTests.editing("identityMapping")
    let before = ConnectionFormProbe.mapping(state)
    type(&state, "JKxX")
    #expect(ConnectionFormProbe.mapping(state) == before)
  }

  @Test func oneKeyMeansOneThingAcrossListsAndForms() {
    let contexts: [BindingContext] = [.global, .list, .form, .formRow]
    var meaning: [Key: Action] = [:]
    for binding in BindingTable.standard.bindings(in: contexts) where binding.context != .form {
      for key in binding.keys {
        if let earlier = meaning[key], earlier != binding.action, case .character = key {
          Issue.record("\(key.label) means both \(earlier) and \(binding.action)")
        }
        meaning[key] = binding.action
      }
    }
  }
}
