/// Why a planned request is made.
public enum RequestPurpose: String, Sendable, Codable, CaseIterable {
  /// Changes the person's state in Braze.
  case send
  /// Reads the state back after a send.
  case verify
  /// A read-only call that proves a connection's key and endpoint work.
  case check
}
