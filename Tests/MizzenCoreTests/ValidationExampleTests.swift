import Foundation
import MizzenCore
import Testing

@Suite("Validation of Examples/acme.json")
struct ValidationExampleTests {
  static let examplePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/acme.json").path

  @Test func theExampleLoadsWithNoProblemAndIsWrittenInTheFileLayout() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.examplePath)))
    let decoded = try WorkspaceCodec.decodeDocument(bytes)
    #expect(decoded.unknownKeys == [])
    let problems = WorkspaceValidator.problems(in: decoded.workspace)
    #expect(problems == [], "\(problems.map { "\($0.rule) at \($0.path): \($0.message)" })")
    // Byte for byte what the program itself would write: sorted keys, layout, omissions.
    #expect(WorkspaceCodec.encode(decoded.workspace) == bytes)
  }

  @Test func theExampleCoversWhatItIsMeantToShow() throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.examplePath)))
    let workspace = try WorkspaceCodec.decode(bytes)
    #expect(workspace.connections.count == 2)
    #expect(workspace.identitySpaces.count == 3)
    #expect(workspace.properties.count == 2)
    #expect(workspace.topics.count == 8)
    let kinds = Set(workspace.topics.flatMap(\.channels).compactMap(\.kind))
    #expect(kinds == Set(Channel.allCases))
    let names = workspace.topics.map(\.name).joined()
    for sample in ["新製品", "会员", "이벤트", "Produktneuheiten", "spéciales", "📦"] {
      #expect(names.contains(sample), "no topic name with \(sample)")
    }
    let groups = workspace.topics.flatMap(\.channels).map(\.subscriptionGroupId).filter {
      !$0.isEmpty
    }
    #expect(Set(groups).count == groups.count)
    for connection in workspace.connections {
      guard case .environment = connection.apiKey else {
        Issue.record("\(connection.code) keeps its key inline")
        continue
      }
    }
  }
}
