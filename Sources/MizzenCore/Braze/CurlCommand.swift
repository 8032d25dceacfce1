/// A planned call written as a `curl` command a shell can run, with a shell variable where
/// the key goes (the connection's own, e.g. `$BRAZE_US_API_KEY`), so that the command can
/// be shared, pasted into a ticket or run by hand without ever containing the key.
public enum CurlCommand {
  /// The variable the command reads the key from when the connection names none.
  public static let keyVariable = "BRAZE_API_KEY"

  /// The variable a command for a connection with this key source reads: the
  /// connection's own variable, or `keyVariable` for an inline key (never its value) or a
  /// name the shell could not expand.
  public static func keyVariable(for source: APIKeySource) -> String {
    guard case .environment(let name) = source, ConnectionRules.isEnvironmentName(name) else {
      return keyVariable
    }
    return name
  }

  /// One command, continued over several lines with `\`.
  public static func render(_ request: PlannedRequest, keyVariable: String = keyVariable)
    -> String
  {
    var lines: [String] = []
    if request.method == "GET" {
      lines.append("curl -sS " + shellQuoted(request.url))
    } else {
      lines.append("curl -sS -X " + request.method + " " + shellQuoted(request.url))
    }
    // Double quotes, so that the shell expands the variable.
    lines.append("-H \"Authorization: Bearer $\(keyVariable)\"")
    for header in request.headers {
      lines.append("-H " + shellQuoted(header.name + ": " + header.value))
    }
    if let body = request.bodyText {
      lines.append("--data-binary " + shellQuoted(body))
    }
    return lines.joined(separator: " \\\n  ")
  }

  /// `text` in single quotes, with any single quote written as `'\''`.
  public static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
