import Foundation
import MizzenConsole
import MizzenCore

/// Workspaces and helpers shared by the console tests.
enum Fixtures {
  /// A workspace with Latin, CJK, emoji and very long names, two instances and a custom URL,
  /// and both kinds of key source.
  static let workspace = Workspace(
    name: "Acme 株式会社",
    connections: [
      Connection(
        code: "braze_us", name: "Braze US", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_US_API_KEY"),
        identityMapping: [
          IdentityMapping(identitySpace: "email", field: .email),
          IdentityMapping(identitySpace: "customer_id", field: .externalID),
        ]),
      Connection(
        code: "braze_jp", name: "東京の接続 🗼 本番", endpoint: "https://rest.jp-01.braze.com",
        apiKey: .inline("fake-key-not-real-9876"),
        identityMapping: [IdentityMapping(identitySpace: "phone", field: .phone)]),
      Connection(
        code: "sandbox_local",
        name: "A connection with a very long name that never fits in any column 👨‍👩‍👧 at all",
        endpoint: "http://127.0.0.1:4010", apiKey: .environment("SANDBOX_KEY"),
        identityMapping: [IdentityMapping(identitySpace: "customer_id", field: .externalID)]),
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email address", type: .email, marketingPreference: true),
      IdentitySpace(code: "phone", name: "電話番号", type: .phone),
      IdentitySpace(code: "customer_id", name: "Customer ID", type: .id),
    ],
    properties: [
      Property(
        code: "website", name: "Website", platform: "web",
        identities: [
          IdentityCapture(
            identitySpace: "email", type: "dataLayer", variable: "user.email", format: "string")
        ])
    ],
    topics: [
      Topic(
        code: "weekly_newsletter", name: "Weekly newsletter 📰", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .email, connection: "braze_us",
            subscriptionGroupId: "fbc3506c-26a5-4f35-b8f0-ed382da4f2db")
        ]),
      Topic(
        code: "sale_jp", name: "セール情報", legalBasis: "consent_optin",
        channels: [
          TopicChannel(
            kind: .sms, connection: "braze_jp",
            subscriptionGroupId: "0c1b2a39-1111-4222-8333-444455556666")
        ]),
    ])

  static let path = "/home/admin/work/acme/mizzen.json"

  /// A store-written copy of `workspace` in a fresh temporary folder, loaded back: real
  /// revisions for the console to carry.
  static func loaded(_ workspace: Workspace = workspace) throws -> (WorkspaceStore, LoadedWorkspace)
  {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-console-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let store = WorkspaceStore(path: folder.appendingPathComponent("mizzen.json").path)
    _ = try store.save(workspace, expecting: nil)
    return (store, try store.load())
  }

  static func state(
    _ workspace: Workspace = workspace, readOnly: Bool = false,
    size: Size = Size(width: 100, height: 30)
  ) throws -> ConsoleState {
    let (store, loaded) = try loaded(workspace)
    // The state keeps only the revision; the folder is not needed past this point.
    try? FileManager.default.removeItem(
      at: URL(fileURLWithPath: store.path).deletingLastPathComponent())
    return ConsoleModel.initialState(
      loaded: loaded, loadError: nil,
      options: ConsoleOptions(readOnly: readOnly, workspacePath: path),
      size: size)
  }
}

/// Presses keys one after another, collecting every effect.
@discardableResult
func press(_ state: inout ConsoleState, _ keys: Key...) -> [Effect] {
  keys.flatMap { ConsoleModel.update(&state, .key($0)) }
}

/// Types a string, one character key at a time.
@discardableResult
func type(_ state: inout ConsoleState, _ text: String) -> [Effect] {
  text.flatMap { ConsoleModel.update(&state, .key(.character($0))) }
}
