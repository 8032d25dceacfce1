import Dispatch
import Foundation
import MizzenCore
import Testing

/// The remembered-identity file is written in order, and quitting waits for the write,
/// so no temporary file of a cut-off write is left beside the workspace.
@Suite("Remembered identities: writes that quitting waits for")
struct RememberedIdentitiesTests {
  /// A writer that tells when it starts, then holds the write until released.
  final class HeldWriter: Sendable {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    var writer: RememberedIdentities.Writer {
      { [self] bytes, path in
        started.signal()
        release.wait()
        RememberedIdentities.writeFile(bytes, path)
      }
    }
  }

  /// What quitting does (`SignalEffectRunner.cancelAllAndWait`), off the test's thread.
  static func quit(_ tasks: SignalTasks, _ timeout: Duration) async -> Bool {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        tasks.cancelAll()
        continuation.resume(returning: tasks.waitUntilFinished(timeout: timeout))
      }
    }
  }

  @Test("quitting waits for a held write, and the file is whole when it returns")
  func quitWaitsForTheWrite() async throws {
    let folder = try TemporaryFolder()
    let tasks = SignalTasks()
    let held = HeldWriter()
    let identities = RememberedIdentities(
      workspacePath: folder.file("w.json"), tasks: tasks, writer: held.writer)
    identities.remember(["email": "ana@example.com"])
    #expect(held.started.wait(timeout: .now() + 10) == .success)
    // The write is held: a bounded quit reports that it did not finish.
    #expect(await Self.quit(tasks, .milliseconds(50)) == false)
    #expect(!FileManager.default.fileExists(atPath: identities.path))
    async let finished = Self.quit(tasks, .seconds(30))
    held.release.signal()
    #expect(await finished)
    #expect(identities.read() == ["email": "ana@example.com"])
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names == ["w.json.mizzen-state.json"])
    let mode = try FileManager.default.attributesOfItem(atPath: identities.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
  }

  @Test("writes land in order and merge with what was remembered")
  func writesMergeInOrder() async throws {
    let folder = try TemporaryFolder()
    let tasks = SignalTasks()
    let identities = RememberedIdentities(workspacePath: folder.file("w.json"), tasks: tasks)
    identities.remember(["email": "ana@example.com", "external_id": "a-1"])
    identities.remember(["email": "zed@example.com"])
    #expect(await Self.quit(tasks, .seconds(30)))
    #expect(identities.read() == ["email": "zed@example.com", "external_id": "a-1"])
  }
}
