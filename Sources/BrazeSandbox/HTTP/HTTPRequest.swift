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
