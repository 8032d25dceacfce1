/// A fault the sandbox applies to one request instead of (or before) serving it normally.
public enum SandboxFault: Sendable, Equatable {
  /// Answer with this HTTP status and a short JSON body, without touching any state.
  case status(Int)
  /// Read the request, then close the connection without answering.
  case dropConnection
  /// Wait this long, then serve the request normally.
  case delay(Duration)
}
