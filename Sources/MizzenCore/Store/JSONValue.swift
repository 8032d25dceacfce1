/// A parsed JSON document, as read by `JSONReader` and written by `JSONWriter`.
///
/// Objects keep their members as an ordered list: the writer sorts keys itself, and the
/// reader rejects duplicate keys, so a list is enough and is cheaper than a dictionary for
/// the small records of a workspace.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  /// A number without a fraction or exponent that fits in `Int`.
  case integer(Int)
  /// Any other number.
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The member value for `key` when this is an object that has it.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// How the kind of this value is named in messages: "a string", "a number"…
  public var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .integer, .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Equatable, Sendable {
  public var key: String
  public var value: JSONValue

  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
