/// One option of a choice: the value stored and the label shown.
public struct ChoiceOption: Equatable, Sendable {
  public var value: String
  public var label: String

  public init(value: String, label: String) {
    self.value = value
    self.label = label
  }
}

/// One field of a generic form.
public struct FormField: Equatable, Sendable {
  /// What the field holds and how it is edited.
  public enum Value: Equatable, Sendable {
    /// Free text. A masked field never shows its content, only `APIKeySource.mask` of it.
    case text(TextInput, masked: Bool)
    /// One of a fixed list of options; enter opens the list, ← → step through it.
    case choice(options: [ChoiceOption], selected: Int)
    /// An ordered list of rows, each a choice per column (the identity-mapping editor).
    case rows(RowList)
  }

  /// Stable name, e.g. `name`, `endpointChoice`.
  public var id: String
  public var label: String
  public var value: Value
  /// The model field that problems name (`ProblemPath.field`), e.g. `endpoint`.
  public var problemField: String
  public var hidden: Bool
  /// A dim note shown after the value, e.g. "generated from the name".
  public var note: String

  public init(
    id: String, label: String, value: Value, problemField: String? = nil, hidden: Bool = false,
    note: String = ""
  ) {
    self.id = id
    self.label = label
    self.value = value
    self.problemField = problemField ?? id
    self.hidden = hidden
    self.note = note
  }

  /// The text of a text field, "" otherwise.
  public var text: String {
    if case .text(let input, _) = value { return input.text }
    return ""
  }

  /// The value of the selected option of a choice field, "" otherwise.
  public var choiceValue: String {
    if case .choice(let options, let selected) = value, options.indices.contains(selected) {
      return options[selected].value
    }
    return ""
  }
}

/// The rows of a list-editor field: each row picks one option per column.
public struct RowList: Equatable, Sendable {
  public var columns: [[ChoiceOption]]
  /// Per row, the selected option index of each column.
  public var rows: [[Int]]
  /// Joins the columns of a row when shown, e.g. " → ".
  public var separator: String
  /// The label of the last stop, which adds a row.
  public var addLabel: String

  public init(columns: [[ChoiceOption]], rows: [[Int]], separator: String, addLabel: String) {
    self.columns = columns
    self.rows = rows
    self.separator = separator
    self.addLabel = addLabel
  }

  /// The stored values of a row, one per column.
  public func values(ofRow row: Int) -> [String] {
    rows[row].enumerated().map { column, selected in
      columns[column].indices.contains(selected) ? columns[column][selected].value : ""
    }
  }
}

/// A place the focus can rest in a form: a field, or one cell of a list editor
/// (`row == rows.count` is the "add" stop).
public struct FocusStop: Equatable, Hashable, Sendable {
  public var field: Int
  public var row: Int
  public var column: Int

  public init(field: Int, row: Int = 0, column: Int = 0) {
    self.field = field
    self.row = row
    self.column = column
  }
}
