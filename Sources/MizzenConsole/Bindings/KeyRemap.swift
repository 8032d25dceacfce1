import MizzenCore

extension BindingTable {
  /// The first key of `action` in the first of `contexts` that binds it, as people read
  /// it (its `:` command when it has no key); nil when none of them binds it.
  public func keyLabel(of action: Action, in contexts: [BindingContext]) -> String? {
    bindings(in: contexts).first { $0.action == action }?.firstLabel
  }

  /// Each action's default keys in every context together, in table order: what
  /// `mizzen config --defaults` prints (`back` is esc in lists and also ? and q in help).
  /// An action that only a `:` command runs by default (`messages`) is left out, as a key
  /// list in config.json is never empty; config.json may still give it keys.
  public static let defaultKeys: [(action: Action, keys: [Key])] = {
    var found: [(action: Action, keys: [Key])] = []
    for row in all {
      if let index = found.firstIndex(where: { $0.action == row.action }) {
        found[index].keys += row.keys.filter { !found[index].keys.contains($0) }
      } else {
        found.append((row.action, row.keys))
      }
    }
    return found.filter { !$0.keys.isEmpty }
  }()

  /// The default table with config.json's `keys` applied (SPEC §10): a remapped action has
  /// exactly the listed keys in every context where it is bound, and keeps its `:` commands
  /// and requirements. An entry that lists the
  /// action's `defaultKeys` (as copied from `--defaults`) changes nothing. A remap that would give
  /// an action a key another action has where both are looked up (the same context, or a
  /// list and the keys that apply everywhere in lists) is refused and reported, and that
  /// action keeps its default keys; the others still apply.
  public static func remapped(_ keys: [String: [String]]) -> (
    table: BindingTable, problems: [ConfigProblem]
  ) {
    var remaps: [Action: [Key]] = [:]
    for (name, names) in keys {
      guard let action = Action(rawValue: name) else { continue }
      let parsed = names.compactMap(Key.init(configName:))
      let standardKeys = defaultKeys.first { $0.action == action }?.keys
      if !parsed.isEmpty, parsed != standardKeys { remaps[action] = parsed }
    }
    var problems: [ConfigProblem] = []
    while true {
      let table = standard.applying(remaps)
      let clashes = table.clashes(of: Set(remaps.keys))
      guard !clashes.isEmpty else {
        return (table, problems.sorted { $0.path < $1.path })
      }
      for (action, message) in clashes {
        remaps[action] = nil
        problems.append(
          ConfigProblem(
            path: "keys." + action.rawValue,
            message: message + "; this remap is ignored and \(action.rawValue) keeps its keys"))
      }
    }
  }

  private func applying(_ remaps: [Action: [Key]]) -> BindingTable {
    BindingTable(
      rows: rows.map { row in
        var row = row
        if let keys = remaps[row.action] { row.keys = keys }
        return row
      })
  }

  /// For each of `actions` with a key that another action has where both are looked up,
  /// the first such clash, in words.
  private func clashes(of actions: Set<Action>) -> [Action: String] {
    var found: [Action: String] = [:]
    for row in rows where actions.contains(row.action) && found[row.action] == nil {
      let together = Self.lookedUpTogether(row.context)
      for key in row.keys {
        if let other = rows.first(where: {
          together.contains($0.context) && $0.action != row.action && $0.keys.contains(key)
        }) {
          found[row.action] =
            "\(key.configName) is already \(other.action.rawValue) in \(other.context.title)"
          break
        }
      }
    }
    return found
  }

  /// The contexts whose keys are looked up at once with `context`'s.
  private static func lookedUpTogether(_ context: BindingContext) -> [BindingContext] {
    switch context {
    case .global, .list: return [.global, .list]
    case .form, .formRow: return [.form, .formRow]
    default: return [context]
    }
  }
}

extension Key {
  /// How config.json writes the key (`ConfigKeyName`).
  public var configName: String {
    switch self {
    case .character(" "): return "space"
    case .character(let character): return String(character)
    case .control(let character): return "ctrl-" + String(character)
    case .up: return "up"
    case .down: return "down"
    case .left: return "left"
    case .right: return "right"
    case .pageUp: return "pgup"
    case .pageDown: return "pgdn"
    case .home: return "home"
    case .end: return "end"
    case .enter: return "enter"
    case .escape: return "esc"
    case .tab: return "tab"
    case .backTab: return "shift-tab"
    case .backspace: return "backspace"
    case .delete: return "delete"
    case .insert: return "insert"
    case .function(let number): return "f\(number)"
    }
  }

  /// The key config.json names `name` (any spelling `ConfigKeyName` accepts), or nil.
  public init?(configName name: String) {
    guard let name = ConfigKeyName.normalized(name) else { return nil }
    let named: [String: Key] = [
      "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
      "pgup": .pageUp, "pgdn": .pageDown, "home": .home, "end": .end, "enter": .enter,
      "esc": .escape, "tab": .tab, "shift-tab": .backTab, "backspace": .backspace,
      "delete": .delete, "insert": .insert,
    ]
    if name.count == 1, let character = name.first {
      self = .character(character)
    } else if let key = named[name] {
      self = key
    } else if name.hasPrefix("ctrl-"), let letter = name.last {
      self = .control(letter)
    } else if name.hasPrefix("f"), let number = Int(name.dropFirst()) {
      self = .function(number)
    } else {
      return nil
    }
  }
}
