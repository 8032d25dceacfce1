import Foundation
import Testing

@testable import MizzenTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// The real `mizzen` console on a pseudo-terminal, ended the hard ways: a trap (SIGABRT)
/// and the terminal going away without a SIGHUP.
@Suite(.serialized)
struct ConsoleProcessTests {
  /// A pseudo-terminal pair: the test reads and writes the master, the console the slave.
  final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    private(set) var output: [UInt8] = []

    init(rows: UInt16 = 24, columns: UInt16 = 80) throws {
      // posix_openpt and friends do not import: /dev/ptmx with Linux's TIOCSPTLCK (unlock)
      // and TIOCGPTN (number) does the same.
      master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      var unlock: Int32 = 0
      var number: UInt32 = 0
      guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0,
        ioctl(master, 0x8004_5430, &number) == 0
      else { throw ProcessTestError.noPseudoTerminal }
      slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
      guard slave >= 0 else { throw ProcessTestError.noPseudoTerminal }
      var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
      _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }

    /// Reads what the console wrote until `done` holds for it, for at most `seconds`.
    @discardableResult
    func read(until done: ([UInt8]) -> Bool, seconds: Double = 10) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while !done(output) {
        let left = deadline.timeIntervalSinceNow
        if left <= 0 { return false }
        var watched = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&watched, 1, Int32(min(left, 0.2) * 1000)) > 0 else { continue }
        let count = Glibc.read(master, &buffer, buffer.count)
        if count <= 0 { return done(output) }
        output += buffer[0..<count]
      }
      return true
    }

    private var masterOpen = true

    func closeMaster() {
      if masterOpen { close(master) }
      masterOpen = false
    }

    deinit {
      close(slave)
      closeMaster()
    }
  }

  enum ProcessTestError: Error {
    case noPseudoTerminal, noExecutable
  }

  static let executable: String? = {
    var folders: [URL] = []
    if let bundle = Bundle.main.executableURL { folders.append(bundle.deletingLastPathComponent()) }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/debug"))
    return folders.map { $0.appendingPathComponent("mizzen").path }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Starts the console on a new workspace with standard input on `input` and standard
  /// output and error on `output`.
  /// With `environment` added to the console's; with `launcher`, the console is started by
  /// that command line, to which its own is appended.
  static func start(
    input: PseudoTerminal, output: PseudoTerminal, folder: URL,
    environment: [String: String] = [:], launcher: [String] = []
  ) throws -> Process {
    guard let executable else { throw ProcessTestError.noExecutable }
    let process = Process()
    let console = [executable, "--workspace", folder.appendingPathComponent("w.json").path]
    process.executableURL = URL(fileURLWithPath: launcher.first ?? executable)
    process.arguments =
      launcher.isEmpty ? Array(console.dropFirst()) : launcher.dropFirst() + console
    process.environment = [
      "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
      "HOME": folder.path, "SWIFT_BACKTRACE": "enable=no",
    ].merging(environment) { $1 }
    process.standardInput = FileHandle(fileDescriptor: input.slave, closeOnDealloc: false)
    process.standardOutput = FileHandle(fileDescriptor: output.slave, closeOnDealloc: false)
    process.standardError = FileHandle(fileDescriptor: output.slave, closeOnDealloc: false)
    try process.run()
    return process
  }

  static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
    let needle = Array(text.utf8)
    guard bytes.count >= needle.count else { return false }
    return (0...(bytes.count - needle.count)).contains {
      bytes[$0..<$0 + needle.count].elementsEqual(needle)
    }
  }

  static func waitForExit(_ process: Process, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    return !process.isRunning
  }

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// SIGABRT while a form is open: the alternate screen is left, the cursor shown, mouse
  /// reporting and bracketed paste turned off, the modes restored, one line printed.
  @Test func anAbortRestoresTheTerminalAndSaysSo() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try PseudoTerminal()
    var original = termios()
    tcgetattr(terminal.slave, &original)
    let process = try Self.start(input: terminal, output: terminal, folder: folder)
    let drawn = terminal.read { Self.contains($0, "New workspace") }
    try #require(drawn, "the console never drew its first frame")
    _ = "n".withCString { write(terminal.master, $0, 1) }
    try #require(terminal.read { Self.contains($0, "New connection") }, "no form opened")
    kill(process.processIdentifier, SIGABRT)
    terminal.read(until: { Self.contains($0, "were lost.") }, seconds: 10)
    #expect(Self.waitForExit(process, seconds: 10))
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGABRT)
    let text = String(decoding: terminal.output, as: UTF8.self)
    let restore = try #require(text.range(of: CrashTrap.restoreSequence), "no restore sequence")
    #expect(text[restore.upperBound...].contains("stopped on SIGABRT"))
    #expect(text[restore.upperBound...].contains("unsaved edits in an open form were lost"))
    var after = termios()
    tcgetattr(terminal.slave, &after)
    #expect(after.c_lflag & tcflag_t(ECHO | ICANON) == original.c_lflag & tcflag_t(ECHO | ICANON))
  }

  /// ncursesw is loaded when the console starts (headless commands never load it:
  /// CurlLoadingTests), by absolute path from the system's library folder.
  @Test func theConsoleLoadsNcurseswFromTheSystemFolder() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try PseudoTerminal()
    let trace = folder.appendingPathComponent("loader")
    let process = try Self.start(
      input: terminal, output: terminal, folder: folder,
      environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": trace.path])
    defer { if process.isRunning { process.terminate() } }
    try #require(terminal.read { Self.contains($0, "New workspace") }, "no first frame")
    let name = try #require(
      FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("loader.") }
    )
    let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    // One line per library loaded by dlopen: "file=PATH [0];  dynamically loaded by …".
    let loaded = text.split(separator: "\n").filter { $0.contains("dynamically loaded by") }
      .compactMap { line in
        line.range(of: "file=").map { line[$0.upperBound...].prefix { $0 != " " } }
      }
    let ncursesw = loaded.filter {
      $0.split(separator: "/").last?.hasPrefix("libncursesw.so") == true
    }
    #expect(ncursesw.count == 1, "\(loaded)")
    #expect(
      ncursesw.allSatisfy { $0.hasPrefix("/lib/") || $0.hasPrefix("/usr/lib") }, "\(ncursesw)")
  }

  /// Hides ncursesw from the loader: a mount namespace in which every file the loader's cache
  /// names for libncursesw.so.6 reads as empty.
  static let withoutNcursesw = """
    for f in $(/sbin/ldconfig -p | sed -n 's/^[[:space:]]*libncursesw\\.so\\.6 (.*) => //p'); do
      mount --bind /dev/null "$f" || exit 97
    done
    exec "$@"
    """

  /// Without ncursesw, the console says what is missing and how to get it, and ends.
  @Test func withoutNcurseswTheConsoleSaysSo() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let terminal = try PseudoTerminal()
    let process = try Self.start(
      input: terminal, output: terminal, folder: folder,
      launcher: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", Self.withoutNcursesw, "sh"])
    defer { if process.isRunning { process.terminate() } }
    #expect(Self.waitForExit(process, seconds: 10), "the console kept running")
    terminal.read(until: { Self.contains($0, "validate") }, seconds: 2)
    try #require(process.terminationStatus != 97, "the test needs mount namespaces (unshare -m)")
    #expect(process.terminationStatus != 0)
    let text = String(decoding: terminal.output, as: UTF8.self)
    #expect(text.contains("ncursesw library, which could not be loaded"), "\(text)")
    #expect(text.contains("apt-get install libncursesw6"), "\(text)")
    #expect(!Self.contains(terminal.output, "\u{1B}[?1049h"), "the screen was taken over")
  }

  /// Standard input hung up with no SIGHUP (it is not the controlling terminal, as under
  /// runuser): the console ends as a hang-up ends it, at once, and gives the screen back.
  @Test func standardInputHangingUpEndsTheConsole() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let screen = try PseudoTerminal()
    let keyboard = try PseudoTerminal()
    let process = try Self.start(input: keyboard, output: screen, folder: folder)
    try #require(screen.read { Self.contains($0, "New workspace") }, "no first frame")
    keyboard.closeMaster()
    let start = Date()
    #expect(Self.waitForExit(process, seconds: 5), "the console kept running")
    #expect(Date().timeIntervalSince(start) < 3)
    if process.isRunning { process.terminate() }
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + SIGHUP)
    screen.read(until: { Self.contains($0, "\u{1B}[?1049l") }, seconds: 2)
    #expect(Self.contains(screen.output, "\u{1B}[?1049l"), "the alternate screen was not left")
  }
}
