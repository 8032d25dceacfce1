import ArgumentParser
import Foundation

/// Writes one line to standard error, prefixed with the program name and, when given, the
/// subcommand (`mizzen send: …`).
func printError(command: String? = nil, _ message: String) {
  let prefix = command.map { "mizzen \($0): " } ?? "mizzen: "
  FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
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
