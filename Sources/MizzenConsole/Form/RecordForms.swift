import MizzenCore

/// What every record form shares, picked by the form's purpose: refreshing after a change,
/// following the name, and the workspace a save would write.
enum RecordForms {
  /// A saved form's outcome: the new workspace, the undo label, the record to select and
  /// anything the status row should add.
  struct Outcome {
    var workspace: Workspace
    var label: String
    var select: Int
    var note: String = ""
  }

  /// True when the form edits a record that exists (not new, not a clone).
  static func isEdit(_ purpose: FormState.Purpose) -> Bool {
    switch purpose {
    case .editConnection, .editTopic, .editChannel, .editSpace, .editProperty, .editCapture:
      return true
    default:
      return false
    }
  }

  /// After any change: visibility, the code note, and the problems as you type.
  static func refresh(_ form: inout FormState, _ state: ConsoleState) {
    let workspace = state.workspace
    let context = state.validationContext ?? ValidationContext(workspace)
    switch form.purpose {
    case .newConnection, .editConnection:
      ConnectionForm.syncVisibility(&form)
      ConnectionForm.refreshProblems(&form, in: workspace, context: context)
    case .newTopic, .editTopic:
      FormKit.syncCodeNote(&form)
      TopicForm.refreshProblems(&form, in: workspace, context: context)
    case .newChannel, .editChannel:
      ChannelForm.trimGroupId(&form)
      ChannelForm.syncVisibility(&form)
      ChannelForm.refreshProblems(&form, in: workspace, context: context)
    case .newSpace, .editSpace:
      FormKit.syncCodeNote(&form)
      IdentitySpaceForm.refreshProblems(&form, in: workspace, context: context)
    case .newProperty, .editProperty:
      FormKit.syncCodeNote(&form)
      PropertyForm.refreshProblems(&form, in: workspace, context: context)
    case .newCapture, .editCapture:
      CaptureForm.syncVisibility(&form)
      CaptureForm.refreshProblems(&form, in: workspace, context: context)
    }
  }

  /// After the name changed: the code follows it until the code is edited by hand.
  static func nameChanged(_ form: inout FormState, in workspace: Workspace) {
    switch form.purpose {
    case .newConnection, .editConnection: ConnectionForm.nameChanged(&form, in: workspace)
    case .newTopic, .editTopic: TopicForm.nameChanged(&form, in: workspace)
    case .newSpace, .editSpace: IdentitySpaceForm.nameChanged(&form, in: workspace)
    case .newProperty, .editProperty: PropertyForm.nameChanged(&form, in: workspace)
    default: break
    }
  }

  /// The workspace as it would be with the form saved. A renamed code is renamed in every
  /// reference in the same step, so one undo takes all of it back.
  static func outcome(_ form: FormState, in workspace: Workspace) -> Outcome? {
    var result = workspace
    let verb = isEdit(form.purpose) ? "edit" : "add"
    switch form.purpose {
    case .newConnection, .editConnection:
      let (candidate, index) = ConnectionForm.candidate(form, in: workspace)
      result = candidate
      var note = ""
      if case .editConnection(let at) = form.purpose {
        let count = References.renameConnection(
          workspace.connections[at].code, to: result.connections[at].code, in: &result)
        note = renamedNote(count, workspace.connections[at].code, result.connections[at].code)
      }
      return Outcome(
        workspace: result, label: "\(verb) connection \(result.connections[index].code)",
        select: index, note: note)
    case .newTopic, .editTopic:
      let (base, index) = TopicForm.base(form, workspace)
      let topic = TopicForm.topic(from: form, base: base)
      if index == result.topics.count {
        result.topics.append(topic)
      } else {
        result.topics[index] = topic
      }
      return Outcome(workspace: result, label: "\(verb) topic \(topic.code)", select: index)
    case .newChannel, .editChannel:
      guard let (topic, topicIndex, position) = ChannelForm.candidate(form, in: workspace)
      else { return nil }
      result.topics[topicIndex] = topic
      let channel = topic.channels[position].channel
      return Outcome(
        workspace: result, label: "\(verb) channel \(channel) of \(topic.code)", select: position)
    case .newSpace, .editSpace:
      return spaceOutcome(form, in: workspace, verb: verb)
    case .newProperty, .editProperty:
      let (base, index) = PropertyForm.base(form, workspace)
      let property = PropertyForm.property(from: form, base: base)
      if index == result.properties.count {
        result.properties.append(property)
      } else {
        result.properties[index] = property
      }
      return Outcome(workspace: result, label: "\(verb) property \(property.code)", select: index)
    case .newCapture, .editCapture:
      guard let (property, propertyIndex, position) = CaptureForm.candidate(form, in: workspace)
      else { return nil }
      result.properties[propertyIndex] = property
      let space = property.identities[position].identitySpace
      return Outcome(
        workspace: result, label: "\(verb) capture \(space) on \(property.code)",
        select: position)
    }
  }

  /// An identity space saved: its code renamed in mappings and captures, and the marketing
  /// preference flag taken from any other space that had it.
  private static func spaceOutcome(_ form: FormState, in workspace: Workspace, verb: String)
    -> Outcome
  {
    var result = workspace
    let space = IdentitySpaceForm.space(from: form)
    let index = IdentitySpaceForm.index(form, workspace)
    var notes: [String] = []
    if index == result.identitySpaces.count {
      result.identitySpaces.append(space)
    } else {
      let old = result.identitySpaces[index].code
      result.identitySpaces[index] = space
      let count = References.renameSpace(old, to: space.code, in: &result)
      let note = renamedNote(count, old, space.code)
      if !note.isEmpty { notes.append(note) }
    }
    if space.marketingPreference {
      let cleared = result.identitySpaces.indices.filter {
        $0 != index && result.identitySpaces[$0].marketingPreference
      }
      for other in cleared { result.identitySpaces[other].marketingPreference = false }
      if !cleared.isEmpty {
        let codes = cleared.map { result.identitySpaces[$0].code }.joined(separator: ", ")
        notes.append("\(codes) is no longer the marketing preference identity")
      }
    }
    return Outcome(
      workspace: result, label: "\(verb) identity space \(space.code)", select: index,
      note: notes.joined(separator: "; "))
  }

  private static func renamedNote(_ count: Int, _ old: String, _ new: String) -> String {
    guard count > 0 else { return "" }
    return "\(old) renamed to \(new) in \(count) reference\(count == 1 ? "" : "s")"
  }
}
