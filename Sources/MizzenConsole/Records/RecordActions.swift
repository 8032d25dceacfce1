import MizzenCore

/// Opening, creating, editing, cloning and deleting records of whichever list is active:
/// a section's list, or the channels or captures of one record.
enum RecordActions {
  /// The record selected in the active list, by identity.
  static func selected(_ state: ConsoleState) -> RecordRef? {
    if let children = state.childList {
      return children.list.selectedRecord.flatMap { children.ref($0, state.recordIDs) }
    }
    guard let id = state.currentList.selectedID else { return nil }
    switch state.section {
    case .connections: return .connection(id)
    case .topics: return .topic(id)
    case .identitySpaces: return .identitySpace(id)
    case .properties: return .property(id)
    case .history: return nil
    }
  }

  /// Enter: topics and properties open their nested list; other records their form.
  static func open(_ state: inout ConsoleState) {
    switch selected(state) {
    case .topic(let id)?:
      state.screens.append(
        .children(ChildList(kind: .channels, parent: id, state.workspace, state.recordIDs)))
    case .property(let id)?:
      state.screens.append(
        .children(ChildList(kind: .captures, parent: id, state.workspace, state.recordIDs)))
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
        RecordForms.nameChanged(&form, state)
      }
      state.makeValidationContext()
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

  /// Why no new record can be made in the active list (`BindingRequirement.canCreate`), or
  /// nil when one can.
  static func newFormRefusal(_ state: ConsoleState) -> String? {
    let workspace = state.workspace
    if let children = state.childList, let parent = children.parentIndex(state.recordIDs) {
      switch children.kind {
      case .channels:
        let topic = workspace.topics[parent]
        if freeChannels(topic).isEmpty { return everyChannelTaken(topic) }
        if workspace.connections.isEmpty {
          return "Add a connection first (1): a channel needs one."
        }
      case .captures:
        if workspace.identitySpaces.isEmpty {
          return "Add an identity space first (3): a capture needs one."
        }
      }
    }
    return state.section == .history
      ? "The journal is written by test-sends, not by hand." : nil
  }

  /// Why the selected record cannot be cloned (`BindingRequirement.cloneable`), or nil when
  /// it can.
  static func cloneRefusal(_ state: ConsoleState) -> String? {
    guard case .channel(let topicIndex, _)? = selected(state).flatMap(state.recordIDs.position)
    else { return nil }
    let topic = state.workspace.topics[topicIndex]
    return freeChannels(topic).isEmpty ? everyChannelTaken(topic) : nil
  }

  private static func everyChannelTaken(_ topic: Topic) -> String {
    "\(topic.code) already has every channel."
  }

  private static func newForm(_ state: ConsoleState) -> Result<FormState, FormRefusal> {
    let workspace = state.workspace
    let look = viewOnly(state)
    if let refusal = newFormRefusal(state) { return .failure(FormRefusal(message: refusal)) }
    if let children = state.childList, let parent = children.parentIndex(state.recordIDs) {
      switch children.kind {
      case .channels:
        return .success(
          ChannelForm.make(
            topic: workspace.topics[parent], purpose: .newChannel(topic: children.parent),
            channel: nil, in: workspace, viewOnly: look))
      case .captures:
        return .success(
          CaptureForm.make(
            property: workspace.properties[parent],
            purpose: .newCapture(property: children.parent), capture: nil, in: workspace,
            viewOnly: look))
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
      return .failure(FormRefusal(message: newFormRefusal(state) ?? ""))
    }
  }

  private static func existingForm(_ state: ConsoleState, _ record: RecordRef, clone: Bool)
    -> Result<FormState, FormRefusal>
  {
    let workspace = state.workspace
    let look = viewOnly(state)
    guard let position = state.recordIDs.position(record) else {
      return .failure(FormRefusal(message: "That \(record.noun) is no longer in the workspace."))
    }
    switch position {
    case .connection(let index):
      var connection = workspace.connections[index]
      if clone { connection.name += " (copy)" }
      return .success(
        ConnectionForm.make(
          connection, purpose: clone ? .newConnection : .editConnection(record.id),
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
          topic, purpose: clone ? .newTopic : .editTopic(record.id),
          title: clone ? "Clone of \(topic.code) (without its channels)" : topic.code,
          viewOnly: look))
    case .channel(let topicIndex, let index):
      let topic = workspace.topics[topicIndex]
      let topicID = state.recordIDs.topics[topicIndex]
      var channel = topic.channels[index]
      if clone {
        guard let free = freeChannels(topic).first else {
          return .failure(FormRefusal(message: everyChannelTaken(topic)))
        }
        channel.channel = free
        channel.subscriptionGroupId = ""
      }
      return .success(
        ChannelForm.make(
          topic: topic,
          purpose: clone
            ? .newChannel(topic: topicID) : .editChannel(topic: topicID, channel: record.id),
          channel: channel, in: workspace, viewOnly: look))
    case .identitySpace(let index):
      var space = workspace.identitySpaces[index]
      if clone {
        space.name += " (copy)"
        space.marketingPreference = false
      }
      return .success(
        IdentitySpaceForm.make(
          space, purpose: clone ? .newSpace : .editSpace(record.id),
          title: clone ? "Clone of \(space.code)" : space.code, viewOnly: look))
    case .property(let index):
      var property = workspace.properties[index]
      if clone { property.name += " (copy)" }
      return .success(
        PropertyForm.make(
          property, purpose: clone ? .newProperty : .editProperty(record.id),
          title: clone ? "Clone of \(property.code)" : property.code, viewOnly: look))
    case .capture(let propertyIndex, let index):
      let property = workspace.properties[propertyIndex]
      let propertyID = state.recordIDs.properties[propertyIndex]
      return .success(
        CaptureForm.make(
          property: property,
          purpose: clone
            ? .newCapture(property: propertyID)
            : .editCapture(property: propertyID, capture: record.id),
          capture: property.identities[index], in: workspace, viewOnly: look))
    }
  }

  /// The channels a topic does not have yet, in the order of `Channel`.
  static func freeChannels(_ topic: Topic) -> [String] {
    let taken = Set(topic.channels.map(\.channel))
    return Channel.allCases.map(\.rawValue).filter { !taken.contains($0) }
  }

  /// Asks before deleting the selected record, listing what references it. Cancel has the
  /// focus; deleting also removes those references, so none is left dangling, and a
  /// connection's channels can go to another connection instead. References through a
  /// code another record shares are left alone, and the dialog says so.
  static func confirmDelete(_ state: inout ConsoleState) {
    guard let ref = selected(state), let position = state.recordIDs.position(ref) else { return }
    let workspace = state.workspace
    let name = References.label(of: position, in: workspace)
    let users = References.users(of: position, in: workspace)
    var lines = ["Delete \(ref.noun) \(name)?"]
    var buttons = ["Cancel", "Delete"]
    switch position {
    case .connection(let index) where References.connectionCodeShared(index, in: workspace),
      .identitySpace(let index) where References.spaceCodeShared(index, in: workspace):
      lines.append("Another \(ref.noun) has the code \(name) too, so what names it stays as it is.")
    default:
      break
    }
    // What is part of the record goes with it: a topic's channels, a property's captures.
    let parts: String?
    switch position {
    case .topic(let index) where !workspace.topics[index].channels.isEmpty:
      parts = References.counted(workspace.topics[index].channels.count, "channel")
    case .property(let index) where !workspace.properties[index].identities.isEmpty:
      parts = References.counted(workspace.properties[index].identities.count, "identity capture")
    default:
      parts = nil
    }
    if let parts {
      lines.append("Its \(parts) \(parts.hasPrefix("1 ") ? "goes" : "go") with it.")
      buttons = ["Cancel", "Delete with \(parts)"]
    }
    if !users.isEmpty {
      lines.append("It is referenced by:")
      lines += users.prefix(6).map { "  • " + $0 }
      if users.count > 6 { lines.append("  … and \(users.count - 6) more") }
      if case .connection(let index) = position,
        !References.moveTargets(for: index, in: workspace).isEmpty
      {
        lines.append("Delete removes those channels; Move to… puts them on another connection.")
        buttons = [
          "Cancel", "Delete with \(References.counted(users.count, "channel"))", "Move to…",
        ]
      } else {
        lines.append("Deleting removes those references too.")
        buttons = ["Cancel", "Delete with \(References.counted(users.count, "reference"))"]
      }
    }
    lines.append("z undoes it.")
    state.overlay = .dialog(
      Dialog(
        purpose: .deleteRecord(ref), title: "Delete \(ref.noun)", lines: lines, buttons: buttons))
  }

  /// After `ListActions.jump` selected the record a problem names: opens its form, or its
  /// nested list and the child's form, with the focus on the field at fault.
  static func jump(_ state: inout ConsoleState, section: Section, record: Int, problem: Problem) {
    let ids = state.recordIDs
    guard ids.of(section).indices.contains(record) else { return }
    var target: RecordRef
    switch section {
    case .connections: target = .connection(ids.connections[record])
    case .topics: target = .topic(ids.topics[record])
    case .identitySpaces: target = .identitySpace(ids.identitySpaces[record])
    case .properties: target = .property(ids.properties[record])
    case .history: return
    }
    if let child = problem.path.childIndex, section == .topics || section == .properties {
      let kind: ChildList.Kind = section == .topics ? .channels : .captures
      var children = ChildList(kind: kind, parent: target.id, state.workspace, ids)
      if problem.path.childList == children.problemList {
        children.list.selectRecord(child, pageHeight: state.pageHeight)
        state.screens.append(.children(children))
        if children.list.selectedRecord == child, let ref = children.ref(child, ids) {
          target = ref
        }
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
