/// Writes the sandbox's hottest answers straight into bytes: `/subscription/status/get`
/// is what a reconcile calls tens of thousands of times, and serialising its map with
/// `JSONSerialization` (sorted keys through locale-aware comparisons, `Any` casts) cost
/// more than everything else the sandbox does for the request.
///
/// Strings are escaped as `HTTPResponse.json` escapes them (`/` as `\/`, control
/// characters as `\uXXXX` or their short forms, non-ASCII kept as UTF-8); callers write
/// keys in the order of their UTF-8 bytes.
struct JSONBytes {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// `text` as a JSON string literal, quotes included.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated() where Self.needsEscape(byte) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        escape(byte)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
      || byte == UInt8(ascii: "/")
  }

  private mutating func escape(_ byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
        hex[Int(byte & 0xF)],
      ])
    }
  }
}

extension HTTPResponse {
  /// `200 {"message":"success","status":{…}}`: one entry per distinct identifier (the
  /// first answer for one named twice), `Subscribed`, `Unsubscribed` or, for a person
  /// with no state in the group, `Unknown`.
  static func statusAnswer(_ states: [(identifier: String, subscribed: Bool?)]) -> HTTPResponse {
    var seen = Set<String>()
    seen.reserveCapacity(states.count)
    let entries = states.filter { seen.insert($0.identifier).inserted }
      .sorted { $0.identifier.utf8.lexicographicallyPrecedes($1.identifier.utf8) }
    var json = JSONBytes(capacity: 40 + entries.count * 48)
    json.raw(#"{"message":"success","status":{"#)
    for (index, entry) in entries.enumerated() {
      if index > 0 { json.raw(",") }
      json.string(entry.identifier)
      switch entry.subscribed {
      case true?: json.raw(#":"Subscribed""#)
      case false?: json.raw(#":"Unsubscribed""#)
      case nil: json.raw(#":"Unknown""#)
      }
    }
    json.raw("}}")
    return HTTPResponse(status: 200, body: json.bytes)
  }
}
