import MizzenCore

/// The property form: name, code and platform. Identity captures are edited in the
/// property's capture list.
enum PropertyForm {
  static func make(
    _ property: Property, purpose: FormState.Purpose, title: String, viewOnly: Bool
  ) -> FormState {
    var form = FormState(
      purpose: purpose, title: title,
      fields: FormKit.nameAndCode(property.name, property.code) + [
        FormKit.text("platform", "Platform", property.platform)
      ],
      focus: FocusStop(field: 0), codeEditedByHand: purpose != .newProperty, viewOnly: viewOnly)
    if let index = form.index(of: "platform") { form.fields[index].note = "web, ios, android…" }
    FormKit.finish(&form)
    return form
  }

  static func property(from form: FormState, base: Property) -> Property {
    var property = base
    property.name = form.field("name")?.text ?? ""
    property.code = form.field("code")?.text ?? ""
    property.platform = form.field("platform")?.text ?? ""
    return property
  }

  static func base(_ slot: FormSlot, _ workspace: Workspace) -> (Property, Int) {
    if let index = slot.index { return (workspace.properties[index], index) }
    return (Property(code: "", name: "", platform: "web"), workspace.properties.count)
  }

  static func nameChanged(_ form: inout FormState, _ slot: FormSlot, in workspace: Workspace) {
    var taken = Set(workspace.properties.map(\.code))
    if let index = slot.index { taken.remove(workspace.properties[index].code) }
    FormKit.followName(&form, taken: taken, fallback: "property")
  }

  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    let (base, index) = base(slot, workspace)
    let problems = WorkspaceValidator.problems(
      forProperty: property(from: form, base: base), at: index, context: context
    ).filter { $0.path.childList == nil }
    FormKit.place(problems, in: &form) { $0.path.field }
  }
}
