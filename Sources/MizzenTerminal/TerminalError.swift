/// Why the console cannot take over the terminal, as a message a person can act on.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    case notATerminal, notUTF8, cannotStart, noCursesLibrary
  }

  public var kind: Kind
  public var message: String

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  static func notATerminal(_ streams: [String]) -> TerminalError {
    TerminalError(
      kind: .notATerminal,
      message: "the console needs a terminal, but \(streams.joined(separator: " and ")) "
        + "\(streams.count == 1 ? "is" : "are") not one (a pipe or a file?); run mizzen in "
        + "a terminal, or use a headless command such as `mizzen validate`")
  }

  static func notUTF8(codeset: String) -> TerminalError {
    TerminalError(
      kind: .notUTF8,
      message: "the console needs a UTF-8 locale, but the current one uses \(codeset): names "
        + "outside ASCII would show as blanks and typed text would be misread; set one, e.g. "
        + "`export LANG=C.UTF-8`")
  }

  static func noCursesLibrary(_ reason: String) -> TerminalError {
    TerminalError(
      kind: .noCursesLibrary,
      message: "the console needs the system's ncursesw library, which could not be loaded: "
        + "\(reason); install it, e.g. `apt-get install libncursesw6`, or use a headless "
        + "command such as `mizzen validate`")
  }

  static func cannotStart(terminalType: String) -> TerminalError {
    TerminalError(
      kind: .cannotStart,
      message: "cannot start the console on a terminal of type \"\(terminalType)\": it is not "
        + "in the terminfo database; set TERM to a known type, e.g. `export TERM=xterm-256color`")
  }
}
