/// Turns a connection's key source into the key, at the moment of sending.
public enum APIKeyResolver {
  /// Nil when the source can possibly give a key, else why not (checked at plan time, so
  /// that an empty variable name or an empty inline key is reported before anything else).
  static func sourceProblem(_ source: APIKeySource, connection: String) -> SignalPlanError? {
    switch source {
    case .environment(let name) where name.isEmpty:
      return SignalPlanError(
        .emptyKeySource,
        "Connection '\(connection)' reads its API key from an environment variable, but the "
          + "variable name is empty. Enter the variable's name (e.g. BRAZE_API_KEY) in the "
          + "connection.",
        path: ProblemPath(collection: .connections, recordKey: connection, field: "apiKey"))
    case .inline(let key) where key.isEmpty:
      return SignalPlanError(
        .emptyKeySource,
        "Connection '\(connection)' has an empty inline API key. Paste the key, or better, "
          + "name an environment variable that holds it.",
        path: ProblemPath(collection: .connections, recordKey: connection, field: "apiKey"))
    default:
      return nil
    }
  }

  /// Nil when `key` can go in an `Authorization` header as it is, else why not, as a phrase
  /// that completes "the API key …". A control character (a trailing CR or LF from a
  /// pasted value, typically) would make the header invalid, and the request would leave
  /// without any key; the value itself is never named.
  public static func valueProblem(_ key: String) -> String? {
    guard
      key.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    else { return nil }
    let trailing = key.unicodeScalars.last.map { $0 == "\n" || $0 == "\r" } ?? false
    return trailing
      ? "ends with a line break (CR or LF)"
      : "holds a control character (CR, LF, tab…)"
  }

  /// The key itself; an unset or empty variable, or a value that holds a control
  /// character, is an error that names the variable (or the inline field), never the value.
  public static func resolve(
    _ source: APIKeySource, connection: String, environment: [String: String]
  ) throws(SignalPlanError) -> String {
    if let problem = sourceProblem(source, connection: connection) { throw problem }
    switch source {
    case .inline(let key):
      if let problem = valueProblem(key) {
        throw SignalPlanError(
          .keyUnavailable,
          "The inline API key of connection '\(connection)' (apiKey.value) \(problem), which "
            + "would leave the request without a key: remove it. Nothing was sent.",
          path: ProblemPath(collection: .connections, recordKey: connection, field: "apiKey"))
      }
      return key
    case .environment(let name):
      if let key = environment[name], let problem = valueProblem(key) {
        throw SignalPlanError(
          .keyUnavailable,
          "The environment variable \(name) (the API key of connection '\(connection)') "
            + "\(problem), which would leave the request without a key: remove it. Nothing was "
            + "sent.",
          path: ProblemPath(collection: .connections, recordKey: connection, field: "apiKey"))
      }
      guard let key = environment[name], !key.isEmpty else {
        throw SignalPlanError(
          .keyUnavailable,
          "The environment variable \(name) is not set (or is empty), so connection "
            + "'\(connection)' has no API key. Export it first: export \(name)=<your Braze "
            + "REST API key>.",
          path: ProblemPath(collection: .connections, recordKey: connection, field: "apiKey"))
      }
      return key
    }
  }
}
