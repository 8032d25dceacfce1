import Foundation

/// A JSON object from a request body (or one object inside it), read field by field with
/// Braze-style 400s for fields of the wrong shape.
struct RequestBody {
  /// Braze's per-call limit for identifier arrays (braze-api.md §1, §4, §5).
  static let identifierLimit = 50

  let fields: [String: Any]

  init(fields: [String: Any]) {
    self.fields = fields
  }

  /// Parses a request body that must be a JSON object.
  init(_ bytes: [UInt8]) throws(SandboxRejection) {
    guard !bytes.isEmpty else {
      throw SandboxRejection(
        "The request body is empty; send a JSON object.", errors: ["empty body"])
    }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
    } catch {
      throw SandboxRejection(
        "The request body is not valid JSON.", errors: ["\(error.localizedDescription)"])
    }
    guard let object = parsed as? [String: Any] else {
      throw SandboxRejection(
        "The request body must be a JSON object.", errors: ["body is not a JSON object"])
    }
    fields = object
  }

  func has(_ name: String) -> Bool {
    guard let value = fields[name] else { return false }
    return !(value is NSNull)
  }

  /// A string field; nil when absent or null.
  func string(_ name: String) throws(SandboxRejection) -> String? {
    guard has(name) else { return nil }
    guard let value = fields[name] as? String else {
      throw SandboxRejection("'\(name)' must be a string.")
    }
    return value
  }

  /// A string field that must be present and not empty.
  func requiredString(_ name: String) throws(SandboxRejection) -> String {
    guard let value = try string(name), !value.isEmpty else {
      throw SandboxRejection("Missing '\(name)'.", errors: ["'\(name)' is required"])
    }
    return value
  }

  /// A field that is a string or an array of strings, as Braze's identifier fields are;
  /// nil when absent. An empty array, a non-string item or more than `limit` items is a 400.
  func strings(_ name: String, limit: Int = identifierLimit) throws(SandboxRejection)
    -> [String]?
  {
    guard has(name) else { return nil }
    let values: [String]
    if let single = fields[name] as? String {
      values = [single]
    } else if let array = fields[name] as? [Any] {
      var collected: [String] = []
      for item in array {
        guard let text = item as? String else {
          throw SandboxRejection("'\(name)' must hold only strings.")
        }
        collected.append(text)
      }
      values = collected
    } else {
      throw SandboxRejection("'\(name)' must be a string or an array of strings.")
    }
    guard !values.isEmpty else {
      throw SandboxRejection("'\(name)' must not be empty; omit the field instead.")
    }
    guard values.count <= limit else {
      throw SandboxRejection(
        "Too many identifiers: '\(name)' holds \(values.count), the limit is \(limit) per request.",
        errors: ["Max Input Length Exceeded"])
    }
    return values
  }

  /// An array of JSON objects; nil when absent.
  func objects(_ name: String) throws(SandboxRejection) -> [[String: Any]]? {
    guard has(name) else { return nil }
    guard let array = fields[name] as? [Any] else {
      throw SandboxRejection("'\(name)' must be an array of objects.")
    }
    var objects: [[String: Any]] = []
    for item in array {
      guard let object = item as? [String: Any] else {
        throw SandboxRejection("'\(name)' must hold only objects.")
      }
      objects.append(object)
    }
    return objects
  }

  func bool(_ name: String) -> Bool? {
    fields[name] as? Bool
  }
}
