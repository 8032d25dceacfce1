/// The few lines at the top of help that say what the screen underneath is for.
enum SectionHelp {
  static func lines(_ state: ConsoleState) -> [String] {
    if let form = state.form { return formLines(form) }
    if case .lookup = state.screens.last {
      return [
        "Look up a person: type identity values, enter reads Braze's state for every topic and",
        "channel (one read per connection and group; push from /users/export/ids), shown as",
        "they arrive. ↑ ↓ pick a row, t test-sends it, esc cancels the reads or closes.",
      ]
    }
    if case .reconcile = state.screens.last {
      return [
        "Reconcile: a read-only compare of a preference export with Braze, 50 identifiers a",
        "read; esc stops it after the call in flight. Then the counts per topic × channel and",
        "a row per person that drifts, is unknown or was refused: / filters, enter looks the",
        "person up, t test-sends the row's topic and channel with the state the export says.",
      ]
    }
    if case .testSend = state.screens.last {
      return [
        "Test-send one signal: pick the channel, type the identity values, choose granted or",
        "denied. The preview is the exact request (the key is read when sending, never shown);",
        "enter sends it and journals it, esc cancels a call that is out, v reads the state back.",
      ]
    }
    if let children = state.childList {
      return children.kind == .channels
        ? [
          "The channels of one topic: each maps a channel to a connection and a Braze",
          "subscription group (push has none). n adds one of the channels the topic lacks.",
        ]
        : [
          "How each identity space is read on this property: where (type), which variable,",
          "its format and encoding, and for structured formats the key that holds it.",
        ]
    }
    if case .problems = state.screens.last {
      return ["Every problem of the workspace. enter goes to the record and the field at fault."]
    }
    if case .journalEntry(let view) = state.screens.last, case .run = view.content {
      return [
        "One reconcile run: what it read and sent, how it ended, then each batch it sent",
        "with its time, HTTP status, identifiers, rows Braze refused, groups and endpoint.",
      ]
    }
    if case .journalEntry = state.screens.last {
      return [
        "One journal entry in full: each request as sent (no API key is ever journaled),",
        "every attempt with Braze's answer and rate-limit headers, then how it ended.",
      ]
    }
    switch state.section {
    case .connections:
      return [
        "Connections: Braze instances with their API key source and identity mapping.",
        "Renaming a code renames it in every topic channel; delete lists its users first.",
      ]
    case .topics:
      return [
        "Topics: enter lists a topic's channels; e edits its name, code, legal basis.",
        "/ filters by code, name, channel, connection or group id (case and accents ignored).",
      ]
    case .identitySpaces:
      return [
        "Identity spaces: the kinds of identifier sites capture. One of them is the",
        "marketing preference identity; flagging another moves the flag to it.",
      ]
    case .properties:
      return [
        "Properties: sites and apps. enter lists how each identity is captured on one."
      ]
    case .history:
      return [
        "History: every test-send and verify (<workspace>.journal.jsonl), newest first; ✗",
        "marks a failure. / filters by time, topic, identity or outcome; enter opens one.",
      ]
    }
  }

  private static func formLines(_ form: FormState) -> [String] {
    switch form.purpose {
    case .newChannel, .editChannel:
      return [
        "Only the channels the topic does not have are offered. The group id is a UUID",
        "from Braze; spaces and quotes from a paste are dropped as they arrive.",
      ]
    case .newSpace, .editSpace:
      return ["Setting the marketing preference flag here clears it on every other space."]
    default:
      return ["The code follows the name until you edit it; renaming updates references."]
    }
  }
}
