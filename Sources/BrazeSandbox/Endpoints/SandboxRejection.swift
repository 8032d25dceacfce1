/// A request the sandbox refuses, answered with a Braze-style body
/// `{"message": …, "errors": […]}`, or `{"message": …}` alone where Braze sends only that.
struct SandboxRejection: Error {
  var status: Int
  var message: String
  var errors: [String]?

  init(_ message: String, errors: [String]? = nil, status: Int = 400) {
    self.status = status
    self.message = message
    self.errors = errors ?? [message]
  }

  /// Braze's answer to a subscription group id it does not know, on set and get alike
  /// (recorded live, braze-api.md §10).
  static var unknownGroup: SandboxRejection {
    var rejection = SandboxRejection("Invalid subscription group ID")
    rejection.errors = nil
    return rejection
  }

  var response: HTTPResponse { .error(status, message, errors: errors) }
}
