import MizzenCore

/// The form of one channel of a topic: which channel, through which connection, the
/// subscription group it maps to, and the channel's Braze options (SPEC §8).
enum ChannelForm {
  static let no = "no"
  static let yes = "yes"
  /// Characters a pasted group id often carries that never belong in one.
  static let pastedJunk: Set<Character> = [" ", "\t", "\"", "'", "“", "”", "‘", "’", "`"]

  /// The form of `channel` of `topic`, or of a new channel (nil); `purpose` says which.
  static func make(
    topic: Topic, purpose: FormState.Purpose, channel: TopicChannel?, in workspace: Workspace,
    viewOnly: Bool
  ) -> FormState {
    let taken = Set(topic.channels.map(\.channel))
    let offered = Channel.allCases.map(\.rawValue).filter {
      !taken.contains($0) || $0 == channel?.channel
    }
    let labels = Dictionary(uniqueKeysWithValues: Channel.allCases.map { ($0.rawValue, $0.label) })
    let connections = workspace.connections.map(\.code)
    let connectionLabels = Dictionary(
      workspace.connections.map { ($0.code, $0.code + "  " + $0.name) },
      uniquingKeysWith: { a, _ in a })
    let draft =
      channel
      ?? TopicChannel(channel: offered.first ?? "", connection: connections.first ?? "")
    var form = FormState(
      purpose: purpose,
      title: RecordForms.isEdit(purpose)
        ? "\(topic.code) › \(draft.channel)" : "New channel of \(topic.code)",
      fields: [
        FormKit.choice("channel", "Channel", offered, current: draft.channel, labels: labels),
        FormKit.choice(
          "connection", "Connection", connections, current: draft.connection,
          labels: connectionLabels),
        FormKit.text("subscriptionGroupId", "Group id", draft.subscriptionGroupId),
        FormKit.choice(
          "doubleOptIn", "Double opt-in", [no, yes], current: draft.doubleOptIn ? yes : no),
        FormKit.choice(
          "updateExistingOnly", "Existing only", [no, yes],
          current: draft.updateExistingOnly ? yes : no),
      ],
      focus: FocusStop(field: 0), codeEditedByHand: true, viewOnly: viewOnly)
    syncVisibility(&form)
    FormKit.finish(&form)
    return form
  }

  /// The channel the form describes. An option the chosen channel does not take is
  /// hidden and not kept, so that switching from SMS to email drops its double opt-in.
  static func channel(from form: FormState) -> TopicChannel {
    let kind = Channel(rawValue: form.field("channel")?.choiceValue ?? "")
    return TopicChannel(
      channel: form.field("channel")?.choiceValue ?? "",
      connection: form.field("connection")?.choiceValue ?? "",
      subscriptionGroupId: form.field("subscriptionGroupId")?.text ?? "",
      doubleOptIn: kind?.takesDoubleOptIn == true
        && form.field("doubleOptIn")?.choiceValue == yes,
      updateExistingOnly: kind == .push && form.field("updateExistingOnly")?.choiceValue == yes)
  }

  /// Push has no subscription group in Braze, so its field is hidden; double opt-in shows
  /// for SMS and WhatsApp only, and "existing only" for push only.
  static func syncVisibility(_ form: inout FormState) {
    let kind = Channel(rawValue: form.field("channel")?.choiceValue ?? "")
    let push = kind == .push
    if let index = form.index(of: "subscriptionGroupId") {
      form.fields[index].hidden = push
      form.fields[index].note = push ? "" : "a UUID from Braze; pasted quotes are dropped"
    }
    if let index = form.index(of: "doubleOptIn") {
      form.fields[index].hidden = kind?.takesDoubleOptIn != true
      form.fields[index].note = "yes: a subscribe runs Braze's double opt-in flow"
    }
    if let index = form.index(of: "updateExistingOnly") {
      form.fields[index].hidden = !push
      form.fields[index].note = "yes: a send never creates a Braze profile"
    }
    form.normalizeFocus()
  }

  /// Drops spaces and quotes from the group id as they arrive (a paste is a run of keys).
  static func trimGroupId(_ form: inout FormState) {
    let text = form.field("subscriptionGroupId")?.text ?? ""
    let trimmed = String(text.filter { !pastedJunk.contains($0) })
    if trimmed != text { form.setText("subscriptionGroupId", trimmed) }
  }

  /// The topic with the form's channel put in place, and the channel's position in it.
  static func candidate(_ form: FormState, _ slot: FormSlot, in workspace: Workspace)
    -> (Topic, Int, Int)?
  {
    guard let topicIndex = slot.parent else { return nil }
    let position = slot.index
    var topic = workspace.topics[topicIndex]
    var channel = channel(from: form)
    if channel.kind == .push { channel.subscriptionGroupId = "" }
    if let position {
      topic.channels[position] = channel
      return (topic, topicIndex, position)
    }
    topic.channels.append(channel)
    return (topic, topicIndex, topic.channels.count - 1)
  }

  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    guard let (topic, topicIndex, position) = candidate(form, slot, in: workspace) else { return }
    let problems = WorkspaceValidator.problems(forTopic: topic, at: topicIndex, context: context)
      .filter { $0.path.childList == "channels" && $0.path.childIndex == position }
    FormKit.place(problems, in: &form) { $0.path.field }
  }
}
