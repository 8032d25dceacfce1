/// One column of a generic list: its title and how much room it may take.
///
/// Widths are shared out by rule, not measured over the rows, so they never jump while
/// scrolling and cost nothing proportional to the list; only a list whose every row is on
/// screen is measured (`widths(_:total:natural:)`).
struct ListColumn: Equatable, Sendable {
  var title: String
  var minWidth: Int
  var maxWidth: Int
  /// Share of the room left after every column has its minimum.
  var weight: Int

  /// Widths for `columns` in `total` cells, one space between columns.
  ///
  /// With `natural` (what each column's title and cells need, for a list whose every row
  /// is on screen) each column first gets what it needs within its bounds; when that is
  /// too much, the widest column gives up room first.
  static func widths(_ columns: [ListColumn], total: Int, natural: [Int]? = nil) -> [Int] {
    guard !columns.isEmpty else { return [] }
    let gaps = columns.count - 1
    var widths = columns.map(\.minWidth)
    if let natural, natural.count == columns.count {
      let wanted = columns.indices.map {
        max(columns[$0].minWidth, min(columns[$0].maxWidth, natural[$0]))
      }
      var over = wanted.reduce(0, +) + gaps - total
      if over <= 0 || widths.reduce(0, +) + gaps <= total { widths = wanted }
      // The widest column gives up a cell at a time: long names are cut, short codes
      // and keys stay whole.
      while over > 0 {
        let shrinkable = widths.indices.filter { widths[$0] > columns[$0].minWidth }
        guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
        widths[widest] -= 1
        over -= 1
      }
    }
    var left = total - gaps - widths.reduce(0, +)
    if left < 0 {
      // Too narrow even for the minimums: take from the last columns first.
      var index = widths.count - 1
      while left < 0 && index > 0 {
        let take = min(-left, max(0, widths[index] - 1))
        widths[index] -= take
        left += take
        index -= 1
      }
      return widths
    }
    while left > 0 {
      let open = columns.indices.filter {
        widths[$0] < columns[$0].maxWidth && columns[$0].weight > 0
      }
      if open.isEmpty { break }
      let weights = open.map { columns[$0].weight }.reduce(0, +)
      var given = 0
      for index in open {
        let share = max(1, left * columns[index].weight / weights)
        let grant = min(share, columns[index].maxWidth - widths[index], left - given)
        widths[index] += grant
        given += grant
        if given >= left { break }
      }
      if given == 0 { break }
      left -= given
    }
    if left > 0 { widths[widths.count - 1] += left }
    return widths
  }
}

/// What a generic list shows for one record kind: columns, and the cells of any record.
///
/// Cells are made only for the rows on screen.
struct ListSource {
  var columns: [ListColumn]
  var count: Int
  var cells: (Int) -> [String]
  /// Shown in place of rows when there is nothing to list.
  var emptyMessage: String
  /// The colour of a record's row when it is not selected; nil for the normal one.
  var rowRole: (Int) -> Role? = { _ in nil }
}
