import Foundation

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

/// `GET /email/unsubscribes`: the addresses that unsubscribed from email, newest first.
extension SandboxEndpoints {
  func unsubscribes(_ request: HTTPRequest) throws(SandboxRejection) -> HTTPResponse {
    let email = request.query["email"]?.first
    let start = try Self.date(request.query, "start_date")
    let end = try Self.date(request.query, "end_date")
    guard email != nil || (start != nil && end != nil) else {
      throw SandboxRejection(
        "Provide 'email', or 'start_date' and 'end_date' (YYYY-MM-DD).",
        errors: ["'email' or a date range is required"])
    }
    if let start, let end, start >= end {
      throw SandboxRejection("'start_date' must be earlier than 'end_date'.")
    }
    let limit = try Self.integer(request.query, "limit", default: 100)
    let offset = try Self.integer(request.query, "offset", default: 0)
    guard (1...500).contains(limit) else {
      throw SandboxRejection("'limit' must be between 1 and 500.")
    }
    let direction = request.query["sort_direction"]?.first ?? "desc"
    guard direction == "asc" || direction == "desc" else {
      throw SandboxRejection("'sort_direction' must be \"asc\" or \"desc\".")
    }
    if let email { try checkEmails([email], field: "email") }
    let found = store.withLock { store in
      store.unsubscribedAt.filter { address, time in
        (email == nil || address == email?.lowercased()) && (start.map { time >= $0 } ?? true)
          && (end.map { time < $0 } ?? true)
      }
    }
    let sorted = found.sorted {
      direction == "asc"
        ? ($0.value, $0.key) < ($1.value, $1.key) : ($0.value, $0.key) > ($1.value, $1.key)
    }
    let formatter = ISO8601DateFormatter()
    let emails = sorted.dropFirst(offset).prefix(limit).map {
      ["email": $0.key, "unsubscribed_at": formatter.string(from: $0.value)]
    }
    return .json(200, ["emails": Array(emails), "message": "success"])
  }

  /// A `YYYY-MM-DD` parameter as midnight UTC.
  private static func date(_ query: [String: [String]], _ name: String) throws(SandboxRejection)
    -> Date?
  {
    guard let text = query[name]?.first else { return nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    guard text.count == 10, let date = formatter.date(from: text) else {
      throw SandboxRejection("'\(name)' must be a date in YYYY-MM-DD format, not '\(text)'.")
    }
    return date
  }

  private static func integer(_ query: [String: [String]], _ name: String, default value: Int)
    throws(SandboxRejection) -> Int
  {
    guard let text = query[name]?.first else { return value }
    guard let number = Int(text), number >= 0 else {
      throw SandboxRejection("'\(name)' must be a whole number, not '\(text)'.")
    }
    return number
  }
}
