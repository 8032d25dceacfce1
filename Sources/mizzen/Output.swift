import ArgumentParser
import Foundation
import MizzenCore

/// Writes one line to standard error, prefixed with the program name and, when given, the
/// subcommand (`mizzen send: …`). The message quotes files, Braze and arguments, so it goes
/// through `TerminalText.escaped`: a line break or an escape sequence in it is shown, not
/// obeyed.
func printError(command: String? = nil, _ message: String) {
  let prefix = command.map { "mizzen \($0): " } ?? "mizzen: "
  FileHandle.standardError.write(Data((TerminalText.escaped(prefix + message) + "\n").utf8))
}

/// Prints text for a person, one line per element, each through `TerminalText.escaped`:
/// a line break inside an element comes from data (a name, Braze's answer) and is shown
/// escaped rather than forging a line. JSON for scripts is printed with `print`, exact.
func printText(_ lines: [String]) {
  guard !lines.isEmpty else { return }
  print(PlainJoin.joined(lines.map { TerminalText.escaped($0) }, separator: "\n"))
}

/// One line for a person; see `printText(_:)`.
func printText(_ line: String) {
  printText([line])
}

/// Output formats shared by the reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// Encodes a value as stable JSON for scripts: keys sorted, slashes unescaped, final newline.
func stableJSON<T: Encodable>(_ value: T) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
  return String(decoding: data, as: UTF8.self)
}
