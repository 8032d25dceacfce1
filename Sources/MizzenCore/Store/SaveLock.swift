#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive advisory lock on `<file>.lock` held while a save checks and replaces the
/// file (see `WorkspaceStore` for why a side file).
struct SaveLock {
  private let fd: Int32

  /// Takes the lock, waiting up to `WorkspaceStore.lockTimeoutMilliseconds` for another
  /// process to finish its save.
  static func acquire(for target: String, displayPath: String) throws(StoreError) -> SaveLock {
    let lockPath = target + ".lock"
    let fd: Int32
    // Read-only is enough for `flock`, and lets everyone who may write the workspace use a
    // lock file that another user created. It holds no data.
    switch PosixFile.openFile(lockPath, O_RDONLY | O_CREAT, 0o644) {
    case .success(let opened): fd = opened
    case .failure(let error):
      let kind: StoreError.Kind =
        error.code == EACCES || error.code == EPERM ? .permissionDenied : .io
      throw StoreError(
        kind: kind, path: displayPath,
        message: "\(displayPath): not saved: cannot create the lock file \(lockPath): "
          + "\(error.text); check that the folder is writable", isUnreadable: false)
    }
    var waited = 0
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      guard code == EWOULDBLOCK, waited < WorkspaceStore.lockTimeoutMilliseconds else {
        close(fd)
        if code == EWOULDBLOCK {
          throw StoreError(
            kind: .locked, path: displayPath,
            message: "\(displayPath): not saved: another program has been saving it for "
              + "\(waited / 1000) s (lock \(lockPath)); try again", isUnreadable: false)
        }
        throw StoreError(
          kind: .io, path: displayPath,
          message: "\(displayPath): not saved: cannot lock \(lockPath): "
            + "\(PosixFile.describe(code))", isUnreadable: false)
      }
      usleep(2_000)
      waited += 2
    }
    return SaveLock(fd: fd)
  }

  /// Takes the lock only if no one holds it, without waiting; nil when another process is
  /// saving, or when the lock file cannot be opened or created.
  static func acquireIfFree(for target: String) -> SaveLock? {
    guard case .success(let fd) = PosixFile.openFile(target + ".lock", O_RDONLY | O_CREAT, 0o644)
    else { return nil }
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      close(fd)
      return nil
    }
    return SaveLock(fd: fd)
  }

  /// Releases the lock. Closing the descriptor releases the `flock`.
  func release() {
    close(fd)
  }
}
