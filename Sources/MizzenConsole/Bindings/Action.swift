/// Everything a key or a `:` command can do, by a stable name (`move.down`,
/// `record.delete`…) that help, documentation, config.json and tests refer to. Each is
/// triggered only through a row of the ``BindingTable``.
public enum Action: String, CaseIterable, Sendable {
  case showConnections = "section.connections"
  case showTopics = "section.topics"
  case showSpaces = "section.spaces"
  case showProperties = "section.properties"
  case showHistory = "section.history"
  case nextSection = "section.next"
  case previousSection = "section.previous"
  case moveUp = "move.up"
  case moveDown = "move.down"
  case pageUp = "move.page-up"
  case pageDown = "move.page-down"
  case moveTop = "move.top"
  case moveBottom = "move.bottom"
  case open = "record.open"
  case back = "back"
  case filter = "filter"
  case command = "command"
  case problems = "problems"
  case help = "help"
  case messages = "messages"
  case saveStatus = "workspace.save-status"
  case allowWrites = "workspace.allow-writes"
  case reconcile = "reconcile"
  case new = "record.new"
  case edit = "record.edit"
  case delete = "record.delete"
  case clone = "record.clone"
  case undo = "undo"
  case redo = "redo"
  case reload = "reload"
  case quit = "quit"
  case nextField = "form.next-field"
  case previousField = "form.previous-field"
  case save = "form.save"
  case choose = "form.choose"
  case nextOption = "form.next-option"
  case previousOption = "form.previous-option"
  case addRow = "form.add-row"
  case removeRow = "form.remove-row"
  case moveRowUp = "form.move-row-up"
  case moveRowDown = "form.move-row-down"
  case nextButton = "dialog.next-button"
  case previousButton = "dialog.previous-button"
  case confirm = "dialog.confirm"
  case accept = "prompt.accept"
  case complete = "prompt.complete"
  case testSend = "signal.test-send"
  case send = "signal.send"
  case verify = "signal.verify"
  case checkConnection = "connection.check"
  case permissions = "connection.permissions"
  case lookUp = "person.look-up"

  /// Actions that change the workspace: stripped under `--read-only`.
  public var isDangerous: Bool {
    switch self {
    case .new, .edit, .delete, .clone, .undo, .redo, .save, .addRow, .removeRow, .moveRowUp,
      .moveRowDown:
      return true
    default:
      return false
    }
  }
}
