import Foundation
import MizzenCore
import Testing

@Suite("Workspace JSON Schema")
struct ValidationSchemaTests {
  private func schema() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(WorkspaceSchema.text.utf8))
    return try #require(object as? [String: Any])
  }

  private func definition(_ name: String) throws -> [String: Any] {
    let defs = try #require(try schema()["$defs"] as? [String: Any])
    return try #require(defs[name] as? [String: Any])
  }

  private func enumeration(_ def: String, _ property: String) throws -> [String] {
    let properties = try #require(try definition(def)["properties"] as? [String: Any])
    let field = try #require(properties[property] as? [String: Any])
    return try #require(field["enum"] as? [String])
  }

  @Test func isDraft202012JSONEndingInANewline() throws {
    #expect(try schema()["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect(WorkspaceSchema.text.hasSuffix("}\n"))
    #expect(!WorkspaceSchema.text.hasPrefix(" "))
  }

  @Test func enumerationsMatchTheModel() throws {
    #expect(try enumeration("topicChannel", "channel") == Channel.allCases.map(\.rawValue))
    #expect(try enumeration("identityMapping", "brazeField") == BrazeField.allCases.map(\.rawValue))
    #expect(
      try enumeration("identitySpace", "valueType") == IdentityValueType.allCases.map(\.rawValue))
    #expect(try enumeration("identityCapture", "type") == CaptureType.allCases.map(\.rawValue))
    #expect(try enumeration("identityCapture", "format") == CaptureFormat.allCases.map(\.rawValue))
    #expect(
      try enumeration("identityCapture", "encoding") == CaptureEncoding.allCases.map(\.rawValue))
  }

  @Test func formatVersionAndCodePatternMatchTheProgram() throws {
    let properties = try #require(try schema()["properties"] as? [String: Any])
    let format = try #require(properties["format"] as? [String: Any])
    #expect(format["const"] as? String == Workspace.formatName)
    let version = try #require(properties["version"] as? [String: Any])
    #expect(version["const"] as? Int == Workspace.currentVersion)
    let pattern = try #require(try definition("code")["pattern"] as? String)
    let regex = try Regex(pattern)
    for code in ["a", "braze_us", "a" + String(repeating: "9", count: 63), "", "A", "9a", "a-b"] {
      let matches = (try? regex.wholeMatch(in: code)) != nil
      #expect(matches == CodeGenerator.isValid(code), "\(code)")
    }
  }
}
