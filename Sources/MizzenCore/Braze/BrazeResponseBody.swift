import Foundation

/// The parts of a Braze JSON answer that matter for explaining it: `message` and `errors`.
/// `errors` items are strings on most endpoints and objects on `/users/track`
/// (braze-api.md §3), so both are turned into readable text.
///
/// Both are bounded (a message to 1,000 characters, at most 20 errors of 500 each), since
/// they are repeated in the outcome's sentence and in the journal.
struct BrazeResponseBody {
  static let messageLimit = 1000
  static let errorLimit = 500
  static let errorCount = 20

  var message: String?
  var errors: [String] = []
  /// The parsed object, for reading a verify answer.
  var object: [String: Any]?

  init(_ bytes: [UInt8]) {
    guard !bytes.isEmpty,
      let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    else { return }
    self.object = object
    message = (object["message"] as? String).map { Self.cut($0, Self.messageLimit) }
    var items: [Any] = []
    if let list = object["errors"] as? [Any] {
      items = list
    } else if let single = object["errors"] {
      items = [single]
    }
    errors = items.prefix(Self.errorCount).map { Self.cut(Self.describe($0), Self.errorLimit) }
    if items.count > Self.errorCount {
      errors.append("and \(items.count - Self.errorCount) more errors")
    }
  }

  private static func cut(_ text: String, _ limit: Int) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…[truncated]" : text
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
