/// One record of the workspace, top-level or nested, by position.
public enum RecordRef: Equatable, Sendable {
  case connection(Int)
  case topic(Int)
  case channel(topic: Int, index: Int)
  case identitySpace(Int)
  case property(Int)
  case capture(property: Int, index: Int)

  /// The record kind in the singular, for messages ("channel").
  var noun: String {
    switch self {
    case .connection: return "connection"
    case .topic: return "topic"
    case .channel: return "channel"
    case .identitySpace: return "identity space"
    case .property: return "property"
    case .capture: return "identity capture"
    }
  }
}
