import MizzenCore

/// A form on screen: its fields, where the focus is, and the problems found as you type.
///
/// The editing here is generic (text, choices, list editors); what the form is for, and
/// how its fields become a record, lives in `purpose` and the record's form type.
public struct FormState: Equatable, Sendable {
  /// What saving the form does, naming records by identity: the form of a record that
  /// is deleted or undone away while it is open closes instead of saving over another.
  public enum Purpose: Equatable, Sendable {
    case newConnection
    case editConnection(RecordID)
    case newTopic
    case editTopic(RecordID)
    case newChannel(topic: RecordID)
    case editChannel(topic: RecordID, channel: RecordID)
    case newSpace
    case editSpace(RecordID)
    case newProperty
    case editProperty(RecordID)
    case newCapture(property: RecordID)
    case editCapture(property: RecordID, capture: RecordID)
  }

  public var purpose: Purpose
  public var title: String
  public var fields: [FormField]
  public var focus: FocusStop
  /// First line of the form shown (forms taller than the screen scroll).
  public var scroll: Int = 0
  /// True once the code was typed by hand: it no longer follows the name.
  public var codeEditedByHand: Bool
  /// Problems of the record being edited, by `FormField.problemField`; "" holds those of
  /// the record as a whole. Recomputed after every change.
  public var problems: [String: [Problem]] = [:]
  /// Problems of list-editor rows, by row index.
  public var rowProblems: [Int: [Problem]] = [:]
  /// True when the form was opened only to look (read-only console).
  public var viewOnly: Bool
  /// What the fields held when the form opened, to tell whether anything changed.
  public var initialContent: [String] = []

  /// The content of every field as text (cursor positions left out).
  public var content: [String] {
    fields.map { field in
      switch field.value {
      case .text(let input, _): return input.text
      case .choice: return field.choiceValue
      case .rows(let list):
        return list.rows.indices.map { list.values(ofRow: $0).joined(separator: "\u{1F}") }
          .joined(separator: "\u{1E}")
      }
    }
  }

  /// True when any field differs from what it held when the form opened.
  public var isDirty: Bool { content != initialContent }

  /// Fields the focus has left: their problems show from then on.
  public var visited: Set<Int> = []

  /// Whether the problems of model field `problemField` ("" for the record as a whole)
  /// show: a new form opens quiet, and a field's problems show once it was changed or the
  /// focus left it. A record being edited shows its problems at once.
  public func showsProblems(of problemField: String) -> Bool {
    if viewOnly || RecordForms.isEdit(purpose) { return true }
    let current = content
    return fields.indices.contains { index in
      (problemField.isEmpty || fields[index].problemField == problemField)
        && (visited.contains(index)
          || (initialContent.indices.contains(index) && current[index] != initialContent[index]))
    }
  }

  /// Every place the focus can rest, in order, skipping hidden fields.
  public var stops: [FocusStop] {
    var out: [FocusStop] = []
    for (index, field) in fields.enumerated() where !field.hidden {
      if case .rows(let list) = field.value {
        for row in list.rows.indices {
          for column in list.columns.indices {
            out.append(FocusStop(field: index, row: row, column: column))
          }
        }
        out.append(FocusStop(field: index, row: list.rows.count, column: 0))
      } else {
        out.append(FocusStop(field: index))
      }
    }
    return out
  }

  public var focusedField: FormField { fields[focus.field] }

  /// The index of the field with this id.
  public func index(of id: String) -> Int? { fields.firstIndex { $0.id == id } }

  /// The field with this id.
  public func field(_ id: String) -> FormField? { index(of: id).map { fields[$0] } }

  /// True when the focus is on a row (not the "add" stop) of a list editor.
  var isOnRow: Bool {
    if case .rows(let list) = focusedField.value { return focus.row < list.rows.count }
    return false
  }

  /// Moves the focus `delta` stops along, wrapping around.
  mutating func moveFocus(_ delta: Int) {
    let all = stops
    guard !all.isEmpty else { return }
    let current = all.firstIndex(of: focus) ?? 0
    visited.insert(focus.field)
    focus = all[((current + delta) % all.count + all.count) % all.count]
  }

  /// Puts the focus back on a stop that exists (after rows or fields changed).
  mutating func normalizeFocus() {
    let all = stops
    if all.contains(focus) { return }
    focus = all.last { $0.field == focus.field && $0.row <= focus.row } ?? all.first ?? focus
  }

  /// Steps the focused choice (field or list-editor cell) by `delta` options, wrapping.
  mutating func stepChoice(_ delta: Int) -> Bool {
    switch fields[focus.field].value {
    case .choice(let options, let selected):
      guard !options.isEmpty else { return false }
      let next = ((selected + delta) % options.count + options.count) % options.count
      fields[focus.field].value = .choice(options: options, selected: next)
      return true
    case .rows(var list):
      guard focus.row < list.rows.count else { return false }
      let count = list.columns[focus.column].count
      guard count > 0 else { return false }
      let selected = list.rows[focus.row][focus.column]
      list.rows[focus.row][focus.column] = ((selected + delta) % count + count) % count
      fields[focus.field].value = .rows(list)
      return true
    case .text:
      return false
    }
  }

  /// Sets the focused choice to option `option`.
  mutating func setChoice(_ option: Int) {
    switch fields[focus.field].value {
    case .choice(let options, _):
      fields[focus.field].value = .choice(options: options, selected: option)
    case .rows(var list):
      guard focus.row < list.rows.count else { return }
      list.rows[focus.row][focus.column] = option
      fields[focus.field].value = .rows(list)
    case .text:
      return
    }
  }

  /// Applies an editing key to the focused text field; false when it is not one.
  mutating func editText(_ edit: TextInput.Edit) -> Bool {
    guard case .text(var input, let masked) = fields[focus.field].value else { return false }
    if masked {
      // A hidden key is only appended to or erased: moving a cursor through text nobody
      // can see helps no one.
      switch edit {
      case .text, .key(.character), .key(.backspace), .key(.control("u")):
        break
      default:
        return false
      }
    }
    guard input.apply(edit) else { return false }
    fields[focus.field].value = .text(input, masked: masked)
    return true
  }

  /// Sets the text of a text field.
  mutating func setText(_ id: String, _ text: String) {
    guard let index = index(of: id), case .text(var input, let masked) = fields[index].value
    else { return }
    input.set(text)
    fields[index].value = .text(input, masked: masked)
  }

  /// Adds a row below the focused one (or at the end from the "add" stop), copying
  /// `template` as its choices, and focuses it.
  mutating func addRow(_ template: [Int]) {
    guard case .rows(var list) = fields[focus.field].value else { return }
    let at = min(focus.row + 1, list.rows.count)
    list.rows.insert(template, at: at)
    fields[focus.field].value = .rows(list)
    focus = FocusStop(field: focus.field, row: at, column: 0)
  }

  mutating func removeRow() {
    guard case .rows(var list) = fields[focus.field].value, focus.row < list.rows.count
    else { return }
    list.rows.remove(at: focus.row)
    fields[focus.field].value = .rows(list)
    normalizeFocus()
  }

  /// Swaps the focused row with its neighbour; false at either end.
  mutating func moveRow(_ delta: Int) -> Bool {
    guard case .rows(var list) = fields[focus.field].value, focus.row < list.rows.count
    else { return false }
    let target = focus.row + delta
    guard list.rows.indices.contains(target) else { return false }
    list.rows.swapAt(focus.row, target)
    fields[focus.field].value = .rows(list)
    focus.row = target
    return true
  }
}
