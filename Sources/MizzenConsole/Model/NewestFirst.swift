import MizzenCore

/// The signal journal newest first, over the entries in the order they are stored (oldest
/// first) without copying them: a 10,000-entry journal is read again after every send, and
/// reversing it into a new array cost more than everything else History does with it.
public struct NewestFirst: RandomAccessCollection, Equatable, Sendable {
  /// The entries as stored, oldest first.
  public let stored: [JournalEntry]

  public init(_ stored: [JournalEntry] = []) { self.stored = stored }

  public var startIndex: Int { 0 }
  public var endIndex: Int { stored.count }

  public subscript(position: Int) -> JournalEntry { stored[stored.count - 1 - position] }
}
