import ArgumentParser
import Foundation
import MizzenCore

/// Shell completion of codes from the workspace the command line names: the argument
/// parser runs these inside `mizzen` when the shell asks (`mizzen ---completion …`).
/// A missing or broken file completes nothing and prints nothing.
enum WorkspaceCompletion {
  static let channels = CompletionKind.list(["email", "sms", "whatsapp", "push"])
  static let states = CompletionKind.list(["granted", "denied"])

  static let topics = CompletionKind.custom { words, _, prefix in
    codes(words, prefix) { $0.topics.map(\.code) }
  }

  static let connections = CompletionKind.custom { words, _, prefix in
    codes(words, prefix) { $0.connections.map(\.code) }
  }

  /// The workspace `words` name with `--workspace`, else as `WorkspaceOptions` resolves it.
  private static func codes(
    _ words: [String], _ prefix: String, _ pick: (Workspace) -> [String]
  ) -> [String] {
    var options = WorkspaceOptions()
    if let index = words.lastIndex(of: "--workspace"), index + 1 < words.count {
      options.workspace = words[index + 1]
    } else if let word = words.last(where: { $0.hasPrefix("--workspace=") }) {
      options.workspace = String(word.dropFirst("--workspace=".count))
    }
    guard let loaded = try? WorkspaceStore(path: options.resolvedPath).load() else { return [] }
    return pick(loaded.workspace).filter { $0.hasPrefix(prefix) }
  }
}
