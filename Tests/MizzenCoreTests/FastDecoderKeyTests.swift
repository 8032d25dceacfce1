import Testing

@testable import MizzenCore

/// The fast decoder hands each member over as a case of its kind's key enum, found by the
/// key's position in `WorkspaceShape`: each enum must name the shape's keys, in its order.
@Suite struct FastDecoderKeyTests {
  typealias Keys = WorkspaceFastDecoder.Keys

  static func names<Key: CaseIterable>(_: Key.Type) -> [String] {
    Key.allCases.map { "\($0)" }
  }

  @Test func everyKeyEnumFollowsItsShape() {
    let pairs: [(String, [String], [String])] = [
      ("workspace", Self.names(Keys.Workspace.self), WorkspaceShape.workspace.known),
      ("connection", Self.names(Keys.Connection.self), WorkspaceShape.connection.known),
      ("apiKey", Self.names(Keys.APIKey.self), WorkspaceShape.apiKey.known),
      ("mapping", Self.names(Keys.Mapping.self), WorkspaceShape.mapping.known),
      ("identitySpace", Self.names(Keys.IdentitySpace.self), WorkspaceShape.identitySpace.known),
      ("capture", Self.names(Keys.Capture.self), WorkspaceShape.capture.known),
      ("property", Self.names(Keys.Property.self), WorkspaceShape.property.known),
      ("channel", Self.names(Keys.Channel.self), WorkspaceShape.channel.known),
      ("topic", Self.names(Keys.Topic.self), WorkspaceShape.topic.known),
    ]
    for (kind, cases, shape) in pairs {
      #expect(cases == shape, "\(kind)")
    }
  }
}
