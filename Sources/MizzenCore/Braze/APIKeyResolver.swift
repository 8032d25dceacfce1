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

  /// The key itself; an unset or empty variable is an error that names it.
  public static func resolve(
    _ source: APIKeySource, connection: String, environment: [String: String]
  ) throws(SignalPlanError) -> String {
    if let problem = sourceProblem(source, connection: connection) { throw problem }
    switch source {
    case .inline(let key):
      return key
    case .environment(let name):
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
