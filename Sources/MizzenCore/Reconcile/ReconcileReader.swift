/// Reads a preference export row by row (SPEC §9): CSV with a header, or JSON Lines when
/// the name ends in `.jsonl`. A bad row becomes a `ReconcileReject` and reading goes on;
/// only an unreadable file or header stops it.
public struct ReconcileReader {
  /// The two input formats.
  public enum Dialect: Sendable {
    case csv, jsonLines
  }

  static let reserved: Set<String> = ["topic", "channel", "state", "at"]
  /// The most physical lines one quoted CSV field may span.
  private static let maxLinesPerRow = 100

  public let dialect: Dialect
  private let identitySpaces: Set<String>
  private var lines: LineReader
  private var columns: [String] = []

  /// Opens `path`; `identitySpaces` are the identity-space codes columns may name.
  public init(path: String, identitySpaces: Set<String>) throws(ReconcileError) {
    dialect = path.lowercased().hasSuffix(".jsonl") ? .jsonLines : .csv
    self.identitySpaces = identitySpaces
    lines = try LineReader(path: path)
  }

  /// FNV-1a of every byte read, and how many bytes: what a checkpoint compares.
  public var fingerprint: (hash: UInt64, bytes: Int) { (lines.hash, lines.byteCount) }

  /// Reads every row, handing each good one to `row` and each bad one to `reject`.
  public mutating func read(
    row: (ReconcileRow) -> Void, reject: (ReconcileReject) -> Void
  ) throws(ReconcileError) {
    defer { lines.finish() }
    if dialect == .csv { try readHeader() }
    while let line = try lines.next() {
      let number = lines.lineNumber
      if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      let parsed: Result<ReconcileRow, ReconcileReject>
      switch dialect {
      case .csv: parsed = try csvRow(line, number)
      case .jsonLines: parsed = jsonRow(line, number)
      }
      switch parsed {
      case .success(let value): row(value)
      case .failure(let refused): reject(refused)
      }
    }
  }

  private mutating func readHeader() throws(ReconcileError) {
    guard var header = try lines.next() else {
      throw ReconcileError("The input is empty: a CSV input starts with a header line.")
    }
    if header.starts(with: [0xEF, 0xBB, 0xBF]) { header = header.dropFirst(3) }
    guard case .fields(let names) = CSVLine.split(header) else {
      throw ReconcileError("The CSV header has an unclosed quote.")
    }
    var seen: Set<String> = []
    for name in names {
      guard seen.insert(name).inserted else {
        throw ReconcileError("The CSV header names '\(name)' twice; name each column once.")
      }
      guard Self.reserved.contains(name) || identitySpaces.contains(name) else {
        throw ReconcileError(
          "The CSV column '\(name)' is neither topic, channel, state, at nor an identity "
            + "space of the workspace (known: "
            + identitySpaces.sorted().joined(separator: ", ") + ").")
      }
    }
    for required in ["topic", "state"] where !seen.contains(required) {
      throw ReconcileError("The CSV header has no '\(required)' column.")
    }
    guard !seen.isDisjoint(with: identitySpaces) else {
      throw ReconcileError(
        "The CSV header names no identity space; name a column after one (known: "
          + identitySpaces.sorted().joined(separator: ", ") + ").")
    }
    columns = names
  }

  private mutating func csvRow(_ first: ArraySlice<UInt8>, _ number: Int) throws(ReconcileError)
    -> Result<ReconcileRow, ReconcileReject>
  {
    var text = first
    var spanned = 1
    while true {
      switch CSVLine.split(text) {
      case .fields(let fields):
        guard fields.count == columns.count else {
          return .failure(
            ReconcileReject(
              line: number,
              reason: "has \(fields.count) fields; the header has \(columns.count)"))
        }
        var values: [String: String] = [:]
        for (name, value) in zip(columns, fields) where !value.isEmpty {
          values[name] = value
        }
        return validate(values, number)
      case .unclosedQuote:
        guard spanned < Self.maxLinesPerRow, let more = try lines.next() else {
          return .failure(ReconcileReject(line: number, reason: "has an unclosed quote"))
        }
        spanned += 1
        text = text + [10] + more
      }
    }
  }

