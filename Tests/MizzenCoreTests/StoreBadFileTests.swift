import Foundation
import Testing

@testable import MizzenCore

/// Files the store must refuse to load, each with its own one-line reason, and never touch.
@Suite struct StoreBadFileTests {
  /// One bad file: its bytes, the kind of error, and words its message must contain.
  struct BadFile: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var kind: StoreError.Kind
    var excerpt: String
    var line: Int? = nil
    var column: Int? = nil

    var testDescription: String { label }
  }

  static let valid = Array(StoreFixtures.acmeText.utf8)

  static let corpus: [BadFile] = [
    BadFile(
      label: "truncated JSON", bytes: Array(valid[..<600]), kind: .syntax,
      excerpt: "the file ends inside the string that starts at line 28, column 20", line: 28,
      column: 26),
    BadFile(
      label: "truncated after a member",
      bytes: Array(
        (StoreFixtures.acmeText.components(separatedBy: "\"Acme\"")[0] + "\"Acme\"").utf8),
      kind: .syntax, excerpt: "the file ends too early: expected ',' or '}' after an object member"),
    BadFile(
      label: "missing comma",
      bytes: Array(
        StoreFixtures.acmeText.replacingOccurrences(of: "\"Acme\",", with: "\"Acme\"").utf8),
      kind: .syntax, excerpt: "expected ',' or '}' after an object member, found '\"'", line: 37,
      column: 3),
    BadFile(
      label: "wrong type",
      bytes: Array(
        StoreFixtures.acmeText.replacingOccurrences(
          of: "\"channel\": \"email\"", with: "\"channel\": 4"
        ).utf8), kind: .invalidValue,
      excerpt: "topics[0].channels[0].channel: expected a string, found a number"),
    BadFile(
      label: "unknown version",
      bytes: Array(
        StoreFixtures.acmeText.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7")
          .utf8), kind: .newerVersion, excerpt: "format version 7, written by a newer Mizzen"),
    BadFile(
      label: "unknown format",
      bytes: Array(#"{"format": "other.tool", "version": 1}"#.utf8), kind: .unknownFormat,
      excerpt: "it is not a Mizzen workspace"),
    BadFile(
      label: "a 10 MB unterminated string",
      bytes: Array(#"{"format": "mizzen.workspace", "version": 1, "name": ""#.utf8)
        + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000), kind: .syntax,
      excerpt: "the file ends inside the string that starts at line 1, column 54"),
    BadFile(
      label: "invalid UTF-8 (Latin-1 text)",
      bytes: Array(#"{"format": "mizzen.workspace", "version": 1, "name": "Caf"#.utf8) + [0xE9]
        + Array("\"}".utf8), kind: .invalidUTF8,
      excerpt: "byte 0xE9 is not valid UTF-8 (the file must be saved as UTF-8)", line: 1, column: 58
    ),
    BadFile(
      label: "UTF-16 file", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], kind: .invalidUTF8,
      excerpt: "byte 0xFF is not valid UTF-8"),
    BadFile(
      label: "empty file", bytes: [], kind: .syntax,
      excerpt: "the file is empty; run `mizzen init"),
    BadFile(
      label: "whitespace only", bytes: Array("\n  \n".utf8), kind: .syntax,
      excerpt: "the file holds no JSON value, only spaces and line breaks; run `mizzen init"),
    BadFile(
      label: "a 50 MB number",
      bytes: Array(#"{"format": "mizzen.workspace", "version": 1, "name": "#.utf8)
        + [UInt8](repeating: UInt8(ascii: "7"), count: 50_000_000) + Array("}".utf8),
      kind: .syntax,
      excerpt: "line 1, column 54: the number \(String(repeating: "7", count: 40))… is too large"),
    BadFile(
      label: "a 1 MB key twice",
      bytes: Array(
        "{\"\(String(repeating: "k", count: 1_000_000))\": 1, \"\(String(repeating: "k", count: 1_000_000))\": 2}"
          .utf8), kind: .syntax,
      excerpt: "the key \"\(String(repeating: "k", count: 40))…\" appears twice in the same object"),
    BadFile(
      label: "a 1 MB format",
      bytes: Array(
        "{\"format\": \"\(String(repeating: "f", count: 1_000_000))\", \"version\": 1}".utf8),
      kind: .unknownFormat,
      excerpt: "the file's format is \"\(String(repeating: "f", count: 40))…\", not"),
    BadFile(
      label: "not an object", bytes: Array("[1, 2]\n".utf8), kind: .invalidValue,
      excerpt: "the file holds an array, but a workspace is a JSON object"),
  ]

  @Test(arguments: corpus)
  func badFilesGiveOneLineReasonsAndAreNeverOverwritten(bad: BadFile) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", bad.bytes)
    let store = WorkspaceStore(path: path)
    let error = #expect(throws: StoreError.self) { try store.load() }
    #expect(error?.kind == bad.kind)
    #expect(error?.isUnreadable == true)
    #expect(error?.path == path)
    let message = error?.message ?? ""
    #expect(message.hasPrefix(path + ": "))
    #expect(message.contains(bad.excerpt), "message: \(message.prefix(300))")
    #expect(!message.contains("\n"))
    #expect(message.utf8.count < 400, "one short line, not the file's contents")
    if let line = bad.line {
      #expect(error?.line == line)
      #expect(error?.column == bad.column)
    }
    // Neither a save expecting no file nor one based on another file's revision may
    // replace the bad file: its revision was never handed out.
    let other = try WorkspaceStore(path: folder.file("other.json")).save(
      StoreFixtures.acme, expecting: nil)
    for expecting in [nil, other] as [FileRevision?] {
      let refusal = #expect(throws: StoreError.self) {
        try store.save(StoreFixtures.acme, expecting: expecting)
      }
      #expect(refusal?.kind == .conflict)
    }
    #expect(try folder.read("mizzen.json") == bad.bytes)
    #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
  }

  /// Different faults get different messages.
  @Test func messagesDifferFromOneBadFileToAnother() throws {
    let folder = try TemporaryFolder()
    var messages = Set<String>()
    for (index, bad) in Self.corpus.enumerated() {
      let path = try folder.write("\(index).json", bad.bytes)
      let error = #expect(throws: StoreError.self) { try WorkspaceStore(path: path).load() }
      messages.insert(error?.message.replacingOccurrences(of: path, with: "") ?? "")
    }
    #expect(messages.count == Set(Self.corpus.map(\.excerpt)).count)
  }

  /// A file above the size bound is refused before it is read: a sparse file of 257 MiB
  /// takes no disk space and would take gigabytes of memory to parse.
  @Test func aFileAboveTheSizeBoundIsRefusedUnread() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", StoreFixtures.acmeText)
    let size = WorkspaceStore.maxFileSize + 1 << 20
    #expect(truncate(path, off_t(size)) == 0)
    let store = WorkspaceStore(path: path)
    let error = #expect(throws: StoreError.self) { try store.load() }
    #expect(error?.kind == .tooLarge)
    #expect(error?.isUnreadable == true)
    #expect(
      error?.message == "\(path) is 257 MiB, larger than the 256 MiB a workspace file may be "
        + "(100,000 topics take about 51 MB): it was not read; check the path")
    let refusal = #expect(throws: StoreError.self) {
      try store.save(StoreFixtures.acme, expecting: nil)
    }
    #expect(refusal?.kind == .tooLarge)
    #expect(refusal?.message.contains("nothing was saved") == true)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.size] as? NSNumber)?.intValue == size)
  }

  @Test func damagedFileMentionsTheBackupWhenThereIsOne() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", "{")
    _ = try folder.write("mizzen.json.bak", StoreFixtures.acmeText)
    let error = #expect(throws: StoreError.self) { try WorkspaceStore(path: path).load() }
    #expect(error?.message.hasSuffix("restore the previous version from \(path).bak") == true)
  }

  @Test func aFolderInPlaceOfTheFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("mizzen.json")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let store = WorkspaceStore(path: path)
    let error = #expect(throws: StoreError.self) { try store.load() }
    #expect(error?.kind == .notARegularFile)
    #expect(error?.isUnreadable == true)
    #expect(
      error?.message == "\(path) is a folder, not a workspace file: give the path of a .json file")
    let refusal = #expect(throws: StoreError.self) {
      try store.save(StoreFixtures.acme, expecting: nil)
    }
    #expect(refusal?.kind == .notARegularFile)
    #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
  }

  @Test func aMissingFileIsNotFound() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("absent.json")
    let error = #expect(throws: StoreError.self) { try WorkspaceStore(path: path).load() }
    #expect(error?.kind == .notFound)
    #expect(
      error?.message == "\(path): no such file; run `mizzen init \(path)` to create a workspace")
    let inMissingFolder = #expect(throws: StoreError.self) {
      try WorkspaceStore(path: folder.file("nowhere/w.json")).load()
    }
    #expect(inMissingFolder?.kind == .notFound)
  }

  /// Root reads any file whatever its mode, and the tests run as root here. So, as root,
  /// the load runs in the probe process after it has switched to user `nobody`; as
  /// another user it runs in this process.
  @Test func aFileWithoutReadPermission() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("mizzen.json", StoreFixtures.acmeText)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
    let expected =
      "\(path) cannot be read: permission denied; check the file's owner and mode (chmod u+r)"
    if geteuid() == 0 {
      let (status, output) = try StoreProbe.run(["load", path, "--as-nobody"])
      #expect(status == 0)
      #expect(String(decoding: output, as: UTF8.self) == "permissionDenied\t\(expected)\n")
      let asRoot = try StoreProbe.run(["load", path])
      #expect(String(decoding: asRoot.output, as: UTF8.self) == "ok Acme\n", "root bypasses modes")
    } else {
      let error = #expect(throws: StoreError.self) { try WorkspaceStore(path: path).load() }
      #expect(error?.kind == .permissionDenied)
      #expect(error?.message == expected)
    }
    #expect(try folder.read("mizzen.json") == Array(StoreFixtures.acmeText.utf8))
  }

  @Test func aLargeNameLoadsQuicklyAndIsLeftToValidation() throws {
    let folder = try TemporaryFolder()
    var workspace = StoreFixtures.acme
    workspace.name = String(repeating: "週刊 🎉 ", count: 1_000_000)
    let store = WorkspaceStore(path: folder.file("mizzen.json"))
    let revision = try store.save(workspace, expecting: nil)
    let loaded = try store.load()
    #expect(loaded.workspace == workspace)
    #expect(loaded.revision == revision)
  }
}
