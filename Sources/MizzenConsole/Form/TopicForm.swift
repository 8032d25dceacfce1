import MizzenCore

/// The topic form: name, code, description and legal basis. Channels are edited in the
/// topic's channel list.
enum TopicForm {
  static func make(_ topic: Topic, purpose: FormState.Purpose, title: String, viewOnly: Bool)
    -> FormState
  {
    var form = FormState(
      purpose: purpose, title: title,
      fields: FormKit.nameAndCode(topic.name, topic.code) + [
        FormKit.text("description", "Description", topic.description),
        FormKit.choice(
          "legalBasis", "Legal basis", [""] + LegalBasis.codes, current: topic.legalBasis,
          labels: ["": "(none)"]),
      ],
      focus: FocusStop(field: 0), codeEditedByHand: purpose != .newTopic, viewOnly: viewOnly)
    FormKit.finish(&form)
    return form
  }

  /// The topic the fields describe, keeping the channels of `base`.
  static func topic(from form: FormState, base: Topic) -> Topic {
    var topic = base
    topic.name = form.field("name")?.text ?? ""
    topic.code = form.field("code")?.text ?? ""
    topic.description = form.field("description")?.text ?? ""
    topic.legalBasis = form.field("legalBasis")?.choiceValue ?? ""
    return topic
  }

  static func base(_ slot: FormSlot, _ workspace: Workspace) -> (Topic, Int) {
    if let index = slot.index { return (workspace.topics[index], index) }
    return (Topic(code: "", name: ""), workspace.topics.count)
  }

  static func nameChanged(_ form: inout FormState, _ slot: FormSlot, in workspace: Workspace) {
    var taken = Set(workspace.topics.map(\.code))
    if let index = slot.index { taken.remove(workspace.topics[index].code) }
    FormKit.followName(&form, taken: taken, fallback: "topic")
  }

  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    let (base, index) = base(slot, workspace)
    let draft = topic(from: form, base: base)
    let problems = WorkspaceValidator.problems(forTopic: draft, at: index, context: context)
      .filter { $0.path.childList == nil }
    FormKit.place(problems, in: &form) { $0.path.field }
  }
}
