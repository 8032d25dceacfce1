import MizzenCore

/// Opening, creating, editing, cloning and deleting records of whichever list is active:
/// a section's list, or the channels or captures of one record.
enum RecordActions {
  /// The record selected in the active list.
  static func selected(_ state: ConsoleState) -> RecordRef? {
    if let children = state.childList {
      return children.list.selectedRecord.map { children.ref($0) }
    }
    guard let index = state.currentList.selectedRecord else { return nil }
    switch state.section {
    case .connections: return .connection(index)
    case .topics: return .topic(index)
    case .identitySpaces: return .identitySpace(index)
    case .properties: return .property(index)
    case .history: return nil
    }
  }

  /// Enter: topics and properties open their nested list; other records their form.
  static func open(_ state: inout ConsoleState) {
    switch selected(state) {
    case .topic(let index)?:
      state.screens.append(
        .children(ChildList(kind: .channels, parent: index, workspace: state.workspace)))
    case .property(let index)?:
      state.screens.append(
        .children(ChildList(kind: .captures, parent: index, workspace: state.workspace)))
    case let ref?:
      openForm(&state, record: ref, clone: false)
    case nil:
      break
    }
  }

  /// Pushes the form for `record`, a copy of it, or (nil) a new record of the active list.
  static func openForm(_ state: inout ConsoleState, record: RecordRef?, clone: Bool) {
    let made: Result<FormState, FormRefusal>
    if let record {
      made = existingForm(state, record, clone: clone)
    } else {
      made = newForm(state)
    }
    switch made {
    case .failure(let refusal):
      state.flash(refusal.message, .warning)
    case .success(var form):
      if clone || record == nil {
        form.codeEditedByHand = false
        RecordForms.nameChanged(&form, in: state.workspace)
      }
      if state.validationContext == nil {
        state.validationContext = ValidationContext(state.workspace)
      }
      RecordForms.refresh(&form, state)
      state.screens.append(.form(form))
    }
  }

  /// Why a form cannot open, for the status row.
  struct FormRefusal: Error {
    var message: String
  }

  private static func viewOnly(_ state: ConsoleState) -> Bool {
    state.options.readOnly || state.loadErrorMessage != nil
  }

  private static func newForm(_ state: ConsoleState) -> Result<FormState, FormRefusal> {
    let workspace = state.workspace
    let look = viewOnly(state)
    if let children = state.childList {
      switch children.kind {
      case .channels:
        let topic = workspace.topics[children.parent]
        guard !freeChannels(topic).isEmpty else {
          return .failure(FormRefusal(message: "\(topic.code) already has every channel."))
        }
        guard !workspace.connections.isEmpty else {
          return .failure(FormRefusal(message: "Add a connection first (1): a channel needs one."))
        }
        return .success(
          ChannelForm.make(
            topic: topic, topicIndex: children.parent, channel: nil, index: nil, in: workspace,
            viewOnly: look))
      case .captures:
        guard !workspace.identitySpaces.isEmpty else {
          return .failure(
            FormRefusal(message: "Add an identity space first (3): a capture needs one."))
        }
        return .success(
          CaptureForm.make(
            property: workspace.properties[children.parent], propertyIndex: children.parent,
            capture: nil, index: nil, in: workspace, viewOnly: look))
      }
    }
    switch state.section {
    case .connections:
      return .success(
        ConnectionForm.make(
          ConnectionForm.blank(in: workspace), purpose: .newConnection, title: "New connection",
          in: workspace, viewOnly: look))
    case .topics:
      return .success(
        TopicForm.make(
          Topic(code: "", name: ""), purpose: .newTopic, title: "New topic", viewOnly: look))
    case .identitySpaces:
      return .success(
        IdentitySpaceForm.make(
          IdentitySpace(code: "", name: "", type: .email), purpose: .newSpace,
          title: "New identity space", viewOnly: look))
    case .properties:
      return .success(
        PropertyForm.make(
          Property(code: "", name: "", platform: "web"), purpose: .newProperty,
          title: "New property", viewOnly: look))
    case .history:
      return .failure(FormRefusal(message: "The journal is written by test-sends, not by hand."))
    }
  }

