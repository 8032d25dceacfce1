import MizzenCore

/// The form of one identity capture of a property: which identity space, and where and
/// how the site holds it.
enum CaptureForm {
  /// The form of `capture` of `property`, or of a new capture (nil); `purpose` says which.
  static func make(
    property: Property, purpose: FormState.Purpose, capture: IdentityCapture?,
    in workspace: Workspace, viewOnly: Bool
  ) -> FormState {
    let spaces = workspace.identitySpaces.map(\.code)
    let draft =
      capture
      ?? IdentityCapture(
        identitySpace: spaces.first ?? "", type: CaptureType.dataLayer.rawValue, variable: "",
        format: CaptureFormat.string.rawValue)
    var form = FormState(
      purpose: purpose,
      title: RecordForms.isEdit(purpose)
        ? "\(property.code) › \(draft.identitySpace)" : "New capture on \(property.code)",
      fields: [
        FormKit.choice("identitySpace", "Identity space", spaces, current: draft.identitySpace),
        FormKit.choice(
          "type", "Read from", CaptureType.allCases.map(\.rawValue), current: draft.type),
        FormKit.text("variable", "Variable", draft.variable),
        FormKit.choice(
          "format", "Format", CaptureFormat.allCases.map(\.rawValue), current: draft.format),
        FormKit.text("key", "Key", draft.key),
        FormKit.choice(
          "encoding", "Encoding", CaptureEncoding.allCases.map(\.rawValue),
          current: draft.encoding),
      ],
      focus: FocusStop(field: 0), codeEditedByHand: true, viewOnly: viewOnly)
    syncVisibility(&form)
    FormKit.finish(&form)
    return form
  }

  static func capture(from form: FormState) -> IdentityCapture {
    IdentityCapture(
      identitySpace: form.field("identitySpace")?.choiceValue ?? "",
      type: form.field("type")?.choiceValue ?? "",
      variable: form.field("variable")?.text ?? "",
      format: form.field("format")?.choiceValue ?? "",
      key: form.field("key")?.text ?? "",
      encoding: form.field("encoding")?.choiceValue ?? "")
  }

  /// The key names the part of a structured value to read; a plain string has none.
  static func syncVisibility(_ form: inout FormState) {
    guard let index = form.index(of: "key") else { return }
    let format = CaptureFormat(rawValue: form.field("format")?.choiceValue ?? "")
    let needsKey = format?.needsKey ?? true
    form.fields[index].hidden = !needsKey && form.fields[index].text.isEmpty
    form.fields[index].note = needsKey ? "which part of the value holds the identity" : ""
    form.normalizeFocus()
  }

  /// The property with the form's capture put in place, and the capture's position in it.
  static func candidate(_ form: FormState, _ slot: FormSlot, in workspace: Workspace)
    -> (Property, Int, Int)?
  {
    guard let propertyIndex = slot.parent else { return nil }
    let position = slot.index
    var property = workspace.properties[propertyIndex]
    if let position {
      property.identities[position] = capture(from: form)
      return (property, propertyIndex, position)
    }
    property.identities.append(capture(from: form))
    return (property, propertyIndex, property.identities.count - 1)
  }

  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    guard let (property, propertyIndex, position) = candidate(form, slot, in: workspace) else {
      return
    }
    let problems = WorkspaceValidator.problems(
      forProperty: property, at: propertyIndex, context: context
    ).filter { $0.path.childList == "identities" && $0.path.childIndex == position }
    FormKit.place(problems, in: &form) { $0.path.field }
  }
}
