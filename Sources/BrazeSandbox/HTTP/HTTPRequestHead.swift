/// The request line and header block of a request, before its body is read, checked as a
/// strict HTTP/1.1 server checks them (RFC 9112): single spaces in the request line, an
/// origin-form target of visible ASCII, token field names with no space before the colon,
/// no line folding, no control characters in values, exactly one `Host` on HTTP/1.1.
struct HTTPRequestHead: Sendable {
  /// Why a head was refused: the status and the message of the answer.
  struct Refusal: Error {
    var status: Int
    var message: String
  }

  var method: String
  var target: String
  var version: String
  /// Field values by lower-cased name; repeated fields are joined with ", ".
  var headers: [String: String]

  /// Parses the bytes before the blank line (lines already known to end in CRLF).
  init(_ bytes: ArraySlice<UInt8>) throws(Refusal) {
    var lines = Self.lines(bytes)[...]
    guard let requestLine = lines.popFirst() else { throw Self.malformed("no request line") }
    let parts = requestLine.split(separator: Self.space, omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
      throw Self.malformed("the request line is not 'METHOD /path HTTP/1.1'")
    }
    guard parts[0].allSatisfy(Self.isTokenByte) else { throw Self.malformed("invalid method") }
    guard parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else {
      throw Self.malformed("the request target must be a path of visible ASCII")
    }
    method = String(decoding: parts[0], as: UTF8.self)
    target = String(decoding: parts[1], as: UTF8.self)
    version = String(decoding: parts[2], as: UTF8.self)
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      if Self.looksLikeVersion(parts[2]) {
        throw Refusal(status: 505, message: "Only HTTP/1.1 and HTTP/1.0 are supported.")
      }
      throw Self.malformed("invalid HTTP version")
    }
    var fields: [String: String] = [:]
    var hosts = 0
    for line in lines {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
        throw Self.malformed("a header line without a colon")
      }
      let name = line[line.startIndex..<colon]
      guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
        throw Self.malformed("an invalid header field name (or folded line)")
      }
      var value = line[(colon + 1)...]
      while let first = value.first, first == Self.space || first == Self.tab {
        value = value.dropFirst()
      }
      while let last = value.last, last == Self.space || last == Self.tab {
        value = value.dropLast()
      }
      guard !value.contains(where: { ($0 < 0x20 && $0 != Self.tab) || $0 == 0x7F }) else {
        throw Self.malformed("a control character in a header value")
      }
      let key = String(decoding: name, as: UTF8.self).lowercased()
      let text = String(decoding: value, as: UTF8.self)
      if key == "host" { hosts += 1 }
      if let earlier = fields[key] {
        fields[key] = earlier + ", " + text
      } else {
        fields[key] = text
      }
    }
    if version == "HTTP/1.1" && hosts != 1 {
      throw Self.malformed("an HTTP/1.1 request needs exactly one Host header")
    }
    headers = fields
  }

  /// HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it.
  var keepAlive: Bool {
    let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
    return !tokens.contains("close")
  }

  /// The body length from `Content-Length`: ASCII digits only (no sign, no list), as
  /// RFC 9110 §8.6 defines it; nil when absent.
  func contentLength(limit: Int) throws(Refusal) -> Int? {
    guard let field = headers["content-length"] else { return nil }
    guard !field.isEmpty, field.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw Refusal(status: 400, message: "Invalid Content-Length: \(field).")
    }
    let digits = field.drop { $0 == "0" }
    guard digits.count <= String(limit).count, let length = Int(field), length <= limit else {
      throw Refusal(status: 413, message: "Request Entity Too Large: the limit is 4 MB.")
    }
    return length
  }

  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")

  private static func malformed(_ detail: String) -> Refusal {
    Refusal(status: 400, message: "The request is not valid HTTP/1.1: \(detail).")
  }

  /// The lines of a head whose line ends are CRLF (checked by the reader).
  private static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 {
        lines.append(bytes[start..<index])
        index += 2
        start = index
      } else {
        index += 1
      }
    }
    lines.append(bytes[start..<bytes.endIndex])
    return lines
  }

  /// `tchar` of RFC 9110 §5.6.2.
  private static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
  }

  private static func looksLikeVersion(_ bytes: ArraySlice<UInt8>) -> Bool {
    let text = Array(bytes)
    return text.count == 8 && text.starts(with: Array("HTTP/".utf8))
      && (0x30...0x39).contains(text[5]) && text[6] == UInt8(ascii: ".")
      && (0x30...0x39).contains(text[7])
  }
}
