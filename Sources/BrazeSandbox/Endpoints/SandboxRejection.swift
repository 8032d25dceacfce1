/// A request the sandbox refuses, answered with a Braze-style body
/// `{"message": …, "errors": […]}`.
struct SandboxRejection: Error {
  var status: Int
  var message: String
  var errors: [String]

  init(_ message: String, errors: [String]? = nil, status: Int = 400) {
    self.status = status
    self.message = message
    self.errors = errors ?? [message]
  }

  var response: HTTPResponse { .error(status, message, errors: errors) }
}
