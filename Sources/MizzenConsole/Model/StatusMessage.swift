/// A message in the status row: what it says, how important it is, and when it goes away.
/// It goes at the latest on the next key or click; `:messages` shows the last ones whole.
public struct StatusMessage: Equatable, Sendable {
  public enum Level: Equatable, Sendable {
    case info, success, warning, error
  }

  /// How many messages `:messages` keeps.
  public static let logLimit = 100

  public var text: String
  public var level: Level
  /// The tick count after which the message disappears; nil keeps it until replaced.
  public var expiresAtTick: Int?

  public init(_ text: String, level: Level, expiresAtTick: Int?) {
    self.text = text
    self.level = level
    self.expiresAtTick = expiresAtTick
  }

  /// Adds `message` to `log` (oldest first, at most `logLimit`), unless it repeats the
  /// newest one word for word.
  static func log(_ message: StatusMessage, in log: inout [StatusMessage]) {
    guard log.last?.text != message.text || log.last?.level != message.level else { return }
    log.append(message)
    if log.count > logLimit { log.removeFirst(log.count - logLimit) }
  }
}
