import MizzenCore

/// Where a form's record is now, looked up from its purpose's identities for one step:
/// the position of a channel's topic or a capture's property, and the record's own
/// position (nil for a record the form creates).
struct FormSlot {
  var parent: Int?
  var index: Int?
}

/// What every record form shares, picked by the form's purpose: refreshing after a change,
/// following the name, and the workspace a save would write.
enum RecordForms {
  /// A saved form's outcome: the new workspace and its identities, the undo label, the
  /// record to select and anything the status row should add.
  struct Outcome {
    var workspace: Workspace
    var ids: RecordIDs
    var label: String
    var select: RecordRef
    var note: String = ""
  }

  /// Where the form's record is now, or nil when it (or its parent) is gone.
  static func slot(_ purpose: FormState.Purpose, _ ids: RecordIDs) -> FormSlot? {
    switch purpose {
    case .newConnection, .newTopic, .newSpace, .newProperty:
      return FormSlot()
    case .editConnection(let id):
      return ids.connections.firstIndex(of: id).map { FormSlot(index: $0) }
    case .editTopic(let id):
      return ids.topics.firstIndex(of: id).map { FormSlot(index: $0) }
    case .editSpace(let id):
      return ids.identitySpaces.firstIndex(of: id).map { FormSlot(index: $0) }
    case .editProperty(let id):
      return ids.properties.firstIndex(of: id).map { FormSlot(index: $0) }
    case .newChannel(let topic):
      return ids.topics.firstIndex(of: topic).map { FormSlot(parent: $0) }
    case .newCapture(let property):
      return ids.properties.firstIndex(of: property).map { FormSlot(parent: $0) }
    case .editChannel(let topic, let id):
      guard let parent = ids.topics.firstIndex(of: topic),
        let index = ids.channels[parent].firstIndex(of: id)
      else { return nil }
      return FormSlot(parent: parent, index: index)
    case .editCapture(let property, let id):
      guard let parent = ids.properties.firstIndex(of: property),
        let index = ids.captures[parent].firstIndex(of: id)
      else { return nil }
      return FormSlot(parent: parent, index: index)
    }
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
    // A form whose record is gone is closed with the change that removed it; until then
    // there is nothing to check it against.
    let slot = slot(form.purpose, state.recordIDs)
    switch form.purpose {
    case .newConnection, .editConnection:
      ConnectionForm.syncVisibility(&form)
      guard let slot else { return }
      ConnectionForm.refreshProblems(&form, slot, in: workspace, context: context)
    case .newTopic, .editTopic:
      FormKit.syncCodeNote(&form)
      guard let slot else { return }
      TopicForm.refreshProblems(&form, slot, in: workspace, context: context)
    case .newChannel, .editChannel:
      ChannelForm.trimGroupId(&form)
      ChannelForm.syncVisibility(&form)
      guard let slot else { return }
      ChannelForm.refreshProblems(&form, slot, in: workspace, context: context)
    case .newSpace, .editSpace:
      FormKit.syncCodeNote(&form)
      guard let slot else { return }
      IdentitySpaceForm.refreshProblems(&form, slot, in: workspace, context: context)
    case .newProperty, .editProperty:
      FormKit.syncCodeNote(&form)
      guard let slot else { return }
      PropertyForm.refreshProblems(&form, slot, in: workspace, context: context)
    case .newCapture, .editCapture:
      CaptureForm.syncVisibility(&form)
      guard let slot else { return }
      CaptureForm.refreshProblems(&form, slot, in: workspace, context: context)
    }
  }

  /// After the name changed: the code follows it until the code is edited by hand.
  static func nameChanged(_ form: inout FormState, _ state: ConsoleState) {
    guard let slot = slot(form.purpose, state.recordIDs) else { return }
    let workspace = state.workspace
    switch form.purpose {
    case .newConnection, .editConnection: ConnectionForm.nameChanged(&form, slot, in: workspace)
    case .newTopic, .editTopic: TopicForm.nameChanged(&form, slot, in: workspace)
    case .newSpace, .editSpace: IdentitySpaceForm.nameChanged(&form, slot, in: workspace)
    case .newProperty, .editProperty: PropertyForm.nameChanged(&form, slot, in: workspace)
    default: break
    }
  }

