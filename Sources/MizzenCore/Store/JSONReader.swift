/// Parses JSON text into a `JSONValue`, byte by byte, with errors that give line and column.
///
/// Written by hand rather than with `JSONSerialization` so that every error names its
/// position and what was expected, invalid UTF-8 is reported as such, duplicate keys are
/// refused, and nesting is bounded. Every step is linear in the input size.
public enum JSONReader {
  /// The deepest nesting accepted. A workspace needs 5 levels; the bound keeps a hostile
  /// file from exhausting the stack.
  public static let maxDepth = 128

  /// Parses `bytes` as one JSON document. A leading UTF-8 byte order mark is skipped.
  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      do throws(JSONSyntaxError) {
        try UTF8Check.validate(buffer)
        var parser = JSONParser(buffer)
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}

/// Strict UTF-8 validation: no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Check {
  static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var index = 0
    let count = bytes.count
    let base = UnsafeRawPointer(bytes.baseAddress)
    while index < count {
      // ASCII, the bulk of a workspace, eight bytes at a time.
      if let base {
        while index + 8 <= count,
          base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        if index == count { break }
      }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xED:
        length = 3
        high = 0x9F
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: throw invalid(at: index, in: bytes)
      }
      guard index + length <= count else { throw invalid(at: index, in: bytes) }
      let second = bytes[index + 1]
      guard second >= low && second <= high else { throw invalid(at: index, in: bytes) }
      var next = index + 2
      while next < index + length {
        guard bytes[next] & 0xC0 == 0x80 else { throw invalid(at: index, in: bytes) }
        next += 1
      }
      index += length
    }
  }

  private static func invalid(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> JSONSyntaxError
  {
    let (line, column) = JSONSyntaxError.position(of: offset, in: bytes)
    let hex = String(bytes[offset], radix: 16, uppercase: true)
    return JSONSyntaxError(
      kind: .invalidUTF8, line: line, column: column,
      message: "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not valid UTF-8 "
        + "(the file must be saved as UTF-8)")
  }
}
