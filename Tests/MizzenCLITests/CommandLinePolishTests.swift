import Foundation
import Testing

/// The command line's small courtesies: a mistyped command is named with the nearest one,
/// a missing folder or workspace is said as such, curl reads the connection's own key
/// variable, and validate lists errors before warnings.
@Suite struct CommandLinePolishTests {
  @Test func mistypedCommandSuggestsTheNearest() async throws {
    for arguments in [["valdiate"], ["--workspace", "w.json", "valdiate"], ["hsitory"]] {
      let run = try await MizzenCLI.run(arguments)
      #expect(run.status == 64)
      #expect(run.stdout.isEmpty)
      let nearest = arguments.last == "hsitory" ? "history" : "validate"
      #expect(
        run.stderr.contains("'\(arguments.last!)' is not a command. Did you mean \(nearest)?"))
      #expect(!run.stderr.contains("USAGE"), "the console's usage is not the answer")
    }
    let unrelated = try await MizzenCLI.run(["xyzzyplugh"])
    #expect(unrelated.status == 64)
    #expect(unrelated.stderr.contains("'xyzzyplugh' is not a command."))
    #expect(!unrelated.stderr.contains("Did you mean"))
  }

  @Test func versionIsPrinted() async throws {
    let run = try await MizzenCLI.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
  }

  @Test func initIntoAMissingFolderSaysTheFolderIsMissing() async throws {
    let folder = try TemporaryFolder()
    let target = folder.file("not-yet/mizzen.json")
    let run = try await MizzenCLI.run(["init", target])
    #expect(run.status == 2)
    #expect(run.stderr.contains("the folder \(folder.file("not-yet")) does not exist"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("not-yet")))
  }

  @Test func historyWithoutAWorkspaceSaysThereIsNone() async throws {
    let folder = try TemporaryFolder()
    let missing = try await MizzenCLI.run(["history", "--workspace", folder.file("none.json")])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no workspace at \(folder.file("none.json"))"))
    #expect(!missing.stdout.contains("No sends recorded yet"))

    let created = try await MizzenCLI.run(["init", folder.file("new.json")])
    #expect(created.status == 0)
    let empty = try await MizzenCLI.run(["history", "--workspace", folder.file("new.json")])
    #expect(empty.status == 0)
    #expect(empty.stdout.contains("No sends recorded yet"))
  }

  @Test func curlReadsTheConnectionsOwnKeyVariableAndNeverAnInlineKey() async throws {
    let folder = try TemporaryFolder()
    let inlineKey = "inline-secret-key-9876"
    let json = SignalCLIFixture.workspaceJSON(endpoint: "https://rest.iad-01.braze.com")
      .replacingOccurrences(
        of: #"{ "env": "\#(SignalCLIKeys.variable)" }"#, with: #"{ "env": "BRAZE_US_API_KEY" }"#)
    try json.write(toFile: folder.file("env.json"), atomically: true, encoding: .utf8)
    let inline = json.replacingOccurrences(
      of: #"{ "env": "BRAZE_US_API_KEY" }"#, with: #"{ "value": "\#(inlineKey)" }"#)
    try inline.write(toFile: folder.file("inline.json"), atomically: true, encoding: .utf8)
    let send = [
      "send", "--topic", "news", "--channel", "email", "--identity", "email=a@example.com",
      "--state", "granted", "--format", "curl",
    ]

    let byVariable = try await MizzenCLI.run(send + ["--workspace", folder.file("env.json")])
    #expect(byVariable.status == 0, "\(byVariable.stderr)")
    #expect(byVariable.stdout.contains(#"-H "Authorization: Bearer $BRAZE_US_API_KEY""#))
    #expect(!byVariable.stdout.contains("$BRAZE_API_KEY"))

    let byInline = try await MizzenCLI.run(send + ["--workspace", folder.file("inline.json")])
    #expect(byInline.status == 0, "\(byInline.stderr)")
    #expect(byInline.stdout.contains(#"-H "Authorization: Bearer $BRAZE_API_KEY""#))
    #expect(byInline.stdout.contains("connections[braze].apiKey.value"))
    #expect(!byInline.output.contains(inlineKey))
  }

  @Test func validateListsErrorsBeforeWarnings() async throws {
    let folder = try TemporaryFolder()
    // The connection's inline key is a warning found before the topic's empty name, an error.
    let workspace = """
      {
        "format": "mizzen.workspace", "version": 1, "name": "Order",
        "connections": [
          { "code": "us", "name": "US", "endpoint": "https://rest.iad-01.braze.com",
            "apiKey": { "value": "inline-key-0001" },
            "identityMapping": [ { "identitySpace": "email", "brazeField": "email" } ] }
        ],
        "identitySpaces": [
          { "code": "email", "name": "Email", "valueType": "email", "marketingPreference": true }
        ],
        "properties": [],
        "topics": [
          { "code": "news", "name": " ", "description": "", "legalBasis": "consent_optin",
            "channels": [] },
          { "code": "deals", "name": "", "description": "", "legalBasis": "consent_optin",
            "channels": [] }
        ]
      }
      """
    try workspace.write(toFile: folder.file("w.json"), atomically: true, encoding: .utf8)
    let run = try await MizzenCLI.run(["validate", "--workspace", folder.file("w.json")])
    #expect(run.status == 1, "\(run.output)")
    let severities = run.stdout.split(separator: "\n").compactMap { line in
      line.hasPrefix("error") ? "error" : line.hasPrefix("warning") ? "warning" : nil
    }
    #expect(severities.contains("warning") && severities.contains("error"), "\(run.stdout)")
    #expect(severities == severities.sorted { $0 == "error" && $1 == "warning" })
    let news = try #require(run.stdout.range(of: "topics[news]"))
    let deals = try #require(run.stdout.range(of: "topics[deals]"))
    #expect(news.lowerBound < deals.lowerBound, "errors keep the validator's order")
  }
}
