import Foundation
import Testing

@testable import MizzenCore

@Suite struct StoreSaveTests {
  private func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func saveThenLoadGivesTheSameWorkspaceAndRevision() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let revision = try store.save(StoreFixtures.international, expecting: nil)
    let loaded = try store.load()
    #expect(loaded.workspace == StoreFixtures.international)
    #expect(loaded.revision == revision)
    #expect(try folder.read("mizzen.json") == WorkspaceCodec.encode(StoreFixtures.international))
  }

  @Test func loadAndSaveUnchangedKeepsTheBytes() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", StoreFixtures.acmeText)
    let store = WorkspaceStore(path: path)
    let loaded = try store.load()
    let revision = try store.save(loaded.workspace, expecting: loaded.revision)
    #expect(try folder.read("mizzen.json") == Array(StoreFixtures.acmeText.utf8))
    #expect(revision == loaded.revision)
  }

  @Test func aWorkspaceTooLargeToReadBackIsNotSaved() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("mizzen.json")
    let first = try WorkspaceStore(path: path).save(StoreFixtures.acme, expecting: nil)
    let before = try folder.read("mizzen.json")
    // The limit lowered to the size of the file now, so that one more name is too much.
    let store = WorkspaceStore(path: path, saveLimit: before.count)
    var grown = StoreFixtures.acme
    grown.name += String(repeating: "界", count: 100)
    #expect {
      try store.save(grown, expecting: first)
    } throws: { error in
      guard let error = error as? StoreError else { return false }
      return error.kind == .tooLarge && error.message.contains("nothing was saved")
        && !error.isUnreadable
    }
    #expect(try folder.read("mizzen.json") == before)
    #expect(
      try folder.contents() == ["mizzen.json", "mizzen.json.lock"],
      "no backup or temporary file; the lock is the first save's")
  }

  @Test func previousVersionIsKeptAsBak() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    var first = try store.save(StoreFixtures.acme, expecting: nil)
    #expect(try folder.contents() == ["mizzen.json", "mizzen.json.lock"])
    var renamed = StoreFixtures.acme
    renamed.name = "Acme 2"
    first = try store.save(renamed, expecting: first)
    #expect(try folder.read("mizzen.json.bak") == WorkspaceCodec.encode(StoreFixtures.acme))
    #expect(try folder.read("mizzen.json") == WorkspaceCodec.encode(renamed))
    renamed.name = "Acme 3"
    try store.save(renamed, expecting: first)
    #expect(
      try WorkspaceCodec.decode(try folder.read("mizzen.json.bak")).name == "Acme 2")
    #expect(try folder.contents() == ["mizzen.json", "mizzen.json.bak", "mizzen.json.lock"])
  }

  @Test func inlineKeyMakesTheFileOwnerOnly() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("mizzen.json")
    let store = WorkspaceStore(path: path)
    var revision = try store.save(StoreFixtures.acme, expecting: nil)
    #expect(try mode(path) == 0o644)
    revision = try store.save(StoreFixtures.international, expecting: revision)
    #expect(try mode(path) == 0o600)
    #expect(try mode(path + ".bak") == 0o600, "the backup is never more readable than the file")
    revision = try store.save(StoreFixtures.acme, expecting: revision)
    #expect(try mode(path) == 0o600, "once restricted, the mode is kept")
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    try store.save(StoreFixtures.acme, expecting: revision)
    #expect(try mode(path) == 0o640, "an admin's chosen mode is kept")
  }

  /// A file written by hand with an inline key and mode 0644 becomes 0600 at its first save;
  /// its backup holds the same key, so it gets 0600 too, not the old file's 0644.
  @Test func theBackupOfAFileWithAnInlineKeyIsNeverMoreReadableThanTheFile() throws {
    let folder = try TemporaryFolder()
    let old = WorkspaceCodec.encode(StoreFixtures.international)
    let path = try folder.write("mizzen.json", old)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let store = WorkspaceStore(path: path)
    var revision = try store.load().revision
    var renamed = StoreFixtures.international
    renamed.name = "Renamed"
    revision = try store.save(renamed, expecting: revision)
    #expect(try mode(path) == 0o600)
    #expect(try mode(path + ".bak") == 0o600)
    #expect(try folder.read("mizzen.json.bak") == old)
    try store.save(StoreFixtures.international, expecting: revision)
    #expect(try mode(path + ".bak") == 0o600)
    #expect(try WorkspaceCodec.decode(try folder.read("mizzen.json.bak")) == renamed)
  }

  /// When the mode does not change, the backup is still a link to the old file (no copy).
  @Test func anUnchangedModeKeepsTheBackupAsAHardLink() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", StoreFixtures.acmeText)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    let before = try inode(path)
    let store = WorkspaceStore(path: path)
    try store.save(StoreFixtures.international, expecting: try store.load().revision)
    #expect(try mode(path) == 0o600)
    #expect(try inode(path + ".bak") != before, "0640 to 0600: a copy with the new mode")
    let middle = try inode(path)
    try store.save(StoreFixtures.acme, expecting: try store.load().revision)
    #expect(try inode(path + ".bak") == middle)
    #expect(try mode(path + ".bak") == 0o600)
  }

  private func inode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
  }

  @Test func changedFileOnDiskIsAConflictAndNothingIsWritten() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let revision = try store.save(StoreFixtures.acme, expecting: nil)
    var other = StoreFixtures.acme
    other.name = "Edited elsewhere"
    let elsewhere = WorkspaceCodec.encode(other)
    _ = try folder.write("mizzen.json", elsewhere)
    let before = try folder.contents()
    let error = #expect(throws: StoreError.self) {
      try store.save(StoreFixtures.international, expecting: revision)
    }
    #expect(error?.kind == .conflict)
    #expect(error?.isUnreadable == false)
    #expect(error?.message.contains("changed on disk") == true)
    #expect(try folder.read("mizzen.json") == elsewhere)
    #expect(try folder.contents() == before)
  }

  @Test func expectingNoFileRefusesToReplaceOne() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", StoreFixtures.acmeText)
    let error = #expect(throws: StoreError.self) {
      try WorkspaceStore(path: path).save(StoreFixtures.international, expecting: nil)
    }
    #expect(error?.kind == .conflict)
    #expect(try folder.read("mizzen.json") == Array(StoreFixtures.acmeText.utf8))
  }

  @Test func deletedFileIsAConflict() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let revision = try store.save(StoreFixtures.acme, expecting: nil)
    try FileManager.default.removeItem(atPath: store.path)
    let error = #expect(throws: StoreError.self) {
      try store.save(StoreFixtures.acme, expecting: revision)
    }
    #expect(error?.kind == .conflict)
    #expect(!FileManager.default.fileExists(atPath: store.path))
  }

  @Test func identicalBytesWrittenElsewhereAreNoConflict() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let revision = try store.save(StoreFixtures.acme, expecting: nil)
    _ = try folder.write("mizzen.json", WorkspaceCodec.encode(StoreFixtures.acme))
    try store.save(StoreFixtures.international, expecting: revision)
    #expect(try store.load().workspace == StoreFixtures.international)
  }

  @Test(arguments: [
    (Workspace(format: "other.tool", name: "x"), StoreError.Kind.unknownFormat),
    (Workspace(version: 2, name: "x"), .newerVersion),
  ])
  func foreignWorkspacesAreNotWritten(workspace: Workspace, kind: StoreError.Kind) throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let error = #expect(throws: StoreError.self) { try store.save(workspace, expecting: nil) }
    #expect(error?.kind == kind)
    #expect(try folder.contents().isEmpty)
  }

  @Test func savingThroughASymlinkReplacesItsTarget() throws {
    let folder = try TemporaryFolder()
    let target = folder.file("real.json")
    let link = folder.file("link.json")
    let store = WorkspaceStore(path: link)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try store.save(StoreFixtures.acme, expecting: nil)
    let loaded = try store.load()
    try store.save(StoreFixtures.international, expecting: loaded.revision)
    let kind = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
    #expect(try folder.read("real.json") == WorkspaceCodec.encode(StoreFixtures.international))
  }

  @Test func unknownKeysSurviveASave() throws {
    let folder = try TemporaryFolder()
    let text = """
      {"format": "mizzen.workspace", "version": 1, "name": "A", "owner": {"team": "ops"},
       "topics": [
         {"code": "a", "name": "A", "color": "red",
          "channels": [{"channel": "email", "connection": "c", "weight": 2}]},
         {"code": "b", "name": "B", "color": "blue"}]}
      """
    let path = try folder.write("mizzen.json", text)
    let store = WorkspaceStore(path: path)
    let loaded = try store.load()
    #expect(
      loaded.unknownKeys == [
        "owner", "topics[0].color", "topics[0].channels[0].weight", "topics[1].color",
      ])
    var workspace = loaded.workspace
    workspace.topics.swapAt(0, 1)
    workspace.topics[1].name = "A renamed"
    workspace.topics.append(Topic(code: "c", name: "C"))
    let revision = try store.save(workspace, expecting: loaded.revision)
    let reloaded = try store.load()
    #expect(reloaded.workspace == workspace)
    #expect(
      reloaded.unknownKeys == [
        "owner", "topics[0].color", "topics[1].color", "topics[1].channels[0].weight",
      ])
    #expect(reloaded.revision == revision)
    let document = try JSONReader.parse(try folder.read("mizzen.json"))
    #expect(document["owner"] == .object([JSONMember("team", .string("ops"))]))
    guard case .array(let topics)? = document["topics"] else {
      Issue.record("topics is not an array")
      return
    }
    #expect(topics[0]["color"] == .string("blue"))
    #expect(topics[1]["color"] == .string("red"))
    #expect(topics[2]["color"] == nil)
  }
}
