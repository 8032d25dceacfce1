import Foundation

/// Reads `config.json` with the project's JSON reader, keeping every valid entry and
/// reporting every other one with its path.
public enum ConfigReader {
  static let sections = ["keys", "theme", "mouse"]

  /// Reads the file at `path`; a missing file is `.missing`, not a problem.
  public static func read(path: String, vocabulary: ConfigVocabulary) -> ConfigReading {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch CocoaError.fileReadNoSuchFile {
      return .missing
    } catch {
      return .unreadable("\(path) could not be read: \(error.localizedDescription)")
    }
    return parse(Array(data), vocabulary: vocabulary, path: path)
  }

  /// Reads the text of a config file; `path` only names it in messages.
  public static func parse(_ bytes: [UInt8], vocabulary: ConfigVocabulary, path: String)
    -> ConfigReading
  {
    let document: JSONValue
    do {
      document = try JSONReader.parse(bytes)
    } catch {
      return .unreadable("\(path) is not valid JSON: \(error.description)")
    }
    guard case .object(let members) = document else {
      return .unreadable("\(path) must hold a JSON object, not \(document.kindDescription)")
    }
    var config = MizzenConfig()
    var problems: [ConfigProblem] = []
    for member in members {
      switch member.key {
      case "keys": config.keys = keys(member.value, vocabulary.actions, &problems)
      case "theme": config.theme = theme(member.value, vocabulary.roles, &problems)
      case "mouse":
        if case .bool(let on) = member.value {
          config.mouse = on
        } else {
          problems.append(
            ConfigProblem(
              path: "mouse",
              message: "expected true or false, found \(member.value.kindDescription)"))
        }
      default:
        problems.append(unknown(member.key, path: member.key, known: sections, what: "setting"))
      }
    }
    return .read(config, problems: problems)
  }

  private static func keys(
    _ value: JSONValue, _ actions: [String], _ problems: inout [ConfigProblem]
  ) -> [String: [String]] {
    guard case .object(let members) = value else {
      problems.append(expected("keys", "an object of action name → key list", value))
      return [:]
    }
    var result: [String: [String]] = [:]
    for member in members {
      let path = "keys." + member.key
      guard actions.contains(member.key) else {
        problems.append(unknown(member.key, path: path, known: actions, what: "action"))
        continue
      }
      guard case .array(let items) = member.value, !items.isEmpty else {
        problems.append(expected(path, "a non-empty list of keys", member.value))
        continue
      }
      var names: [String] = []
      for (index, item) in items.enumerated() {
        guard case .string(let name) = item, let key = ConfigKeyName.normalized(name) else {
          let shown =
            if case .string(let name) = item { "\"\(name)\"" } else { item.kindDescription }
          problems.append(
            ConfigProblem(
              path: "\(path)[\(index)]",
              message: "unknown key \(shown); write a character, ctrl-X, F1…F12 or one of "
                + ConfigKeyName.named.joined(separator: ", ")))
          continue
        }
        names.append(key)
      }
      if !names.isEmpty { result[member.key] = names }
    }
    return result
  }

  private static func theme(
    _ value: JSONValue, _ roles: [String], _ problems: inout [ConfigProblem]
  ) -> [String: ThemeStyle] {
    guard case .object(let members) = value else {
      problems.append(expected("theme", "an object of role → colours", value))
      return [:]
    }
    var result: [String: ThemeStyle] = [:]
    for member in members {
      let path = "theme." + member.key
      guard roles.contains(member.key) else {
        problems.append(unknown(member.key, path: path, known: roles, what: "role"))
        continue
      }
      guard case .string(let text) = member.value else {
        problems.append(expected(path, "a string such as \"black on cyan bold\"", member.value))
        continue
      }
      do {
        result[member.key] = try ThemeStyle(parsing: text)
      } catch {
        problems.append(ConfigProblem(path: path, message: error.message))
      }
    }
    return result
  }

  private static func unknown(_ name: String, path: String, known: [String], what: String)
    -> ConfigProblem
  {
    ConfigProblem(
      path: path,
      message: "unknown \(what) \"\(name)\"" + ConfigProblem.suggestion(for: name, in: known))
  }

  private static func expected(_ path: String, _ what: String, _ value: JSONValue)
    -> ConfigProblem
  {
    ConfigProblem(path: path, message: "expected \(what), found \(value.kindDescription)")
  }
}

/// The names keys are written with in `config.json`.
public enum ConfigKeyName {
  /// Keys with a name rather than a character.
  public static let named = [
    "up", "down", "left", "right", "pgup", "pgdn", "home", "end", "enter", "esc", "tab",
    "shift-tab", "backspace", "delete", "insert", "space",
  ]

  /// `name` in its canonical spelling, or nil when it names no key: one character,
  /// `ctrl-` and a letter, `f1`…`f12`, or one of `named` (case is ignored for those).
  public static func normalized(_ name: String) -> String? {
    if name.count == 1 { return name }
    let lower = name.lowercased()
    if named.contains(lower) { return lower }
    if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter,
      letter.isASCII
    {
      return lower
    }
    if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
      return "f\(number)"
    }
    return nil
  }
}
