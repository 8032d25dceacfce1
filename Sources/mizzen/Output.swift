import ArgumentParser
import Foundation

/// Writes one line to standard error, prefixed with the program name.
func printError(_ message: String) {
  FileHandle.standardError.write(Data(("mizzen: " + message + "\n").utf8))
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
