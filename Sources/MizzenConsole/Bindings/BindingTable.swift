/// The one table of key bindings and `:` commands. Dispatch (of keys and of the `:` line),
/// the hint strip, the `?` help overlay and the list of commands are all read from the
/// console's table (the defaults with config.json's remaps), so they cannot disagree; the
/// generated key reference is read from the defaults. Each row names what its action needs
/// (``BindingRequirement``), so a key, its command and help give the same reason.
public struct BindingTable: Equatable, Sendable {
  /// The rows, in the order help lists them.
  public var rows: [Binding]

  public init(rows: [Binding]) { self.rows = rows }

  /// The default keys.
  public static let standard = BindingTable(rows: all)

  private static func char(_ text: String) -> [Key] { text.map { Key.character($0) } }

  public static let all: [Binding] = [
    Binding(char("1"), .showConnections, .global, "Connections", commands: ["connections"]),
    Binding(char("2"), .showTopics, .global, "Topics", commands: ["topics"]),
    Binding(char("3"), .showSpaces, .global, "Identity spaces", commands: ["spaces"]),
    Binding(char("4"), .showProperties, .global, "Properties", commands: ["properties"]),
    Binding(char("5"), .showHistory, .global, "History", commands: ["history"]),
    Binding([.tab], .nextSection, .global, "next section"),
    Binding([.backTab], .previousSection, .global, "previous section"),
    Binding([.character(":")], .command, .global, "command line", hint: true),
    Binding([.character("?")], .help, .global, "help", hint: true, commands: ["help"]),
    Binding(
      [.character("p")], .problems, .global, "every problem of the workspace",
      commands: ["problems"]),
    Binding([], .messages, .global, "show the last 100 messages whole", commands: ["messages"]),
    Binding([], .saveStatus, .global, "say whether every change is saved", commands: ["w"]),
    Binding(
      [], .allowWrites, .global, "allow changes and saves to a file opened read-only",
      commands: ["w!"], requires: [.readOnlyByFile]),
    Binding(
      [], .reconcile, .global, "compare a preference export FILE with Braze (read-only)",
      commands: ["reconcile"], argument: "FILE"),
    Binding(
      [.character("z")], .undo, .global, "undo the last change", hint: true,
      requires: [.somethingToUndo]),
    Binding(
      [.character("Z")], .redo, .global, "redo what was undone", requires: [.somethingToRedo]),
    Binding(
      [.character("r")], .reload, .global, "reload the workspace file",
      requires: [.noSaveInFlight]),
    Binding(
      [.character("q")], .quit, .global, "quit", hint: true, commands: ["q", "quit"],
      requires: [.topLevel]),

    Binding([.up, .character("k")], .moveUp, .list, "move up"),
    Binding([.down, .character("j")], .moveDown, .list, "move down"),
    Binding([.pageUp], .pageUp, .list, "page up"),
    Binding([.pageDown], .pageDown, .list, "page down"),
    Binding([.character("g"), .home], .moveTop, .list, "first row"),
    Binding([.character("G"), .end], .moveBottom, .list, "last row"),
    Binding([.enter], .open, .list, "open", hint: true, requires: [.openable]),
    Binding([.character("/")], .filter, .list, "filter", hint: true),
    Binding([.character("n")], .new, .list, "new", hint: true, requires: [.canCreate]),
    Binding([.character("e")], .edit, .list, "edit", hint: true, requires: [.recordSelected]),
    Binding([.character("d")], .delete, .list, "delete", hint: true, requires: [.recordSelected]),
    Binding(
      [.character("c")], .clone, .list, "clone", hint: true,
      requires: [.recordSelected, .cloneable]),
    Binding([.escape], .back, .list, "clear the filter, else go back (never quits)"),
    Binding(
      [.character("x")], .checkConnection, .list, "check the connection (read-only call)",
      requires: [.connectionSelected]),
    Binding(
      [.character("P")], .permissions, .list, "the Braze permissions the connection needs",
      requires: [.connectionSelected]),
    Binding(
      [.character("t")], .testSend, .list, "test-send a signal of the topic or channel",
      hint: "test-send", requires: [.testSendable]),

    Binding([.character("L")], .lookUp, .global, "look up a person's real state in Braze"),

    Binding(
      [.enter], .send, .lookup, "read the person's state from Braze", hint: "look up",
      requires: [.lookupReady]),
    Binding([.tab], .nextField, .lookup, "next field (the table last)", hint: true),
    Binding([.backTab], .previousField, .lookup, "previous field"),
    Binding([.down], .moveDown, .lookup, "next row"),
    Binding([.up], .moveUp, .lookup, "previous row"),
    Binding(
      [.character("t")], .testSend, .lookup, "test-send the selected row", hint: "test-send",
      requires: [.lookupRowSelected]),
    Binding([.escape], .back, .lookup, "cancel the reads, else close", hint: true),
    Binding([.function(1)], .help, .lookup, "help", hint: "help"),

    Binding([.up, .character("k")], .moveUp, .reconcile, "previous report row"),
    Binding([.down, .character("j")], .moveDown, .reconcile, "next report row"),
    Binding([.pageUp], .pageUp, .reconcile, "page up"),
    Binding([.pageDown], .pageDown, .reconcile, "page down"),
    Binding([.character("g"), .home], .moveTop, .reconcile, "first report row"),
    Binding([.character("G"), .end], .moveBottom, .reconcile, "last report row"),
    Binding(
      [.character("/")], .filter, .reconcile, "filter the report", hint: true,
      requires: [.reconcileReport]),
    Binding(
      [.enter], .open, .reconcile, "look the row's person up in Braze", hint: "look up",
      requires: [.reconcileRowUsable]),
    Binding(
      [.character("t")], .testSend, .reconcile, "test-send the row's topic and channel",
      hint: "test-send", requires: [.reconcileRowUsable]),
    Binding(
      [.escape], .back, .reconcile,
      "stop the run after the call in flight, else clear the filter, else close", hint: "back"),
    Binding([.character("?"), .function(1)], .help, .reconcile, "help"),

    Binding(
      [.enter], .send, .testSend, "send (after a result: edit again)", hint: true,
      requires: [.noCallUnderWay]),
    Binding([.tab, .down], .nextField, .testSend, "next field", hint: true),
    Binding([.backTab, .up], .previousField, .testSend, "previous field"),
    Binding([.right], .nextOption, .testSend, "next channel or choice"),
    Binding([.left], .previousOption, .testSend, "previous channel or choice"),
    Binding(
      [.character("v")], .verify, .testSend, "verify: read the state back", hint: true,
      requires: [.verifiable]),
    Binding([.escape], .back, .testSend, "cancel the send, else close", hint: true),
    Binding([.function(1)], .help, .testSend, "help (? types into a value field)", hint: "help"),

    Binding([.down, .character("j")], .moveDown, .journalEntry, "scroll down", hint: true),
    Binding([.up, .character("k")], .moveUp, .journalEntry, "scroll up"),
    Binding([.pageDown], .pageDown, .journalEntry, "page down", hint: true),
    Binding([.pageUp], .pageUp, .journalEntry, "page up"),
    Binding([.character("g"), .home], .moveTop, .journalEntry, "top"),
    Binding([.character("G"), .end], .moveBottom, .journalEntry, "end"),
    Binding([.escape], .back, .journalEntry, "back to History", hint: true),

    Binding([.tab, .down], .nextField, .form, "next field", hint: true),
    Binding([.backTab, .up], .previousField, .form, "previous field"),
    Binding([.enter], .choose, .form, "open the field's choices", hint: true),
    Binding([.right], .nextOption, .form, "next choice", requires: [.editableForm]),
    Binding([.left], .previousOption, .form, "previous choice", requires: [.editableForm]),
    Binding([.control("s")], .save, .form, "save", hint: true, requires: [.savableForm]),
    Binding([.escape], .back, .form, "close (asks before discarding changes)", hint: true),
    Binding([.function(1)], .help, .form, "help"),

    Binding(
      [.character("a")], .addRow, .formRow, "add a mapping below", hint: true,
      requires: [.editableForm, .identitySpaceDefined]),
    Binding(
      [.delete, .backspace], .removeRow, .formRow, "remove the mapping", hint: true,
      requires: [.editableForm, .onMappingRow]),
    Binding(
      [.character("[")], .moveRowUp, .formRow, "move the mapping up", hint: true,
      requires: [.editableForm, .onMappingRow]),
    Binding(
      [.character("]")], .moveRowDown, .formRow, "move the mapping down", hint: true,
      requires: [.editableForm, .onMappingRow]),

    Binding([.up], .moveUp, .chooser, "move up"),
    Binding([.down], .moveDown, .chooser, "move down"),
    Binding([.pageUp], .pageUp, .chooser, "page up"),
    Binding([.pageDown], .pageDown, .chooser, "page down"),
    Binding([.home], .moveTop, .chooser, "first choice"),
    Binding([.end], .moveBottom, .chooser, "last choice"),
    Binding([.enter], .accept, .chooser, "choose", hint: true, requires: [.choiceVisible]),
    Binding([.escape], .back, .chooser, "clear what was typed, else cancel", hint: true),
    Binding([.function(1)], .help, .chooser, "help (typing filters the choices)"),

    Binding([.tab, .right, .character("l")], .nextButton, .dialog, "next button", hint: true),
    Binding([.backTab, .left, .character("h")], .previousButton, .dialog, "previous button"),
    Binding([.enter], .confirm, .dialog, "press the focused button", hint: true),
    Binding([.escape], .back, .dialog, "cancel", hint: true),
    Binding(
      [.control("s")], .save, .dialog, "save the form (when asked to discard it)",
      requires: [.formToSave]),
    Binding([.down, .character("j")], .moveDown, .dialog, "scroll down (when it does not fit)"),
    Binding([.up, .character("k")], .moveUp, .dialog, "scroll up"),
    Binding([.character("?"), .function(1)], .help, .dialog, "help"),

    Binding([.enter], .accept, .prompt, "accept", hint: true),
    Binding([.tab], .complete, .prompt, "complete the command", hint: true),
    Binding([.up], .moveUp, .prompt, "earlier command"),
    Binding([.down], .moveDown, .prompt, "later command"),
    Binding([.escape], .back, .prompt, "cancel", hint: true),

    Binding([.up, .character("k")], .moveUp, .help, "scroll up"),
    Binding([.down, .character("j")], .moveDown, .help, "scroll down"),
    Binding([.pageUp], .pageUp, .help, "page up"),
    Binding([.pageDown, .character(" ")], .pageDown, .help, "page down"),
    Binding([.escape, .character("?"), .character("q")], .back, .help, "close help", hint: true),
  ]

  /// How text is edited in a form field. Typing is not a binding, so these keys are not
  /// rows of the table; help and the key reference both quote this one sentence.
  public static let textFieldKeys =
    "type to edit; ← → Home End move, backspace delete, ctrl-w deletes a word, ctrl-u clears"

  /// The binding for `key` in the first of `contexts` that has one.
  public func binding(for key: Key, in contexts: [BindingContext]) -> Binding? {
    for context in contexts {
      if let found = rows.first(where: { $0.context == context && $0.keys.contains(key) }) {
        return found
      }
    }
    return nil
  }

  /// The binding the `:` line knows as `command` (lower case, no `:`) in the first of
  /// `contexts` that has one.
  public func binding(forCommand command: String, in contexts: [BindingContext]) -> Binding? {
    bindings(in: contexts).first { $0.commands.contains(command) }
  }

  /// The bindings of these contexts, in table order.
  public func bindings(in contexts: [BindingContext]) -> [Binding] {
    contexts.flatMap { context in rows.filter { $0.context == context } }
  }
}
