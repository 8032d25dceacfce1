import Foundation
import MizzenRuntime
import MizzenTestSupport
import Testing

/// `AbsolutePath.of` gives the path `URL(fileURLWithPath:).standardizedFileURL.path` gives,
/// which `--workspace` was resolved with before, but for `..` after an empty component
/// (`a//..`), where it follows the file system.
@Suite struct AbsolutePathTests {
  /// The URL's answer once runs of `/` are one, as the kernel reads them.
  static func byURL(_ path: String) -> String {
    var collapsed = ""
    for character in path where character != "/" || collapsed.last != "/" {
      collapsed.append(character)
    }
    return URL(fileURLWithPath: collapsed).standardizedFileURL.path
  }

  @Test(
    arguments: [
      "mizzen.json", "./a/../b.json", "a//b.json", "/a/b/", "/a/b/.", "..", "/../x.json",
      "~/x.json", "~", "~/", "a/~/b", "é/日本.json", "a%20b#c?d.json", ".", "/", "",
      "a/./././b", "../../../../../../../../x", "/a/../../b", "a/b/..", "a/b/../", " sp ace",
      "a\\b", "//double/x", "/a//b///c", "a/..", "a/../..", "...", "a/.../b", ".hidden/.x",
      "-dash", "a\u{0301}/👩‍💻.json", "tab\there", "new\nline",
    ])
  func agreesWithTheURL(_ path: String) {
    #expect(AbsolutePath.of(path) == Self.byURL(path), "\(path.debugDescription)")
  }

  /// Paths put together at random from the parts that change the answer.
  @Test func agreesWithTheURLOnRandomPaths() {
    var random = SeededGenerator(seed: 0x5eed_9a7f)
    let parts = ["a", "b", ".", "..", "", "é", "日本", "x y", "%2F", "#", "?", "~", "..."]
    for _ in 0..<3_000 {
      var path = Bool.random(using: &random) ? "/" : ""
      for index in 0..<Int.random(in: 0...6, using: &random) {
        if index > 0 { path += "/" }
        path += parts.randomElement(using: &random)!
      }
      if Bool.random(using: &random) { path += "/" }
      #expect(AbsolutePath.of(path) == Self.byURL(path), "\(path.debugDescription)")
    }
  }

  /// The URL takes `a//..` as `a`, its `..` removing the empty component; the kernel
  /// reads it as `a/..`, the folder `a` is in.
  @Test func twoSlashesAreOneAsTheFileSystemReadsThem() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-absolute-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: folder + "/a/b", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for path in ["/a//..", "/a/b//../..", "/a//b/..//.."] {
      let real = try #require(realpath(folder + path, nil))
      defer { free(real) }
      let expected = String(cString: real)
      #expect(AbsolutePath.of(folder + path) == expected, "\(path)")
    }
  }

  @Test func aRelativePathStartsAtTheCurrentFolder() {
    let folder = FileManager.default.currentDirectoryPath
    #expect(AbsolutePath.of("w.json") == folder + "/w.json")
  }
}
