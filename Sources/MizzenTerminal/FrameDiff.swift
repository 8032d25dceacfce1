import MizzenConsole

/// Which cells of a frame must be sent to the terminal, given the frame already shown.
///
/// One span per changed row, from its first to its last changed cell, widened so that it
/// never starts or ends inside a wide character. Moving the selection redraws two rows;
/// typing one character redraws a few cells.
enum FrameDiff {
  /// Cells `start..<end` of `row`.
  struct Span: Equatable, Sendable {
    var row: Int
    var start: Int
    var end: Int
  }

  static func spans(from old: Frame?, to new: Frame) -> [Span] {
    guard let old, old.width == new.width, old.height == new.height else {
      return new.width == 0 ? [] : (0..<new.height).map { Span(row: $0, start: 0, end: new.width) }
    }
    var spans: [Span] = []
    for row in 0..<new.height {
      guard let first = (0..<new.width).first(where: { old[row, $0] != new[row, $0] }),
        let last = (0..<new.width).last(where: { old[row, $0] != new[row, $0] })
      else { continue }
      var start = first
      while start > 0 && new[row, start].isContinuation { start -= 1 }
      var end = last + 1
      while end < new.width && new[row, end].isContinuation { end += 1 }
      spans.append(Span(row: row, start: start, end: end))
    }
    return spans
  }
}
