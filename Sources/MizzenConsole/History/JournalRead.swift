import MizzenCore

/// The signal journal as read from its file, newest first, with the filter's search key of
/// each entry (`HistoryList.searchKeys`), made where the file was read, away from the key
/// loop: the loop only installs them. Making 10,000 keys on the loop held opening History
/// at 10 ms, over its 5 ms budget.
public struct JournalRead: Sendable {
  public let entries: NewestFirst
  /// One key per entry, newest first.
  let keys: SearchKeyList

  /// The entries oldest first, as stored.
  public init(_ stored: [JournalEntry]) {
    entries = NewestFirst(stored)
    keys = HistoryList.searchKeys(entries)
  }
}
