import Foundation

/// One parsed HTTP/1.1 request as the sandbox's endpoints see it.
struct HTTPRequest: Sendable {
  var method: String
  /// The path without the query string, percent-decoded.
  var path: String
  /// Query parameters by name; `name[]=a&name[]=b` and repeated `name=` both collect into
  /// the array under `name`.
  var query: [String: [String]]
  /// Header fields by lower-cased name; repeated fields are joined with ", ".
  var headers: [String: String]
  var body: [UInt8]
  /// Whether the client asked to keep the connection open after this request.
  var keepAlive: Bool

  /// The value of a header, by case-insensitive name.
  func header(_ name: String) -> String? {
    headers[name.lowercased()]
  }

  /// The API key from `Authorization: Bearer <key>` (the scheme is case-insensitive).
  var bearerToken: String? {
    guard let value = header("authorization") else { return nil }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    guard let space = trimmed.firstIndex(of: " ") else { return nil }
    guard trimmed[..<space].lowercased() == "bearer" else { return nil }
    let token = trimmed[space...].trimmingCharacters(in: .whitespaces)
    return token.isEmpty ? nil : token
  }
}

/// The request line and header block of a request, before its body is read.
struct HTTPRequestHead: Sendable {
  var method: String
  var target: String
  var version: String
  var headers: [String: String]

  /// Parses the bytes before the blank line; nil when they are not a request head.
  init?(_ bytes: ArraySlice<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
    guard let requestLine = lines.popFirst() else { return nil }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") else {
      return nil
    }
    method = String(parts[0])
    target = String(parts[1])
    version = String(parts[2])
    var fields: [String: String] = [:]
    for line in lines where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = line[..<colon].lowercased()
      guard !name.isEmpty, !name.contains(" ") else { return nil }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if let earlier = fields[name] {
        fields[name] = earlier + ", " + value
      } else {
        fields[name] = value
      }
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
}
