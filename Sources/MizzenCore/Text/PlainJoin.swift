/// `parts.joined(separator:)` written out, for what a one-call `send` runs: the library's
/// is generic, and its types are instantiated by name at their first use in a process.
public enum PlainJoin {
  public static func joined(_ parts: [String], separator: String) -> String {
    var text = ""
    for index in parts.indices {
      if index > 0 { text += separator }
      text += parts[index]
    }
    return text
  }
}
