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
/// leftover from a process killed mid-save is simply replaced by the next save.
struct AtomicWrite {
  let target: String
  let displayPath: String

  /// Writes `bytes` with `mode`; keeps `previous` (the file being replaced) as `.bak`.
  func replace(with bytes: [UInt8], mode: mode_t, keepingBackupOf previous: CurrentFile?)
    throws(StoreError)
  {
    let folder = PosixFile.folder(of: target)
    let name = PosixFile.name(of: target)
    let temporary = folder + "/." + name + ".tmp"
    try writeFlushed(bytes, to: temporary, mode: mode)
    if let previous {
      try keepBackup(previous, folder: folder, name: name)
    }
    guard rename(temporary, target) == 0 else {
      let error = Errno(errno)
      unlink(temporary)
      throw failure("cannot rename \(temporary) over the file", error)
    }
    try flushFolder(folder)
  }

  /// `<file>.bak` becomes the file being replaced: a hard link to its inode when the file
  /// system allows one (no copy), else a flushed copy of the bytes read under the lock.
  private func keepBackup(_ previous: CurrentFile, folder: String, name: String)
    throws(StoreError)
  {
    let backup = target + ".bak"
    let temporary = folder + "/." + name + ".bak.tmp"
    unlink(temporary)
    if link(target, temporary) != 0 {
      try writeFlushed(previous.bytes, to: temporary, mode: previous.mode & 0o7777)
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
