import Foundation
import MizzenCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Which files the store says not to write, on real files and folders. The tests run as
/// root, who may write anything: the store judges owner and mode as for an ordinary user.
@Suite("Writability: files and folders a save should not write")
struct WritabilityTests {
  /// A workspace file written in a fresh folder, with the store on it.
  static func workspace() throws -> (TemporaryFolder, WorkspaceStore) {
    let folder = try TemporaryFolder()
    let path = try folder.write("w.json", #"{"format":"mizzen.workspace","version":1}"#)
    return (folder, WorkspaceStore(path: path))
  }

  static func names(_ folder: TemporaryFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test("a file of one's own in a folder of one's own is writable, and asking writes nothing")
  func writableFile() throws {
    let (folder, store) = try Self.workspace()
    #expect(store.readOnlyReason() == nil)
    #expect(try Self.names(folder) == ["w.json"])
    let missing = WorkspaceStore(path: folder.file("new.json"))
    #expect(missing.readOnlyReason() == nil)
    #expect(try Self.names(folder) == ["w.json"])
  }

  @Test("a 0444 file is read-only, even for root")
  func modeWithoutWriteBit() throws {
    let (folder, store) = try Self.workspace()
    defer { withExtendedLifetime(folder) {} }
    #expect(chmod(store.path, 0o444) == 0)
    #expect(access(store.path, W_OK) == (geteuid() == 0 ? 0 : -1))
    let reason = try #require(store.readOnlyReason())
    #expect(reason.summary == "mode 0444")
    #expect(reason.detail.contains("is read-only (mode 0444)"))
  }

  @Test("a file owned by another user is read-only, even for root")
  func otherOwner() throws {
    let (folder, store) = try Self.workspace()
    defer { withExtendedLifetime(folder) {} }
    try #require(geteuid() == 0, "chown to another uid needs root")
    #expect(chown(store.path, 4242, 4242) == 0)
    let reason = try #require(store.readOnlyReason())
    #expect(reason.summary == "owned by uid 4242")
    #expect(reason.detail.contains("belongs to another user (uid 4242)"))
  }

  @Test("a symbolic link is judged by the file it points to")
  func linkToReadOnlyFile() throws {
    let (folder, store) = try Self.workspace()
    #expect(chmod(store.path, 0o444) == 0)
    #expect(symlink(store.path, folder.file("link.json")) == 0)
    let reason = try #require(WorkspaceStore(path: folder.file("link.json")).readOnlyReason())
    #expect(reason.summary == "mode 0444")
  }

  @Test("a 0555 folder cannot take the lock or the temporary file: read-only")
  func folderWithoutWriteBit() throws {
    let (folder, store) = try Self.workspace()
    #expect(chmod(folder.path, 0o555) == 0)
    defer { chmod(folder.path, 0o755) }
    let reason = try #require(store.readOnlyReason())
    #expect(reason.summary == "folder not writable")
    #expect(reason.detail.contains("mode 0555"))
    #expect(reason.detail.contains("lock and temporary files"))
    // A file not created yet is judged by its folder alone.
    let missing = try #require(WorkspaceStore(path: folder.file("new.json")).readOnlyReason())
    #expect(missing.summary == "folder not writable")
  }

  @Test("a folder owned by another user, writable only by them: read-only")
  func folderOfAnotherUser() throws {
    let (folder, store) = try Self.workspace()
    try #require(geteuid() == 0, "chown to another uid needs root")
    #expect(chown(folder.path, 4242, 4242) == 0)
    #expect(chmod(folder.path, 0o755) == 0)
    let reason = try #require(store.readOnlyReason())
    #expect(reason.summary == "folder not writable")
    // Made writable by all (as /tmp is), the folder is fine again.
    #expect(chmod(folder.path, 0o777) == 0)
    #expect(store.readOnlyReason() == nil)
  }

  @Test("a file in a folder that does not exist: read-only, saying so")
  func missingFolder() throws {
    let folder = try TemporaryFolder()
    let reason = try #require(WorkspaceStore(path: folder.file("gone/w.json")).readOnlyReason())
    #expect(reason.summary == "no folder")
    #expect(reason.detail.contains("No such file or directory"))
  }
}
