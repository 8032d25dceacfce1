/// Why a reconcile could not run at all (exit status 2): an unreadable input or
/// checkpoint, a header that names no identity space, a connection without a key…
public struct ReconcileError: Error, Equatable, Sendable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}
