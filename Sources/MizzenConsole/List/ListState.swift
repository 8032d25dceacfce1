/// The state of one generic list screen: which records pass the filter, which row is
/// selected, and which row is at the top of the view.
///
/// Every record kind uses it. It holds record indices, not records, so moving the
/// selection costs nothing proportional to the list; only filtering walks the list, over
/// search keys made once per workspace change. Workspace records also have their identity
/// here, and the selection follows the selected record's identity across changes (a
/// delete, an undo), not its position.
public struct ListState: Equatable, Sendable {
  /// Lower-cased search text of every record, in record order.
  private(set) var searchKeys = SearchKeyList()
  /// The identity of every record, in record order; empty for lists of things that are not
  /// workspace records (History, problems), whose selection then keeps its position.
  private(set) var ids: [RecordID] = []
  /// The record indices that pass the filter, in record order.
  public private(set) var visible: [Int] = []
  /// Position of the selection within `visible`.
  public private(set) var selected: Int = 0
  /// Position within `visible` of the first row on screen.
  public private(set) var top: Int = 0
  /// The filter text, matched case-insensitively anywhere in a record's search text.
  public private(set) var filter: String = ""
  /// `filter` lower-cased as the search keys are.
  private var foldedFilter = ""

  /// The workspace version the search keys were made for (of the problems, for the
  /// problems list); nil for lists of what no workspace version names (History). A list
  /// is made again when it is shown and this is not the current version, so only the list
  /// on screen costs time.
  public private(set) var madeFor: Int?

  public init() {}

  /// The selected record's index, if any record is shown.
  public var selectedRecord: Int? {
    visible.indices.contains(selected) ? visible[selected] : nil
  }

  /// The selected record's identity, if any record is shown and records have one.
  public var selectedID: RecordID? {
    selectedRecord.flatMap { ids.indices.contains($0) ? ids[$0] : nil }
  }

  public var recordCount: Int { searchKeys.count }

  /// Replaces the records (after any workspace change), keeping the selected record when
  /// it still exists, found by identity when records have one, else the same position.
  mutating func reload(
    searchKeys keys: [String], ids newIDs: [RecordID] = [], selecting record: Int? = nil,
    version: Int? = nil
  ) {
    reload(keys: SearchKeyList(keys), ids: newIDs, selecting: record, version: version)
  }

  /// `reload(searchKeys:…)` with the keys in one buffer already.
  mutating func reload(
    keys: SearchKeyList, ids newIDs: [RecordID] = [], selecting record: Int? = nil,
    version: Int? = nil
  ) {
    var keep = record ?? selectedRecord
    if record == nil, let id = selectedID, let found = newIDs.firstIndex(of: id) { keep = found }
    madeFor = version
    searchKeys = keys
    ids = newIDs
    visible = ListState.matches(keys, filter: foldedFilter, within: nil)
    if let keep, let position = ListState.position(of: keep, in: visible) {
      selected = position
    } else {
      selected = min(selected, max(0, visible.count - 1))
    }
  }

  /// Sets the filter. Extending it only narrows the current matches, and folds only what
  /// was added, so typing costs less with every character and a paste costs its length.
  mutating func setFilter(_ text: String) {
    let keep = selectedRecord
    let narrowing = !filter.isEmpty && Self.extends(text, filter)
    var added = SearchKey()
    if narrowing {
      let start = text.utf8.index(text.utf8.startIndex, offsetBy: filter.utf8.count)
      added.add(String(text[start...]))
      foldedFilter += added.text
    } else {
      added.add(text)
      foldedFilter = added.text
    }
    filter = text
    visible = ListState.matches(
      searchKeys, filter: foldedFilter, within: narrowing ? visible : nil)
    if let keep, let position = ListState.position(of: keep, in: visible) {
      selected = position
    } else {
      selected = 0
      top = 0
    }
  }

  /// Whether `text` is `prefix` followed by more, byte for byte.
  private static func extends(_ text: String, _ prefix: String) -> Bool {
    var text = text
    var prefix = prefix
    return text.withUTF8 { whole in
      prefix.withUTF8 { start in
        whole.count > start.count && whole.prefix(start.count).elementsEqual(start)
      }
    }
  }

  /// Moves the selection by `delta` rows (clamped), keeping it within `pageHeight` rows.
  mutating func move(by delta: Int, pageHeight: Int) {
    select(selected + delta, pageHeight: pageHeight)
  }

  /// Selects the row at `position` within `visible` (clamped).
  mutating func select(_ position: Int, pageHeight: Int) {
    selected = max(0, min(position, visible.count - 1))
    scrollToSelection(pageHeight: pageHeight)
  }

  /// Selects a record by its identity, when it passes the filter.
  mutating func selectID(_ id: RecordID, pageHeight: Int) {
    if let record = ids.firstIndex(of: id) { selectRecord(record, pageHeight: pageHeight) }
  }

  /// Whether the record with this identity passes the filter.
  func shows(_ id: RecordID) -> Bool {
    ids.firstIndex(of: id).map { ListState.position(of: $0, in: visible) != nil } ?? false
  }

  /// Selects a record by its index, when it passes the filter.
  mutating func selectRecord(_ record: Int, pageHeight: Int) {
    if let position = ListState.position(of: record, in: visible) {
      select(position, pageHeight: pageHeight)
    }
  }

  /// Adjusts `top` so the selection is on screen.
  mutating func scrollToSelection(pageHeight: Int) {
    top = ListState.top(for: selected, current: top, count: visible.count, height: pageHeight)
  }

  /// The first row to show so that `selected` is visible in `height` rows.
  static func top(for selected: Int, current: Int, count: Int, height: Int) -> Int {
    guard height > 0, count > 0 else { return 0 }
    var top = min(current, max(0, count - height))
    if selected < top { top = selected }
    if selected >= top + height { top = selected - height + 1 }
    return max(0, top)
  }

  private static func position(of record: Int, in visible: [Int]) -> Int? {
    var low = 0
    var high = visible.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if visible[middle] == record { return middle }
      if visible[middle] < record { low = middle + 1 } else { high = middle - 1 }
    }
    return nil
  }

  private static func matches(_ keys: SearchKeyList, filter: String, within: [Int]?) -> [Int] {
    if filter.isEmpty { return Array(0..<keys.count) }
    return keys.indices(containing: Array(filter.utf8), within: within)
  }
}
