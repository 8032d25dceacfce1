import Foundation

/// The parts of a Braze JSON answer that matter for explaining it: `message` and `errors`.
/// `errors` items are strings on most endpoints and objects on `/users/track`
/// (braze-api.md §3), so both are turned into readable text.
struct BrazeResponseBody {
  var message: String?
  var errors: [String] = []
  /// The parsed object, for reading a verify answer.
  var object: [String: Any]?

  init(_ bytes: [UInt8]) {
    guard !bytes.isEmpty,
      let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    else { return }
    self.object = object
    message = object["message"] as? String
    if let items = object["errors"] as? [Any] {
      errors = items.map(Self.describe)
    } else if let single = object["errors"] {
      errors = [Self.describe(single)]
    }
  }

  /// `/users/track` error objects read as "type (attributes[0])"; anything else as
  /// compact JSON.
  static func describe(_ item: Any) -> String {
    if let text = item as? String { return text }
    if let object = item as? [String: Any], let type = object["type"] as? String {
      if let array = object["input_array"] as? String, let index = object["index"] as? Int {
        return "\(type) (\(array)[\(index)])"
      }
      return type
    }
    if JSONSerialization.isValidJSONObject(item),
      let data = try? JSONSerialization.data(
        withJSONObject: item, options: [.sortedKeys, .withoutEscapingSlashes])
    {
      return String(decoding: data, as: UTF8.self)
    }
    return String(describing: item)
  }
}
