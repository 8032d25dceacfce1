import Foundation
import MizzenCore

/// A file path made absolute and lexically tidied, as `URL(fileURLWithPath:)
/// .standardizedFileURL.path` makes it: joined to the current folder when relative, with
/// empty and `.` components dropped and each `..` taking off the component before it (never
/// above `/`). Symbolic links are left as they are. Unlike the URL, `a//..` is `a/..`, as
/// the file system reads it.
///
/// The URL does the same through Foundation's URL parser, whose first use in a process
/// instantiates generic types by name: about as much of a `mizzen send`'s CPU as reading
/// its workspace. A path that starts with `~` still goes through the URL, which knows home
/// folders (`AbsolutePathTests` holds the two to the same answers).
public enum AbsolutePath {
  public static func of(_ path: String) -> String {
    if path.utf8.first == UInt8(ascii: "~") {
      return URL(fileURLWithPath: path).standardizedFileURL.path
    }
    var parts: [Substring] = []
    if path.utf8.first != UInt8(ascii: "/") {
      parts = currentFolder().split(separator: "/")
    }
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": _ = parts.popLast()
      default: parts.append(part)
      }
    }
    var absolute = ""
    for part in parts {
      absolute += "/"
      // The Substring overload: `+=` would take the generic one, instantiated by name.
      absolute.append(contentsOf: part)
    }
    return absolute.isEmpty ? "/" : absolute
  }

  /// The current folder as the kernel names it (`getcwd`), as `FileManager` gives it.
  private static func currentFolder() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else {
      return FileManager.default.currentDirectoryPath
    }
    return String(nulTerminated: buffer)
  }
}
