import MizzenCore

/// The console as pure logic: state, events, update and render, with no terminal inside.
public enum ConsoleInfo {
  public static let name = "mizzen-console"
}
