#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replaces a file's bytes so that a crash at any moment leaves the old or the new file.
///
/// Only used under `SaveLock`, which is why the temporary names can be fixed
/// (`.<name>.tmp`, `.<name>.bak.tmp`): whoever holds the lock is the only writer, and a
/// leftover from a process killed mid-save is replaced by the next save, or removed when
/// the workspace is next opened (`removeLeftovers`).
struct AtomicWrite {
  let target: String
  let displayPath: String

  /// The temporary files a save of `target` writes, in the same folder: the new file and
  /// the backup being put in place. No other name is ever written, or removed as a leftover.
  static func temporaryFiles(of target: String) -> [String] {
    let folder = PosixFile.folder(of: target)
    let name = PosixFile.name(of: target)
    return [folder + "/." + name + ".tmp", folder + "/." + name + ".bak.tmp"]
  }

  /// Removes what a save killed midway left behind: the regular files named exactly as in
  /// `temporaryFiles(of:)`, and only while no save is under way (the save lock is free).
  /// Does nothing, and creates nothing, when there are none. One that cannot be removed (a
  /// read-only folder) is left: the next save replaces it.
  static func removeLeftovers(of target: String) {
    guard temporaryFiles(of: target).contains(where: PosixFile.isRegularFile),
      let lock = SaveLock.acquireIfFree(for: target)
    else { return }
    defer { lock.release() }
    for file in temporaryFiles(of: target) where PosixFile.isRegularFile(file) {
      unlink(file)
    }
  }

  /// Writes `bytes` with `mode`; keeps `previous` (the file being replaced) as `.bak`.
  func replace(with bytes: [UInt8], mode: mode_t, keepingBackupOf previous: CurrentFile?)
    throws(StoreError)
  {
    let folder = PosixFile.folder(of: target)
    let temporary = Self.temporaryFiles(of: target)[0]
    try writeFlushed(bytes, to: temporary, mode: mode)
    if let previous {
      try keepBackup(previous, mode: mode)
    }
    guard rename(temporary, target) == 0 else {
      let error = Errno(errno)
      unlink(temporary)
      throw failure("cannot rename \(temporary) over the file", error)
    }
    try flushFolder(folder)
  }

  /// `<file>.bak` becomes the file being replaced, with the new file's `mode`: a backup of a
  /// file that holds a key is never more readable than the file. A hard link to the old
  /// inode (no copy) when it already has that mode and the file system allows links, else
  /// a flushed copy, with `mode`, of the bytes read under the lock. (Changing the mode of
  /// the linked inode instead would change the live file's mode before the rename, and
  /// leave it changed if the save then failed.)
  private func keepBackup(_ previous: CurrentFile, mode: mode_t) throws(StoreError) {
    let backup = target + ".bak"
    let temporary = Self.temporaryFiles(of: target)[1]
    unlink(temporary)
    if previous.mode & 0o7777 != mode || link(target, temporary) != 0 {
      try writeFlushed(previous.bytes, to: temporary, mode: mode)
    }
    guard rename(temporary, backup) == 0 else {
      let error = Errno(errno)
      unlink(temporary)
      throw failure("cannot keep the previous version as \(backup)", error)
    }
  }

  private func writeFlushed(_ bytes: [UInt8], to file: String, mode: mode_t) throws(StoreError) {
    unlink(file)
    let fd: Int32
    switch PosixFile.openFile(file, O_WRONLY | O_CREAT | O_EXCL, mode) {
    case .success(let opened): fd = opened
    case .failure(let error): throw failure("cannot create \(file)", error)
    }
    var problem: (String, Errno)? = nil
    if fchmod(fd, mode) != 0 {
      problem = ("cannot set the mode of \(file)", Errno(errno))
    } else if let error = PosixFile.writeAll(fd, bytes) {
      problem = ("cannot write \(file)", error)
    } else if fsync(fd) != 0 {
      problem = ("cannot flush \(file) to disk", Errno(errno))
    }
    close(fd)
    if let (what, error) = problem {
      unlink(file)
      throw failure(what, error)
    }
  }

  private func flushFolder(_ folder: String) throws(StoreError) {
    switch PosixFile.openFile(folder, O_RDONLY | O_DIRECTORY) {
    case .success(let fd):
      let result = fsync(fd)
      let code = errno
      close(fd)
      // Some file systems cannot fsync a folder (EINVAL); the rename is then as durable as
      // they make it, and the save has happened, so that is not an error.
      if result != 0 && code != EINVAL {
        throw failure("saved, but cannot flush the folder \(folder)", Errno(code))
      }
    case .failure(let error):
      throw failure("saved, but cannot open the folder \(folder) to flush it", error)
    }
  }

  private func failure(_ what: String, _ error: Errno) -> StoreError {
    let kind: StoreError.Kind =
      error.code == EACCES || error.code == EPERM ? .permissionDenied : .io
    return StoreError(
      kind: kind, path: displayPath,
      message: "\(displayPath): \(what): \(error.text)", isUnreadable: false)
  }
}
