import MizzenCore

/// The connection form: which fields it has, how a connection fills them, and how they
/// become a connection again.
enum ConnectionForm {
  static let customEndpoint = "custom"
  static let environmentKey = "env"
  static let inlineKey = "inline"

  /// A new connection with the defaults of SPEC §2: the first instance, a key from the
  /// environment, and `email → email` when an email identity space exists.
  static func blank(in workspace: Workspace) -> Connection {
    let email = workspace.identitySpaces.first { $0.type == .email }
    return Connection(
      code: "", name: "", endpoint: EndpointCatalog.instances[0].restEndpoint,
      apiKey: .environment(""),
      identityMapping: email.map { [IdentityMapping(identitySpace: $0.code, field: .email)] } ?? [])
  }

  static func make(
    _ connection: Connection, purpose: FormState.Purpose, title: String, in workspace: Workspace,
    viewOnly: Bool
  ) -> FormState {
    let endpointOptions =
      EndpointCatalog.instances.map {
        ChoiceOption(value: $0.restEndpoint, label: $0.name + "  " + $0.restEndpoint)
      } + [ChoiceOption(value: customEndpoint, label: "Custom URL…")]
    let instance = EndpointCatalog.instance(for: connection.endpoint)
    let endpointIndex =
      instance.flatMap { found in endpointOptions.firstIndex { $0.value == found.restEndpoint } }
      ?? endpointOptions.count - 1
    let keyOptions = [
      ChoiceOption(value: environmentKey, label: "Environment variable (recommended)"),
      ChoiceOption(value: inlineKey, label: "Inline key, stored in the file"),
    ]
    var envName = ""
    var inlineValue = ""
    var isInline = false
    switch connection.apiKey {
    case .environment(let name): envName = name
    case .inline(let value):
      inlineValue = value
      isInline = true
    }
    var spaceCodes = workspace.identitySpaces.map(\.code)
    for mapping in connection.identityMapping where !spaceCodes.contains(mapping.identitySpace) {
      spaceCodes.append(mapping.identitySpace)
    }
    let spaceOptions = spaceCodes.map { ChoiceOption(value: $0, label: $0) }
    var fieldValues = BrazeField.allCases.map(\.rawValue)
    for mapping in connection.identityMapping where !fieldValues.contains(mapping.brazeField) {
      fieldValues.append(mapping.brazeField)
    }
    let fieldOptions = fieldValues.map { ChoiceOption(value: $0, label: $0) }
    let rows = connection.identityMapping.map { mapping in
      [
        spaceCodes.firstIndex(of: mapping.identitySpace) ?? 0,
        fieldValues.firstIndex(of: mapping.brazeField) ?? 0,
      ]
    }
    let isEdit: Bool
    if case .editConnection = purpose { isEdit = true } else { isEdit = false }
    var form = FormState(
      purpose: purpose, title: title,
      fields: [
        FormField(
          id: "name", label: "Name", value: .text(TextInput(connection.name), masked: false)),
        FormField(
          id: "code", label: "Code", value: .text(TextInput(connection.code), masked: false)),
        FormField(
          id: "endpointChoice", label: "Endpoint",
          value: .choice(options: endpointOptions, selected: endpointIndex),
          problemField: "endpoint"),
        FormField(
          id: "endpointURL", label: "Custom URL",
          value: .text(TextInput(instance == nil ? connection.endpoint : ""), masked: false),
          problemField: "endpoint"),
        FormField(
          id: "keySource", label: "API key from",
          value: .choice(options: keyOptions, selected: isInline ? 1 : 0),
          problemField: "apiKey"),
        FormField(
          id: "keyEnv", label: "Variable name", value: .text(TextInput(envName), masked: false),
          problemField: "apiKey"),
        FormField(
          id: "keyInline", label: "Key", value: .text(TextInput(inlineValue), masked: true),
          problemField: "apiKey"),
        FormField(
          id: "identityMapping", label: "Identity mapping",
          value: .rows(
            RowList(
              columns: [spaceOptions, fieldOptions], rows: rows, separator: " → ",
              addLabel: "+ add a mapping"))),
      ],
      focus: FocusStop(field: 0), codeEditedByHand: isEdit, viewOnly: viewOnly)
    syncVisibility(&form)
    form.initialContent = form.content
    return form
  }

