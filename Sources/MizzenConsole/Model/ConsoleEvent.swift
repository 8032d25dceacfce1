/// Everything that can happen to the console; `ConsoleModel.update` consumes one at a time.
public enum ConsoleEvent: Sendable {
  case key(Key)
  /// Printable text typed at once (one read from the terminal): typed as one edit into a
  /// text input with the focus, else key by key.
  case text(String)
  /// Text the terminal marked as pasted: typed into a text input, refused elsewhere.
  case paste(String)
  case mouse(MouseEvent)
  case resize(Size)
  /// Time passing, sent every `ConsoleModel.tickInterval` while the console runs: it
  /// expires status messages and turns the spinner.
  case tick
  /// ctrl-c (SIGINT): quits, asking first when changes would be lost, as `q` does.
  case interrupt
  /// The outcome of an `Effect` the caller ran.
  case effectCompleted(EffectResult)
}
