import MizzenCore

/// Pieces every record form shares: name and code fields, choices that keep an unknown
/// stored value, and problems sorted under the fields.
enum FormKit {
  /// The name field, then the code field that follows the name until edited by hand.
  static func nameAndCode(_ name: String, _ code: String) -> [FormField] {
    [
      FormField(id: "name", label: "Name", value: .text(TextInput(name), masked: false)),
      FormField(id: "code", label: "Code", value: .text(TextInput(code), masked: false)),
    ]
  }

  static func text(_ id: String, _ label: String, _ value: String) -> FormField {
    FormField(id: id, label: label, value: .text(TextInput(value), masked: false))
  }

  /// A choice over `values` selecting `current`. A stored value that is not among them is
  /// kept as an option of its own, so opening and saving a form never changes it silently.
  static func choice(
    _ id: String, _ label: String, _ values: [String], current: String,
    labels: [String: String] = [:], problemField: String? = nil
  ) -> FormField {
    var options = values.map { ChoiceOption(value: $0, label: labels[$0] ?? $0) }
    if !values.contains(current) {
      options.insert(
        ChoiceOption(value: current, label: current.isEmpty ? "(none)" : current), at: 0)
    }
    let selected = options.firstIndex { $0.value == current } ?? 0
    return FormField(
      id: id, label: label, value: .choice(options: options, selected: selected),
      problemField: problemField)
  }

  /// A new code from the form's name, avoiding `taken`, unless the code was typed by hand.
  static func followName(_ form: inout FormState, taken: Set<String>, fallback: String) {
    guard !form.codeEditedByHand else { return }
    let name = form.field("name")?.text ?? ""
    let code = name.isEmpty ? "" : CodeGenerator.code(for: name, fallback: fallback, taken: taken)
    form.setText("code", code)
  }

  /// The note on the code field, and the focus on a field that is shown.
  static func syncCodeNote(_ form: inout FormState) {
    if let index = form.index(of: "code") {
      form.fields[index].note = form.codeEditedByHand ? "" : "from the name"
    }
    form.normalizeFocus()
  }

  /// Puts `problems` under the fields that name them; the rest go to the whole record.
  static func place(_ problems: [Problem], in form: inout FormState, field: (Problem) -> String?) {
    let shown = Set(form.fields.filter { !$0.hidden }.map(\.problemField))
    var byField: [String: [Problem]] = [:]
    for problem in problems {
      if let name = field(problem), shown.contains(name) {
        byField[name, default: []].append(problem)
      } else {
        byField["", default: []].append(problem)
      }
    }
    form.problems = byField
    form.rowProblems = [:]
  }

  /// A form ready to show: focus on the first field, content remembered for `isDirty`.
  static func finish(_ form: inout FormState) {
    syncCodeNote(&form)
    form.initialContent = form.content
  }
}
