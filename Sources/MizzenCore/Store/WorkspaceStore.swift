#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and writes one workspace file without ever losing an edit (SPEC §2 "Saving").
///
/// Loading returns the workspace with the `FileRevision` of the bytes read. Saving writes
/// only when the file on disk is still that revision (else `.conflict`, nothing written),
/// and does so atomically: a temporary file in the same folder is written and flushed,
/// the current file is kept as `<file>.bak`, the temporary file is renamed over the file,
/// and the folder is flushed. A crash at any moment leaves either the old or the new file.
///
/// Concurrency between processes: the check of the revision and the rename happen while
/// holding an exclusive `flock` on the side file `<file>.lock`. The lock cannot be taken
/// on the workspace file itself, because every save replaces that file's inode and a
/// process waiting on the old inode would then hold a lock nobody else sees; a side file
/// that is never renamed or deleted gives every process the same inode. (It is never
/// deleted because deleting it would let a late process lock an unlinked inode.) Reading
/// needs no lock: the rename is atomic, so a reader sees the old or the new bytes whole.
/// (Loading takes it only to remove a killed save's temporary files, if it is free.)
/// The lock is advisory: it orders Mizzen processes; other editors are caught by the
/// revision check.
public struct WorkspaceStore: Sendable {
  public let path: String

  /// How long a save waits for another process's save to finish before giving up.
  static let lockTimeoutMilliseconds = 5_000

  /// The largest workspace file this program reads: 256 MiB. A workspace of 100,000
  /// topics with two channels each weighs about 51 MB, so this leaves five times that;
  /// a larger file (a wrong path to a disk image or a log, more often than a workspace) is
  /// refused before it is read, instead of taking gigabytes of memory to parse.
  public static let maxFileSize = 256 << 20

  /// The largest file a save writes: what a later load reads back (`maxFileSize`); lower
  /// only in tests.
  let saveLimit: Int

  /// The smallest file whose read buffer loading releases as it decodes
  /// (`ConsumedPages.smallestReleased`); lower only in tests.
  let releaseFrom: Int

  public init(path: String) {
    self.init(path: path, saveLimit: Self.maxFileSize)
  }

  init(
    path: String, saveLimit: Int, releaseFrom: Int = ConsumedPages.smallestReleased
  ) {
    self.path = path
    self.saveLimit = saveLimit
    self.releaseFrom = releaseFrom
  }

  /// Reads and decodes the file. Throws `.notFound` when there is no file.
  ///
  /// First removes the temporary files of a save that was killed midway, when no save is
  /// under way (see `AtomicWrite.removeLeftovers`).
  public func load() throws(StoreError) -> LoadedWorkspace {
    AtomicWrite.removeLeftovers(of: PosixFile.resolvingLink(path))
    var bytes = try readFile()
    try checkNotBlank(bytes)
    // The fast path releases the pages of the file it has decoded, so that a large file and
    // its model are not both held in full: the revision is taken first.
    let revision = FileRevision(bytes: bytes)
    let fast = WorkspaceFastDecoder.decode(releasing: &bytes, from: releaseFrom)
    if let workspace = fast.workspace {
      return LoadedWorkspace(workspace: workspace, revision: revision)
    }
    if fast.released {
      // Part of the buffer now reads as zeros: the exact path reads the file again.
      bytes = try readFile()
      try checkNotBlank(bytes)
    }
    do {
      let decoded = try WorkspaceCodec.decodeDocument(bytes)
      let keep = decoded.unknownKeys.isEmpty ? nil : decoded.document
      return LoadedWorkspace(
        workspace: decoded.workspace, revision: FileRevision(bytes: bytes, document: keep),
        unknownKeys: decoded.unknownKeys)
    } catch {
      throw StoreError(error, path: path, hint: "; " + backupHint(or: "fix it in an editor"))
    }
  }

