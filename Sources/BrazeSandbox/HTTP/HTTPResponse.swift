import Foundation

/// An HTTP response the sandbox sends: a status, extra header fields and a JSON body.
struct HTTPResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)] = []
  var body: [UInt8]

  init(status: Int, body: [UInt8]) {
    self.status = status
    self.body = body
  }

  /// A response whose body is `object` serialised as JSON with sorted keys.
  static func json(_ status: Int, _ object: [String: Any]) -> HTTPResponse {
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return HTTPResponse(status: status, body: [UInt8](data))
  }

  /// A Braze-style error body: `{"message": …, "errors": […]}`, or only the message
  /// when there are no details (401, 403, 404, 429, 5xx).
  static func error(_ status: Int, _ message: String, errors: [String]? = nil) -> HTTPResponse {
    guard let errors else { return json(status, ["message": message]) }
    return json(status, ["message": message, "errors": errors])
  }

  /// The bytes on the wire: status line, header fields, blank line, body. Every response
  /// carries a fresh `X-Request-Id`, as Braze's do (what its support asks for).
  func serialized(keepAlive: Bool) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
    head += "Content-Type: application/json; charset=utf-8\r\n"
    head += "Content-Length: \(body.count)\r\n"
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
    head += "X-Request-Id: \(UUID().uuidString.lowercased())\r\n"
    for field in headers {
      head += "\(field.name): \(field.value)\r\n"
    }
    head += "\r\n"
    var bytes = Array(head.utf8)
    bytes.append(contentsOf: body)
    return bytes
  }

  static func reason(_ status: Int) -> String {
    switch status {
    case 100: return "Continue"
    case 200: return "OK"
    case 201: return "Created"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 411: return "Length Required"
    case 413: return "Payload Too Large"
    case 429: return "Too Many Requests"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    case 505: return "HTTP Version Not Supported"
    default: return "Status \(status)"
    }
  }
}
