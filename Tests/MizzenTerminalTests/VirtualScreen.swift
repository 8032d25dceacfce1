import MizzenConsole

@testable import MizzenTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// A real curses screen with no real terminal: output to /dev/null, input from a pipe the
/// test writes to. `TERM` is xterm-256color whatever the environment says.
@MainActor
final class VirtualScreen {
  let terminal: Terminal
  private let output: UnsafeMutablePointer<FILE>
  private let input: UnsafeMutablePointer<FILE>
  private var writeEnd: Int32

  /// With `outputPath`, what curses sends the terminal is kept in that file.
  init(
    size: Size, options: Terminal.Options = Terminal.Options(), outputPath: String = "/dev/null"
  ) throws {
    setlocale(LC_ALL, "C.UTF-8")
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0, let input = fdopen(ends[0], "r"),
      let output = fopen(outputPath, "w")
    else { throw VirtualScreenError.cannotOpen }
    self.input = input
    self.output = output
    writeEnd = ends[1]
    terminal = try Terminal(
      input: input, output: output, terminalType: "xterm-256color", options: options)
    terminal.resize(to: size)
  }

  /// Sends bytes as if typed on the terminal.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
  }

  /// Closes the typing end, as a terminal that goes away does.
  func closeInput() {
    Glibc.close(writeEnd)
    writeEnd = -1
  }

  /// What a frame's `text` shows as on the terminal: every zero width joiner left out
  /// (`Terminal.joiner`), so that no terminal joins an emoji sequence into fewer cells than
  /// its parts are measured in.
  static func shown(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{200D}" }))
  }

  /// Every row as text, the form of `Frame.text`.
  var text: String {
    (0..<terminal.size.height).map { terminal.screenText(ofRow: $0) }.joined(separator: "\n")
  }

  func close() {
    terminal.close()
    fclose(input)
    fclose(output)
    if writeEnd >= 0 { Glibc.close(writeEnd) }
  }
}

enum VirtualScreenError: Error {
  case cannotOpen
}
