/// What a screen looks like: a grid of cells, each with its text and the role that colours it.
///
/// `render(state, size)` produces a Frame; the terminal layer draws it, sending only what
/// changed. A wide character (CJK, most emoji) takes its cell and the next one, which holds
/// `Cell.continuation`.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should be shown (in a text field); nil hides it.
  public var cursor: Position?

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: Cell.blank, count: self.width * self.height)
    self.cursor = nil
  }

  public subscript(row: Int, column: Int) -> Cell {
    get { cells[row * width + column] }
    set { cells[row * width + column] = newValue }
  }

  /// The row as plain text, continuation cells skipped: what a person reads on the screen.
  public func text(ofRow row: Int) -> String {
    var line = ""
    for column in 0..<width {
      let cell = self[row, column]
      if !cell.isContinuation { line += cell.text }
    }
    return line
  }

  /// Every row as plain text, joined by newlines: the form used by snapshot tests.
  public var text: String {
    (0..<height).map { text(ofRow: $0) }.joined(separator: "\n")
  }
}

/// A place on the screen, zero-based.
public struct Position: Equatable, Hashable, Sendable {
  public var row: Int
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

/// A screen size in cells.
public struct Size: Equatable, Hashable, Sendable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// One screen cell: the character shown and its role.
public struct Cell: Equatable, Sendable {
  /// One extended grapheme cluster, or " " for blank, or "" in the right half of a wide one.
  public var text: String
  public var role: Role

  public init(text: String, role: Role = .normal) {
    self.text = text
    self.role = role
  }

  public static let blank = Cell(text: " ")
  /// The right half of a wide character drawn in the cell before it.
  public static func continuation(_ role: Role) -> Cell { Cell(text: "", role: role) }

  public var isContinuation: Bool { text.isEmpty }
}

/// What a piece of the screen is for. The terminal layer maps roles to colours, or to
/// attributes only (bold, reverse, underline) when colour is off or unavailable.
public enum Role: UInt8, CaseIterable, Sendable {
  case normal
  case dim
  case header
  case tab
  case tabActive
  case columnTitle
  case selection
  case selectionDim
  case breadcrumb
  case status
  case hintKey
  case hint
  case error
  case warning
  case success
  case input
  case inputFocus
  case dialog
  case dialogTitle
  /// A line of a dialog that does not apply now: dimmed, on the dialog's own background.
  case dialogDim
  case button
  case buttonFocus
  case badge
  case secret
}
