/// The sections of the console, in tab order (keys 1–5).
public enum Section: Int, CaseIterable, Sendable {
  case connections = 1
  case topics
  case identitySpaces
  case properties
  case history

  public var title: String {
    switch self {
    case .connections: return "Connections"
    case .topics: return "Topics"
    case .identitySpaces: return "Identity spaces"
    case .properties: return "Properties"
    case .history: return "History"
    }
  }

  /// A shorter title for narrow terminals.
  public var shortTitle: String {
    switch self {
    case .connections: return "Conn"
    case .topics: return "Topics"
    case .identitySpaces: return "Spaces"
    case .properties: return "Props"
    case .history: return "History"
    }
  }

  /// The record kind in the singular, for messages ("connection").
  var recordNoun: String {
    switch self {
    case .connections: return "connection"
    case .topics: return "topic"
    case .identitySpaces: return "identity space"
    case .properties: return "property"
    case .history: return "journal entry"
    }
  }

  var next: Section { Section(rawValue: rawValue % 5 + 1) ?? .connections }
  var previous: Section { Section(rawValue: (rawValue + 3) % 5 + 1) ?? .connections }
}
