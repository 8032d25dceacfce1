/// A message in the status row: what it says, how important it is, and when it goes away.
public struct StatusMessage: Equatable, Sendable {
  public enum Level: Equatable, Sendable {
    case info, success, warning, error
  }

  public var text: String
  public var level: Level
  /// The tick count after which the message disappears; nil keeps it until replaced.
  public var expiresAtTick: Int?

  public init(_ text: String, level: Level, expiresAtTick: Int?) {
    self.text = text
    self.level = level
    self.expiresAtTick = expiresAtTick
  }
}
