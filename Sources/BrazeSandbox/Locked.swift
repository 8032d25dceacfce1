import Foundation

/// A value guarded by a lock, shared between the server's connection threads.
///
/// The server runs on plain threads (one per connection), not on Swift concurrency, so a
/// lock is the natural guard; `NSLock` keeps the module buildable on every platform the
/// package names.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` with exclusive access to the value.
  func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result)
    throws(Failure) -> Result
  {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