  private func checkNotBlank(_ bytes: [UInt8]) throws(StoreError) {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      let advice = backupHint(or: "run `mizzen init \(path)` to write an empty workspace")
      let what =
        bytes.isEmpty
        ? "the file is empty" : "the file holds no JSON value, only spaces and line breaks"
      throw StoreError(
        kind: .syntax, path: path, line: 1, column: 1,
        message: "\(path): \(what); \(advice)", isUnreadable: true)
    }
  }

  /// Writes `workspace` if the file is still at `expecting`, and returns the new revision.
  ///
  /// `expecting`: the revision the edit was based on; nil means "the file must not exist
  /// yet". Keys of the file that the format does not define, kept in `expecting`, are
  /// written back.
  @discardableResult
  public func save(_ workspace: Workspace, expecting: FileRevision?) throws(StoreError)
    -> FileRevision
  {
    try checkWritable(workspace)
    let bytes: [UInt8]
    var keep: JSONValue? = nil
    if let old = expecting?.document {
      let document = WorkspaceShape.workspace.carryUnknownMembers(
        from: old, into: WorkspaceCodec.document(for: workspace))
      bytes = JSONWriter.write(document)
      keep = document
    } else {
      bytes = WorkspaceCodec.encode(workspace)
    }
    // A file this program could not read back is never written: the old file stays.
    if bytes.count > saveLimit { throw tooLargeToSave(bytes.count) }
    let target = PosixFile.resolvingLink(path)
    let lock = try SaveLock.acquire(for: target, displayPath: path)
    defer { lock.release() }
    let current = try readCurrent(target)
    try checkRevision(current: current?.bytes, expecting: expecting)
    let hasInlineKey = workspace.connections.contains {
      if case .inline = $0.apiKey { return true }
      return false
    }
    let mode: mode_t = hasInlineKey ? 0o600 : (current.map { $0.mode & 0o7777 } ?? 0o644)
    try AtomicWrite(target: target, displayPath: path).replace(
      with: bytes, mode: mode, keepingBackupOf: current)
    return FileRevision(bytes: bytes, document: keep)
  }

  // MARK: Checks

  private func checkWritable(_ workspace: Workspace) throws(StoreError) {
    if workspace.format != Workspace.formatName {
      throw StoreError(
        kind: .unknownFormat, path: path,
        message: "\(path): not saved: the workspace's format is \"\(workspace.format)\", and "
          + "only \"\(Workspace.formatName)\" can be written",
        isUnreadable: false)
    }
    if workspace.version > Workspace.currentVersion || workspace.version < 1 {
      throw StoreError(
        kind: .newerVersion, path: path,
        message: "\(path): not saved: format version \(workspace.version) is not one this "
          + "program writes (it writes version \(Workspace.currentVersion)); update mizzen",
        isUnreadable: false)
    }
  }

  private func checkRevision(current: [UInt8]?, expecting: FileRevision?) throws(StoreError) {
    switch (current, expecting) {
    case (nil, nil): return
    case (let bytes?, let revision?) where FileRevision(bytes: bytes) == revision: return
    case (.some, nil):
      throw conflict("a file already exists there; nothing was saved: open it and redo the change")
    case (nil, .some):
      throw conflict("the file was deleted or moved since it was read; nothing was saved")
    case (.some, .some):
      throw conflict(
        "the file changed on disk since it was read (another editor, a git pull?); nothing "
          + "was saved: reload it and redo the change")
    }
  }

  private func conflict(_ reason: String) -> StoreError {
    StoreError(kind: .conflict, path: path, message: "\(path): \(reason)", isUnreadable: false)
  }

  // MARK: Reading

  private func readFile() throws(StoreError) -> [UInt8] {
    let fd: Int32
    switch PosixFile.openFile(path, O_RDONLY | O_NONBLOCK) {
    case .success(let opened): fd = opened
    case .failure(let error): throw openError(error, reading: true)
    }
    defer { close(fd) }
    let info: stat
    switch PosixFile.status(fd) {
    case .success(let status): info = status
    case .failure(let error): throw ioError(error, doing: "read")
    }
    if PosixFile.isDirectory(info) {
      throw StoreError(
        kind: .notARegularFile, path: path,
        message: "\(path) is a folder, not a workspace file: give the path of a .json file",
        isUnreadable: true)
    }
    guard PosixFile.isRegular(info) else {
      throw StoreError(
        kind: .notARegularFile, path: path,
        message: "\(path) is not a regular file (a device, socket or pipe): give the path of "
          + "a .json file", isUnreadable: true)
    }
    if Int(info.st_size) > Self.maxFileSize {
      throw tooLarge(Int(info.st_size), unreadable: true)
    }
    switch PosixFile.readAll(fd, sizeHint: Int(info.st_size), limit: Self.maxFileSize) {
    case .success(let bytes): return bytes
    case .failure(let error) where error.code == EFBIG:
      throw tooLarge(nil, unreadable: true)
    case .failure(let error): throw ioError(error, doing: "read")
    }
  }

  /// The file as it is now, read under the lock, or nil when there is none.
  private func readCurrent(_ target: String) throws(StoreError) -> CurrentFile? {
    let fd: Int32
    switch PosixFile.openFile(target, O_RDONLY | O_NONBLOCK) {
    case .success(let opened): fd = opened
    case .failure(let error) where error.code == ENOENT: return nil
    case .failure(let error): throw openError(error, reading: false)
    }
    defer { close(fd) }
    guard case .success(let info) = PosixFile.status(fd), PosixFile.isRegular(info) else {
      throw StoreError(
        kind: .notARegularFile, path: path,
        message: "\(path) is not a regular file (a folder?); nothing was saved",
        isUnreadable: false)
    }
    if Int(info.st_size) > Self.maxFileSize {
      throw tooLarge(Int(info.st_size), unreadable: false)
    }
    switch PosixFile.readAll(fd, sizeHint: Int(info.st_size), limit: Self.maxFileSize) {
    case .success(let bytes): return CurrentFile(bytes: bytes, mode: info.st_mode)
    case .failure(let error) where error.code == EFBIG:
      throw tooLarge(nil, unreadable: false)
    case .failure(let error): throw ioError(error, doing: "read")
    }
  }

  /// A file above `maxFileSize` (`size` when known; nil when it grew while being read).
  private func tooLarge(_ size: Int?, unreadable: Bool) -> StoreError {
    let mebibyte = 1 << 20
    let actual = size.map { "\(($0 + mebibyte - 1) / mebibyte) MiB, " } ?? ""
    let outcome = unreadable ? "it was not read" : "nothing was saved"
    return StoreError(
      kind: .tooLarge, path: path,
      message: "\(path) is \(actual)larger than the \(Self.maxFileSize / mebibyte) MiB a "
        + "workspace file may be (100,000 topics take about 51 MB): \(outcome); check the path",
      isUnreadable: unreadable)
  }

  private func tooLargeToSave(_ size: Int) -> StoreError {
    func amount(_ bytes: Int) -> String {
      let mebibyte = 1 << 20
      return bytes < mebibyte ? "\(bytes) bytes" : "\((bytes + mebibyte - 1) / mebibyte) MiB"
    }
    return StoreError(
      kind: .tooLarge, path: path,
      message: "The workspace would take \(amount(size)), more than the \(amount(saveLimit)) "
        + "a workspace file may be, so it could not be read back: nothing was saved and "
        + "\(path) is unchanged; remove records, or split the workspace",
      isUnreadable: false)
  }

  private func openError(_ error: Errno, reading: Bool) -> StoreError {
    switch error.code {
    case ENOENT, ENOTDIR:
      return StoreError(
        kind: .notFound, path: path,
        message: "\(path): no such file; run `mizzen init \(path)` to create a workspace",
        isUnreadable: true)
    case EACCES, EPERM:
      return StoreError(
        kind: .permissionDenied, path: path,
        message: "\(path) cannot be read: permission denied; check the file's owner and "
          + "mode (chmod u+r)", isUnreadable: reading)
    default:
      return ioError(error, doing: "open", unreadable: reading)
    }
  }

  private func ioError(_ error: Errno, doing action: String, unreadable: Bool = true)
    -> StoreError
  {
    StoreError(
      kind: .io, path: path, message: "\(path): cannot \(action) the file: \(error.text)",
      isUnreadable: unreadable)
  }

  /// What to do about a damaged file: `advice`, and restoring `<file>.bak` when there is one.
  private func backupHint(or advice: String) -> String {
    guard PosixFile.exists(path + ".bak") else { return advice }
    return "\(advice), or restore the previous version from \(path).bak"
  }
}

/// The bytes and mode of the file on disk at save time.
struct CurrentFile {
  var bytes: [UInt8]
  var mode: mode_t
}
