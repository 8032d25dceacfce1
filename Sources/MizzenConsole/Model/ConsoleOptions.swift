/// How the console was started: settings that do not change while it runs.
public struct ConsoleOptions: Equatable, Sendable {
  /// True with `--read-only`: every change is disabled, and says so.
  public var readOnly: Bool
  /// The workspace file, as shown in the header.
  public var workspacePath: String

  public init(readOnly: Bool = false, workspacePath: String) {
    self.readOnly = readOnly
    self.workspacePath = workspacePath
  }
}