  private static func existingForm(_ state: ConsoleState, _ record: RecordRef, clone: Bool)
    -> Result<FormState, FormRefusal>
  {
    let workspace = state.workspace
    let look = viewOnly(state)
    switch record {
    case .connection(let index):
      var connection = workspace.connections[index]
      if clone { connection.name += " (copy)" }
      return .success(
        ConnectionForm.make(
          connection, purpose: clone ? .newConnection : .editConnection(index: index),
          title: clone ? "Clone of \(connection.code)" : connection.code, in: workspace,
          viewOnly: look))
    case .topic(let index):
      var topic = workspace.topics[index]
      if clone {
        topic.name += " (copy)"
        topic.channels = []
      }
      return .success(
        TopicForm.make(
          topic, purpose: clone ? .newTopic : .editTopic(index: index),
          title: clone ? "Clone of \(topic.code) (without its channels)" : topic.code,
          viewOnly: look))
    case .channel(let topicIndex, let index):
      let topic = workspace.topics[topicIndex]
      var channel = topic.channels[index]
      if clone {
        guard let free = freeChannels(topic).first else {
          return .failure(FormRefusal(message: "\(topic.code) already has every channel."))
        }
        channel.channel = free
        channel.subscriptionGroupId = ""
      }
      return .success(
        ChannelForm.make(
          topic: topic, topicIndex: topicIndex, channel: channel, index: clone ? nil : index,
          in: workspace, viewOnly: look))
    case .identitySpace(let index):
      var space = workspace.identitySpaces[index]
      if clone {
        space.name += " (copy)"
        space.marketingPreference = false
      }
      return .success(
        IdentitySpaceForm.make(
          space, purpose: clone ? .newSpace : .editSpace(index: index),
          title: clone ? "Clone of \(space.code)" : space.code, viewOnly: look))
    case .property(let index):
      var property = workspace.properties[index]
      if clone { property.name += " (copy)" }
      return .success(
        PropertyForm.make(
          property, purpose: clone ? .newProperty : .editProperty(index: index),
          title: clone ? "Clone of \(property.code)" : property.code, viewOnly: look))
    case .capture(let propertyIndex, let index):
      let property = workspace.properties[propertyIndex]
      return .success(
        CaptureForm.make(
          property: property, propertyIndex: propertyIndex, capture: property.identities[index],
          index: clone ? nil : index, in: workspace, viewOnly: look))
    }
  }

  /// The channels a topic does not have yet, in the order of `Channel`.
  static func freeChannels(_ topic: Topic) -> [String] {
    let taken = Set(topic.channels.map(\.channel))
    return Channel.allCases.map(\.rawValue).filter { !taken.contains($0) }
  }

  /// Asks before deleting the selected record, listing what references it. Cancel has the
  /// focus; deleting also removes those references, so none is left dangling.
  static func confirmDelete(_ state: inout ConsoleState) {
    guard let ref = selected(state) else { return }
    let workspace = state.workspace
    let name = References.label(of: ref, in: workspace)
    let users = References.users(of: ref, in: workspace)
    var lines = ["Delete \(ref.noun) \(name)?"]
    var buttons = ["Cancel", "Delete"]
    if !users.isEmpty {
      lines.append("It is referenced by:")
      lines += users.prefix(6).map { "  • " + $0 }
      if users.count > 6 { lines.append("  … and \(users.count - 6) more") }
      lines.append("Deleting removes those references too.")
      buttons = ["Cancel", "Delete with \(users.count) reference\(users.count == 1 ? "" : "s")"]
    }
    lines.append("z undoes it.")
    state.overlay = .dialog(
      Dialog(
        purpose: .deleteRecord(ref), title: "Delete \(ref.noun)", lines: lines, buttons: buttons))
  }

  /// After `ListActions.jump` selected the record a problem names: opens its form, or its
  /// nested list and the child's form, with the focus on the field at fault.
  static func jump(_ state: inout ConsoleState, section: Section, record: Int, problem: Problem) {
    var target: RecordRef
    switch section {
    case .connections: target = .connection(record)
    case .topics: target = .topic(record)
    case .identitySpaces: target = .identitySpace(record)
    case .properties: target = .property(record)
    case .history: return
    }
    if let child = problem.path.childIndex, section == .topics || section == .properties {
      let kind: ChildList.Kind = section == .topics ? .channels : .captures
      var children = ChildList(kind: kind, parent: record, workspace: state.workspace)
      if problem.path.childList == children.problemList {
        children.list.selectRecord(child, pageHeight: state.pageHeight)
        state.screens.append(.children(children))
        if children.list.selectedRecord == child { target = children.ref(child) }
      }
    }
    openForm(&state, record: target, clone: false)
    if case .connection = target, problem.path.childList != nil { return }
    guard let field = problem.path.field else { return }
    FormActions.withForm(&state) { form in
      if let index = form.fields.firstIndex(where: { $0.problemField == field && !$0.hidden }) {
        form.focus = FocusStop(field: index)
      }
    }
  }
}
