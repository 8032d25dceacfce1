import Foundation
import Testing

@testable import MizzenCore

/// What a save killed midway leaves behind is removed when the workspace is next opened:
/// only the save's own temporary files, by their exact names, and never during a save.
@Suite struct StoreLeftoverTests {
  /// Files that look like the save's temporary files but are not theirs: they must stay.
  static let lookAlikes = [
    "w.json.tmp", ".w.json.tmp2", ".w.json.tmp.old", "..w.json.tmp", ".w.json.bak.tmp~",
    ".w.jsonx.tmp", ".x.json.tmp", ".w.json.bak", "w.json.bak.tmp",
  ]

  @Test func partialTemporaryFilesAreRemovedAtTheNextOpenAndNothingElse() throws {
    let folder = try TemporaryFolder()
    let store = WorkspaceStore(path: folder.file("w.json"))
    let revision = try store.save(StoreFixtures.acme, expecting: nil)
    let partial = Array(WorkspaceCodec.encode(StoreFixtures.international).prefix(300))
    _ = try folder.write(".w.json.tmp", partial)
    _ = try folder.write(".w.json.bak.tmp", partial)
    for name in Self.lookAlikes { _ = try folder.write(name, "keep me") }
    let loaded = try store.load()
    #expect(loaded.workspace == StoreFixtures.acme)
    #expect(!FileManager.default.fileExists(atPath: folder.file(".w.json.tmp")))
    #expect(!FileManager.default.fileExists(atPath: folder.file(".w.json.bak.tmp")))
    for name in Self.lookAlikes {
      #expect(try folder.read(name) == Array("keep me".utf8), "\(name) was touched")
    }
    try store.save(StoreFixtures.international, expecting: revision)
    #expect(try store.load().workspace == StoreFixtures.international)
  }

  @Test func aFolderWithATemporaryFilesNameIsNotRemoved() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("w.json", StoreFixtures.acmeText)
    try FileManager.default.createDirectory(
      atPath: folder.file(".w.json.tmp"), withIntermediateDirectories: false)
    _ = try folder.write(".w.json.tmp/inside", "data")
    _ = try WorkspaceStore(path: path).load()
    #expect(try folder.read(".w.json.tmp/inside") == Array("data".utf8))
  }

  /// Another process saving holds the lock while its temporary file is being written: an
  /// open then must not remove it, or that save's rename would fail.
  @Test func aTemporaryFileIsLeftAloneWhileASaveHoldsTheLock() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("w.json", StoreFixtures.acmeText)
    _ = try folder.write(".w.json.tmp", "being written")
    let lock = open(folder.file("w.json.lock"), O_RDONLY | O_CREAT, 0o644)
    try #require(lock >= 0)
    try #require(flock(lock, LOCK_EX | LOCK_NB) == 0)
    _ = try WorkspaceStore(path: path).load()
    #expect(try folder.read(".w.json.tmp") == Array("being written".utf8))
    close(lock)
    _ = try WorkspaceStore(path: path).load()
    #expect(!FileManager.default.fileExists(atPath: folder.file(".w.json.tmp")))
  }

  @Test func anOpenWithoutLeftoversCreatesNothing() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("w.json", StoreFixtures.acmeText)
    _ = try WorkspaceStore(path: path).load()
    #expect(try folder.contents() == ["w.json"])
  }

  /// Through a link, the save writes its temporary files beside the link's target, so that
  /// is where leftovers are looked for.
  @Test func leftoversOfALinkedFileAreFoundBesideItsTarget() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: folder.file("real"), withIntermediateDirectories: false)
    _ = try folder.write("real/w.json", StoreFixtures.acmeText)
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.json"), withDestinationPath: folder.file("real/w.json"))
    _ = try folder.write("real/.w.json.tmp", "partial")
    _ = try folder.write(".link.json.tmp", "not ours: no save writes this name")
    _ = try WorkspaceStore(path: folder.file("link.json")).load()
    #expect(!FileManager.default.fileExists(atPath: folder.file("real/.w.json.tmp")))
    #expect(FileManager.default.fileExists(atPath: folder.file(".link.json.tmp")))
  }
}