  /// The workspace as it would be with the form saved, or nil when the form's record is
  /// gone. A renamed code is renamed in every reference in the same step (unless another
  /// record has the same code), so one undo takes all of it back. A new record takes
  /// `newID`.
  static func outcome(
    _ form: FormState, in workspace: Workspace, _ ids: RecordIDs, newID: RecordID
  ) -> Outcome? {
    guard let slot = slot(form.purpose, ids) else { return nil }
    var result = workspace
    var resultIDs = ids
    let verb = isEdit(form.purpose) ? "edit" : "add"
    switch form.purpose {
    case .newConnection, .editConnection:
      let (candidate, index) = ConnectionForm.candidate(form, slot, in: workspace)
      result = candidate
      if slot.index == nil { resultIDs.connections.append(newID) }
      var note = ""
      if let at = slot.index {
        let rename = References.renameConnection(
          at, to: result.connections[at].code, before: workspace, in: &result)
        note = rename.note
      }
      return Outcome(
        workspace: result, ids: resultIDs,
        label: "\(verb) connection \(result.connections[index].code)",
        select: .connection(resultIDs.connections[index]), note: note)
    case .newTopic, .editTopic:
      let (base, index) = TopicForm.base(slot, workspace)
      let topic = TopicForm.topic(from: form, base: base)
      if index == result.topics.count {
        result.topics.append(topic)
        resultIDs.topics.append(newID)
        resultIDs.channels.append([])
      } else {
        result.topics[index] = topic
      }
      return Outcome(
        workspace: result, ids: resultIDs, label: "\(verb) topic \(topic.code)",
        select: .topic(resultIDs.topics[index]))
    case .newChannel, .editChannel:
      guard let (topic, topicIndex, position) = ChannelForm.candidate(form, slot, in: workspace)
      else { return nil }
      result.topics[topicIndex] = topic
      if slot.index == nil { resultIDs.channels[topicIndex].append(newID) }
      let channel = topic.channels[position].channel
      return Outcome(
        workspace: result, ids: resultIDs, label: "\(verb) channel \(channel) of \(topic.code)",
        select: .channel(
          topic: resultIDs.topics[topicIndex], id: resultIDs.channels[topicIndex][position]))
    case .newSpace, .editSpace:
      return spaceOutcome(form, slot, in: workspace, ids, newID: newID, verb: verb)
    case .newProperty, .editProperty:
      let (base, index) = PropertyForm.base(slot, workspace)
      let property = PropertyForm.property(from: form, base: base)
      if index == result.properties.count {
        result.properties.append(property)
        resultIDs.properties.append(newID)
        resultIDs.captures.append([])
      } else {
        result.properties[index] = property
      }
      return Outcome(
        workspace: result, ids: resultIDs, label: "\(verb) property \(property.code)",
        select: .property(resultIDs.properties[index]))
    case .newCapture, .editCapture:
      guard
        let (property, propertyIndex, position) = CaptureForm.candidate(form, slot, in: workspace)
      else { return nil }
      result.properties[propertyIndex] = property
      if slot.index == nil { resultIDs.captures[propertyIndex].append(newID) }
      let space = property.identities[position].identitySpace
      return Outcome(
        workspace: result, ids: resultIDs, label: "\(verb) capture \(space) on \(property.code)",
        select: .capture(
          property: resultIDs.properties[propertyIndex],
          id: resultIDs.captures[propertyIndex][position]))
    }
  }

  /// An identity space saved: its code renamed in mappings and captures, and the marketing
  /// preference flag taken from any other space that had it.
  private static func spaceOutcome(
    _ form: FormState, _ slot: FormSlot, in workspace: Workspace, _ ids: RecordIDs,
    newID: RecordID, verb: String
  ) -> Outcome {
    var result = workspace
    var resultIDs = ids
    let space = IdentitySpaceForm.space(from: form)
    let index = IdentitySpaceForm.index(slot, workspace)
    var notes: [String] = []
    if index == result.identitySpaces.count {
      result.identitySpaces.append(space)
      resultIDs.identitySpaces.append(newID)
    } else {
      result.identitySpaces[index] = space
      let rename = References.renameSpace(index, to: space.code, before: workspace, in: &result)
      if !rename.note.isEmpty { notes.append(rename.note) }
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
      workspace: result, ids: resultIDs, label: "\(verb) identity space \(space.code)",
      select: .identitySpace(resultIDs.identitySpaces[index]),
      note: notes.joined(separator: "; "))
  }
}
