import Dispatch
import Foundation

/// The identity values test-send remembers beside the workspace, in
/// `<workspace>.mizzen-state.json` (mode 0600), kept out of the workspace file.
///
/// Writes run one at a time, in order, and count among the work that quitting waits for
/// (`SignalTasks.waitUntilFinished`): a write cut off by the end of the process would
/// leave a stray temporary file beside the workspace.
public final class RememberedIdentities: Sendable {
  /// Writes `bytes` to `path`; replaceable so that a test can hold a write.
  public typealias Writer = @Sendable (_ bytes: [UInt8], _ path: String) -> Void

  public let path: String
  private let tasks: SignalTasks
  private let writer: Writer
  private let writes = DispatchQueue(label: "mizzen.identities.writes", qos: .utility)

  public init(workspacePath: String, tasks: SignalTasks, writer: @escaping Writer = writeFile) {
    self.path = workspacePath + ".mizzen-state.json"
    self.tasks = tasks
    self.writer = writer
  }

  /// The values remembered so far, by identity space code; empty when there are none or
  /// the file cannot be read.
  public func read() -> [String: String] {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object["identities"] as? [String: String] ?? [:]
  }

  /// Merges `values` into the file, off the caller's thread. Best effort: losing the
  /// remembered values only means typing them again.
  public func remember(_ values: [String: String]) {
    tasks.track(on: writes) { [self] in
      var merged = read()
      merged.merge(values) { _, new in new }
      guard
        let data = try? JSONSerialization.data(
          withJSONObject: ["identities": merged], options: [.sortedKeys])
      else { return }
      writer(Array(data), path)
    }
  }

  /// The writer used outside tests: the whole file replaced, readable by its owner only.
  public static let writeFile: Writer = { bytes, path in
    _ = FileManager.default.createFile(
      atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
  }
}
