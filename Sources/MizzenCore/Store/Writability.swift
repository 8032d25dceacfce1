#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a workspace must be opened read-only: saving would write over a file that says it
/// should not be written, or would fail for want of its lock or temporary file.
public struct ReadOnlyReason: Equatable, Sendable {
  /// A few words for the header, e.g. "mode 0444".
  public var summary: String
  /// The whole reason, for the status row and `--read-only` refusals.
  public var detail: String

  public init(summary: String, detail: String) {
    self.summary = summary
    self.detail = detail
  }
}

extension WorkspaceStore {
  /// Why a save should not write the file, or nil when it may.
  ///
  /// Judged by owner and mode as an ordinary user would be, even for root (who may write
  /// anything): a file owned by another user, a file without its owner's write bit, a
  /// folder the user may not write to. Then the lock file is opened (or, when there is
  /// none yet, a probe file is created and removed), which catches what modes do not say,
  /// e.g. a read-only file system.
  public func readOnlyReason() -> ReadOnlyReason? {
    let target = PosixFile.resolvingLink(path)
    let user = Account.current
    var info = stat()
    if stat(target, &info) == 0 {
      if info.st_uid != user.uid {
        return ReadOnlyReason(
          summary: "owned by uid \(info.st_uid)",
          detail: "\(path) belongs to another user (uid \(info.st_uid)); saving would "
            + "replace their file with one of yours")
      }
      if info.st_mode & 0o200 == 0 {
        let mode = Self.octal(info.st_mode)
        return ReadOnlyReason(
          summary: "mode \(mode)",
          detail: "\(path) is read-only (mode \(mode))")
      }
    }
    let folder = PosixFile.folder(of: target)
    var folderInfo = stat()
    guard stat(folder, &folderInfo) == 0 else {
      let code = errno
      return ReadOnlyReason(
        summary: code == ENOENT || code == ENOTDIR ? "no folder" : "folder unreadable",
        detail: "the folder \(folder) cannot be used: \(PosixFile.describe(code))")
    }
    if !user.mayWrite(folderInfo) {
      let mode = Self.octal(folderInfo.st_mode)
      return ReadOnlyReason(
        summary: "folder not writable",
        detail: "the folder \(folder) is not writable (mode \(mode), owner uid "
          + "\(folderInfo.st_uid)), so the lock and temporary files of a save cannot be made")
    }
    return probeFolder(target, folder)
  }

  /// Opens the lock file a save takes, or creates and removes a probe file beside the
  /// workspace when there is no lock file yet (so that opening changes nothing on disk).
  private func probeFolder(_ target: String, _ folder: String) -> ReadOnlyReason? {
    let lockPath = target + ".lock"
    if PosixFile.exists(lockPath) {
      switch PosixFile.openFile(lockPath, O_RDONLY) {
      case .success(let fd):
        close(fd)
        return nil
      case .failure(let error):
        return ReadOnlyReason(
          summary: "lock file unusable",
          detail: "the lock file \(lockPath) cannot be opened: \(error.text)")
      }
    }
    let probe = folder + "/." + PosixFile.name(of: target) + ".\(getpid()).probe"
    switch PosixFile.openFile(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600) {
    case .success(let fd):
      close(fd)
      unlink(probe)
      return nil
    case .failure(let error):
      return ReadOnlyReason(
        summary: "folder not writable",
        detail: "no file can be created in the folder \(folder) (\(error.text)), so the lock "
          + "and temporary files of a save cannot be made")
    }
  }

  private static func octal(_ mode: mode_t) -> String {
    let digits = String(mode & 0o7777, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// The effective user and groups, for judging modes as the kernel would without root's
/// override.
private struct Account {
  var uid: uid_t
  var groups: Set<gid_t>

  static var current: Account {
    var groups: Set<gid_t> = [getegid()]
    let count = getgroups(0, nil)
    if count > 0 {
      var list = [gid_t](repeating: 0, count: Int(count))
      let found = getgroups(count, &list)
      if found > 0 { groups.formUnion(list.prefix(Int(found))) }
    }
    return Account(uid: geteuid(), groups: groups)
  }

  func mayWrite(_ info: stat) -> Bool {
    if info.st_uid == uid { return info.st_mode & 0o200 != 0 }
    if groups.contains(info.st_gid) { return info.st_mode & 0o020 != 0 }
    return info.st_mode & 0o002 != 0
  }
}
