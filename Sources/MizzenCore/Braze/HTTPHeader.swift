/// One HTTP header field of a planned request.
public struct HTTPHeader: Equatable, Sendable, Codable {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
