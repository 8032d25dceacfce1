/// Why bytes are not a JSON document, and where: `line 12, column 5: expected ',' or '}'…`.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Invalid UTF-8 is told apart because it usually means a file in another encoding.
  public enum Kind: Equatable, Sendable {
    case invalidUTF8
    case syntax
  }

  public var kind: Kind
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in characters (Unicode scalars) from the start of the line.
  public var column: Int
  /// What is wrong, without the position.
  public var message: String

  public init(kind: Kind, line: Int, column: Int, message: String) {
    self.kind = kind
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "line \(line), column \(column): \(message)" }

  /// The line and column of byte `offset` in `bytes`.
  ///
  /// Computed only when an error is reported, so parsing itself does not pay for tracking
  /// positions.
  static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var line = 1
    var column = 1
    var index = 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }
}
