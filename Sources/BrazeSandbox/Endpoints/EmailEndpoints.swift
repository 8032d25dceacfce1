/// `/email/status` and `/email/blocklist` (with its legacy name `/email/blacklist`).
extension SandboxEndpoints {
  func emailStatus(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    guard let emails = try body.strings("email") else {
      throw SandboxRejection("Missing 'email'.", errors: ["'email' is required"])
    }
    try checkEmails(emails, field: "email")
    let state = try body.requiredString("subscription_state")
    guard ["subscribed", "unsubscribed", "opted_in"].contains(state) else {
      throw SandboxRejection(
        "Invalid subscription_state '\(state)': use \"opted_in\", \"subscribed\" or "
          + "\"unsubscribed\".")
    }
    store.withLock { store in
      for email in emails { store.setEmailSubscribe(email, state) }
    }
    return .json(201, ["message": "success"])
  }

  func blocklist(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let body = try RequestBody(request.body)
    guard let emails = try body.strings("email") else {
      throw SandboxRejection("Missing 'email'.", errors: ["'email' is required"])
    }
    try checkEmails(emails, field: "email")
    store.withLock { store in
      for email in emails { store.blocklist(email) }
    }
    return .json(201, ["message": "success"])
  }
}
