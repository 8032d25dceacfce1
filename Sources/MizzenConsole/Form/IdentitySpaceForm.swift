import MizzenCore

/// The identity space form: name, code, value type and the marketing preference flag.
enum IdentitySpaceForm {
  static let yes = "yes"
  static let no = "no"

  static func make(
    _ space: IdentitySpace, purpose: FormState.Purpose, title: String, viewOnly: Bool
  ) -> FormState {
    var form = FormState(
      purpose: purpose, title: title,
      fields: FormKit.nameAndCode(space.name, space.code) + [
        FormKit.choice(
          "valueType", "Value type", IdentityValueType.allCases.map(\.rawValue),
          current: space.valueType),
        FormKit.choice(
          "marketingPreference", "Marketing pref.", [no, yes],
          current: space.marketingPreference ? yes : no,
          labels: [no: "no", yes: "yes — the marketing preference identity"]),
      ],
      focus: FocusStop(field: 0), codeEditedByHand: purpose != .newSpace, viewOnly: viewOnly)
    FormKit.finish(&form)
    return form
  }

  static func space(from form: FormState) -> IdentitySpace {
    IdentitySpace(
      code: form.field("code")?.text ?? "", name: form.field("name")?.text ?? "",
      valueType: form.field("valueType")?.choiceValue ?? "",
      marketingPreference: form.field("marketingPreference")?.choiceValue == yes)
  }

  static func index(_ slot: FormSlot, _ workspace: Workspace) -> Int {
    slot.index ?? workspace.identitySpaces.count
  }

  static func nameChanged(_ form: inout FormState, _ slot: FormSlot, in workspace: Workspace) {
    var taken = Set(workspace.identitySpaces.map(\.code))
    if let index = slot.index { taken.remove(workspace.identitySpaces[index].code) }
    FormKit.followName(&form, taken: taken, fallback: "identity")
  }

  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    let problems = WorkspaceValidator.problems(
      forIdentitySpace: space(from: form), at: index(slot, workspace), context: context
    ).filter { $0.rule != "identity-space.marketing-preference.multiple" || !clearsOthers(form) }
    FormKit.place(problems, in: &form) { $0.path.field }
    // Before the save, not only after it: which space gives up the flag.
    if let at = form.index(of: "marketingPreference") {
      let others =
        clearsOthers(form)
        ? workspace.identitySpaces.indices.filter {
          $0 != slot.index && workspace.identitySpaces[$0].marketingPreference
        }.map { TerminalText.escaped(workspace.identitySpaces[$0].code) } : []
      form.fields[at].note =
        others.isEmpty
        ? "" : "saving unmarks \(others.joined(separator: ", ")): only one space has it"
    }
  }

  /// True when saving sets the flag: the other spaces lose theirs, so a "two spaces are
  /// flagged" problem would not survive the save and is not shown.
  static func clearsOthers(_ form: FormState) -> Bool {
    form.field("marketingPreference")?.choiceValue == yes
  }
}