  private func jsonRow(_ line: ArraySlice<UInt8>, _ number: Int)
    -> Result<ReconcileRow, ReconcileReject>
  {
    guard case .object(let members)? = try? JSONReader.parse(Array(line)) else {
      return .failure(ReconcileReject(line: number, reason: "is not a JSON object"))
    }
    var values: [String: String] = [:]
    for member in members {
      guard Self.reserved.contains(member.key) || identitySpaces.contains(member.key) else {
        return .failure(
          ReconcileReject(
            line: number,
            reason: "has the key '\(member.key)', which is neither topic, channel, state, at "
              + "nor an identity space"))
      }
      switch member.value {
      case .string(let text):
        if !text.isEmpty { values[member.key] = text }
      case .null:
        continue
      default:
        return .failure(
          ReconcileReject(
            line: number,
            reason: "has \(member.value.kindDescription) for '\(member.key)'; a string is needed"
          ))
      }
    }
    return validate(values, number)
  }

  private func validate(_ values: [String: String], _ number: Int)
    -> Result<ReconcileRow, ReconcileReject>
  {
    let checked = check(values, number)
    guard case .failure(var refused) = checked else { return checked }
    refused.topic = values["topic"]
    refused.channel = values["channel"]
    return .failure(refused)
  }

  private func check(_ values: [String: String], _ number: Int)
    -> Result<ReconcileRow, ReconcileReject>
  {
    var identities = values
    for name in Self.reserved { identities[name] = nil }
    guard let topic = values["topic"] else {
      return .failure(ReconcileReject(line: number, reason: "has no topic"))
    }
    guard let stateText = values["state"] else {
      return .failure(ReconcileReject(line: number, reason: "has no state"))
    }
    guard let state = SignalState(text: stateText) else {
      return .failure(
        ReconcileReject(
          line: number, reason: "has the state '\(stateText)'; it must be granted or denied"))
    }
    var at: Int64?
    if let text = values["at"] {
      guard let parsed = RFC3339.milliseconds(text) else {
        return .failure(
          ReconcileReject(
            line: number,
            reason: "has the time '\(text)', which is not RFC 3339 (e.g. 2026-03-01T12:00:00Z)"))
      }
      at = parsed
    }
    guard !identities.isEmpty else {
      return .failure(ReconcileReject(line: number, reason: "has no identity value"))
    }
    return .success(
      ReconcileRow(
        line: number, identities: identities, topic: topic, channel: values["channel"],
        state: state, at: at))
  }
}

/// One CSV record split into fields (RFC 4180 quoting: `"a ""b"""` is `a "b"`).
enum CSVLine {
  enum Split: Equatable {
    case fields([String])
    /// A quoted field is still open at the end: the record goes on on the next line.
    case unclosedQuote
  }

  static func split(_ bytes: ArraySlice<UInt8>) -> Split {
    var fields: [String] = []
    var field: [UInt8] = []
    var index = bytes.startIndex
    var quoted = false
    var wasQuoted = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      if quoted {
        if byte == 34 {
          if index + 1 < bytes.endIndex && bytes[index + 1] == 34 {
            field.append(34)
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == 44 {
        fields.append(finish(field, wasQuoted))
        field.removeAll(keepingCapacity: true)
        wasQuoted = false
      } else if byte == 34 && field.isEmpty && !wasQuoted {
        quoted = true
        wasQuoted = true
      } else {
        field.append(byte)
      }
      index += 1
    }
    if quoted { return .unclosedQuote }
    fields.append(finish(field, wasQuoted))
    return .fields(fields)
  }

  /// Unquoted fields lose surrounding spaces; quoted ones are kept as written.
  private static func finish(_ bytes: [UInt8], _ wasQuoted: Bool) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    guard !wasQuoted else { return text }
    var slice = Substring(text)
    while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
    while slice.last == " " || slice.last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
