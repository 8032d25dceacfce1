/// A planned call written as a `curl` command a shell can run, with `$BRAZE_API_KEY` where
/// the key goes, so that the command can be shared, pasted into a ticket or run by hand
/// without ever containing the key.
public enum CurlCommand {
  /// The variable the command reads the key from.
  public static let keyVariable = "BRAZE_API_KEY"

  /// One command, continued over several lines with `\`.
  public static func render(_ request: PlannedRequest) -> String {
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
