/// The lookup of a header by name that HTTPTransfer.swift uses; the same as MizzenCore's
/// `ResponseHeaders.value` (this library imports nothing of Mizzen).
enum ResponseHeaders {
  static func value(_ name: String, in headers: [String: String]) -> String? {
    let wanted = name.lowercased()
    guard let value = headers.first(where: { $0.key.lowercased() == wanted })?.value else {
      return nil
    }
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty ? nil : trimmed
  }
}
