import CNcursesw
import MizzenConsole

/// The only module that talks to curses.
public enum TerminalInfo {
  public static let name = "mizzen-terminal"
}
