import MizzenConsole
import MizzenCore
import Testing

/// Finding things in the new sections: the filter, the command line's history, the
/// problems list that jumps to the field, help per section, and the mouse.
@Suite struct FindingTests {
  @Test(arguments: [
    ("2", "SALE", [1]),
    ("2", "fbc3506c", [0]),
    ("2", "セール", [1]),
    ("3", "电话", []),
    ("3", "電話", [1]),
    ("3", "customer", [2]),
    ("4", "WEB", [0]),
  ])
  func theFilterSearchesCodeNameAndGroupId(section: String, text: String, records: [Int]) throws {
    var state = try Fixtures.state()
    press(&state, .character(Character(section)), .character("/"))
    type(&state, text)
    #expect(state.currentList.visible == records)
  }

  @Test func theFilterWorksInATopicsChannelList() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].channels.append(
      TopicChannel(kind: .push, connection: "braze_jp"))
    var state = try Fixtures.state(workspace)
    press(&state, .character("2"), .enter, .character("/"))
    type(&state, "JP")
    #expect(state.childList?.list.visible == [1])
    trigger(&state, .back)
    #expect(state.childList?.list.visible == [0, 1])
  }

  @Test func theCommandLineRemembersCommandsForUpAndDown() throws {
    var state = try Fixtures.state()
    trigger(&state, .command)
    type(&state, "topics")
    press(&state, .enter, .character(":"))
    type(&state, "sp")
    press(&state, .tab, .enter)
    #expect(state.section == .identitySpaces)
    #expect(state.commandHistory == ["topics", "spaces"])
    press(&state, .character(":"), .up)
    #expect(state.prompt?.input.text == "spaces")
    press(&state, .up)
    #expect(state.prompt?.input.text == "topics")
    press(&state, .up)
    #expect(state.prompt?.input.text == "topics")
    press(&state, .down)
    #expect(state.prompt?.input.text == "spaces")
    press(&state, .down)
    #expect(state.prompt?.input.text == "")
    press(&state, .up, .enter)
    #expect(state.section == .identitySpaces)
    #expect(state.commandHistory == ["topics", "spaces"])
  }

  @Test func pListsProblemsAndEnterOpensTheChannelWithTheFieldFocused() throws {
    var workspace = Fixtures.workspace
    workspace.topics[1].channels[0].subscriptionGroupId = "not-a-uuid"
    var state = try Fixtures.state(workspace)
    trigger(&state, .problems)
    guard case .problems(let list) = state.screens.last else {
      Issue.record("p must open the problems list")
      return
    }
    let index = try #require(
      state.problems.firstIndex { $0.path.field == "subscriptionGroupId" })
    trigger(&state, .filter)
    type(&state, "sale_jp")
    press(&state, .enter)
    #expect(list.recordCount == state.problems.count)
    // The filter narrowed the list on screen to the problems of sale_jp.
    guard case .problems(let filtered) = state.screens.last else {
      Issue.record("the problems list closed on enter")
      return
    }
    #expect(!filtered.visible.isEmpty)
    #expect(filtered.visible.contains(index))
    for shown in filtered.visible {
      #expect(state.problems[shown].path.description.contains("sale_jp"))
    }
    ListActionsProbe.select(&state, problem: index)
    press(&state, .enter)
    #expect(state.section == .topics)
    #expect(state.currentList.selectedRecord == 1)
    let ids = state.recordIDs
    #expect(state.form?.purpose == .editChannel(topic: ids.topics[1], channel: ids.channels[1][0]))
    #expect(state.form?.focusedField.id == "subscriptionGroupId")
    trigger(&state, .back)
    #expect(state.childList?.parent == ids.topics[1])
  }

  @Test(arguments: [
    ("2", "enter lists a topic's channels"),
    ("3", "marketing preference identity"),
    ("4", "Properties: sites and apps"),
    ("5", "enter opens one"),
  ])
  func helpStartsWithWhatTheSectionIsFor(section: String, text: String) throws {
    var state = try Fixtures.state(size: Size(width: 120, height: 40))
    press(&state, .character(Character(section)), .character("?"))
    #expect(ConsoleModel.render(state, state.size).text.contains(text))
  }

  @Test func theWheelScrollsAndAClickSelectsInAChildList() throws {
    var workspace = Fixtures.workspace
    workspace.topics[0].channels += [
      TopicChannel(kind: .sms, connection: "braze_jp", subscriptionGroupId: ""),
      TopicChannel(kind: .push, connection: "braze_jp"),
    ]
    var state = try Fixtures.state(workspace)
    press(&state, .character("2"), .enter)
    _ = ConsoleModel.update(&state, .mouse(.click(Position(row: 4, column: 3))))
    #expect(state.childList?.list.selected == 2)
    _ = ConsoleModel.update(&state, .mouse(.scrollUp(Position(row: 3, column: 3))))
    #expect(state.childList?.list.selected == 0)
  }
}

/// Moves the problems list's selection to one problem, as arrow keys would.
enum ListActionsProbe {
  static func select(_ state: inout ConsoleState, problem: Int) {
    guard case .problems(let list) = state.screens.last,
      let position = list.visible.firstIndex(of: problem)
    else { return }
    trigger(&state, .moveTop)
    for _ in 0..<position { press(&state, .down) }
  }
}