  /// The connection the fields describe.
  static func connection(from form: FormState) -> Connection {
    let endpointChoice = form.field("endpointChoice")?.choiceValue ?? ""
    let endpoint =
      endpointChoice == customEndpoint ? form.field("endpointURL")?.text ?? "" : endpointChoice
    let key: APIKeySource =
      form.field("keySource")?.choiceValue == inlineKey
      ? .inline(form.field("keyInline")?.text ?? "")
      : .environment(form.field("keyEnv")?.text ?? "")
    var mapping: [IdentityMapping] = []
    if case .rows(let list) = form.field("identityMapping")?.value {
      mapping = list.rows.indices.map { row in
        let values = list.values(ofRow: row)
        return IdentityMapping(identitySpace: values[0], brazeField: values[1])
      }
    }
    return Connection(
      code: form.field("code")?.text ?? "", name: form.field("name")?.text ?? "",
      endpoint: endpoint, apiKey: key, identityMapping: mapping)
  }

  /// Shows the fields the current choices call for, and explains the code field.
  static func syncVisibility(_ form: inout FormState) {
    let custom = form.field("endpointChoice")?.choiceValue == customEndpoint
    let inline = form.field("keySource")?.choiceValue == inlineKey
    for index in form.fields.indices {
      switch form.fields[index].id {
      case "endpointURL": form.fields[index].hidden = !custom
      case "keyEnv": form.fields[index].hidden = inline
      case "keyInline":
        form.fields[index].hidden = !inline
        form.fields[index].note = "only the last 4 characters are ever shown"
      case "code":
        form.fields[index].note = form.codeEditedByHand ? "" : "from the name"
      default: break
      }
    }
    form.normalizeFocus()
  }

  /// After the name changed: the code follows it until the code is edited by hand.
  static func nameChanged(_ form: inout FormState, _ slot: FormSlot, in workspace: Workspace) {
    guard !form.codeEditedByHand else { return }
    var taken = Set(workspace.connections.map(\.code))
    if let index = slot.index { taken.remove(workspace.connections[index].code) }
    let name = form.field("name")?.text ?? ""
    let code =
      name.isEmpty ? "" : CodeGenerator.code(for: name, fallback: "connection", taken: taken)
    form.setText("code", code)
  }

  /// The workspace as it would be with the form saved, and where the record sits in it.
  static func candidate(_ form: FormState, _ slot: FormSlot, in workspace: Workspace)
    -> (Workspace, Int)
  {
    var result = workspace
    let connection = connection(from: form)
    if let index = slot.index {
      result.connections[index] = connection
      return (result, index)
    }
    result.connections.append(connection)
    return (result, result.connections.count - 1)
  }

  /// Recomputes the problems shown under the fields: the draft checked against the saved
  /// workspace's prebuilt `context`.
  static func refreshProblems(
    _ form: inout FormState, _ slot: FormSlot, in workspace: Workspace,
    context: ValidationContext
  ) {
    let index = slot.index ?? workspace.connections.count
    let draft = connection(from: form)
    let visibleFields = Set(form.fields.filter { !$0.hidden }.map(\.problemField))
    var byField: [String: [Problem]] = [:]
    var byRow: [Int: [Problem]] = [:]
    for problem in WorkspaceValidator.problems(forConnection: draft, at: index, context: context) {
      if problem.path.childList == "identityMapping", let row = problem.path.childIndex {
        byRow[row, default: []].append(problem)
      } else if let field = problem.path.field, visibleFields.contains(field) {
        byField[field, default: []].append(problem)
      } else {
        byField["", default: []].append(problem)
      }
    }
    form.problems = byField
    form.rowProblems = byRow
  }
}
