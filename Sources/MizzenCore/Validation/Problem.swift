/// One configuration problem: which rule, how bad, where, and what to do about it.
public struct Problem: Hashable, Sendable {
  /// How bad a problem is. Errors make `mizzen validate` exit 1; warnings do not.
  public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// Stable rule id such as `channel.group-id.missing`; scripts may rely on it.
  public var rule: String
  public var severity: Severity
  public var path: ProblemPath
  /// A sentence for the admin that says what is wrong and what to do.
  public var message: String

  public init(rule: String, severity: Severity, path: ProblemPath, message: String) {
    self.rule = rule
    self.severity = severity
    self.path = path
    self.message = message
  }
}

/// Where a problem is, both as text (`topics[news].channels[email].subscriptionGroupId`)
/// and as parts the console can jump to.
public struct ProblemPath: Hashable, Sendable, CustomStringConvertible {
  /// The top-level lists of the workspace.
  public enum Collection: String, Sendable, CaseIterable {
    case connections, identitySpaces, properties, topics
  }

  /// Nil for problems of the workspace as a whole (its `format`, `name`…).
  public var collection: Collection?
  /// Position of the record in its collection.
  public var recordIndex: Int?
  /// How the record is named in the text path: its code when that is usable, else its index.
  public var recordKey: String?
  /// The nested list inside the record: `channels`, `identityMapping` or `identities`.
  public var childList: String?
  public var childIndex: Int?
  /// How the child is named in the text path: a channel code, else its index.
  public var childKey: String?
  /// The field at fault, e.g. `subscriptionGroupId`; nil for the record as a whole.
  public var field: String?

  public init(
    collection: Collection? = nil, recordIndex: Int? = nil, recordKey: String? = nil,
    childList: String? = nil, childIndex: Int? = nil, childKey: String? = nil,
    field: String? = nil
  ) {
    self.collection = collection
    self.recordIndex = recordIndex
    self.recordKey = recordKey
    self.childList = childList
    self.childIndex = childIndex
    self.childKey = childKey
    self.field = field
  }

  public var description: String {
    var parts: [String] = []
    if let collection {
      var part = collection.rawValue
      if let key = recordKey ?? recordIndex.map(String.init) { part += "[\(key)]" }
      parts.append(part)
    }
    if let childList {
      var part = childList
      if let key = childKey ?? childIndex.map(String.init) { part += "[\(key)]" }
      parts.append(part)
    }
    if let field { parts.append(field) }
    return parts.isEmpty ? "workspace" : parts.joined(separator: ".")
  }
}
