import Foundation
import MizzenRuntime
import Testing

/// The environment as commands read it (`RuntimeEnvironment.processVariables`), from
/// `environ`, is the one `ProcessInfo` gives.
@Suite struct ProcessVariablesTests {
  @Test func theSameAsProcessInfo() {
    #expect(RuntimeEnvironment.processVariables() == ProcessInfo.processInfo.environment)
    for name in ["PATH", "HOME", "NO_SUCH_VARIABLE_SET_HERE"] {
      #expect(
        RuntimeEnvironment.processVariable(name) == ProcessInfo.processInfo.environment[name])
    }
  }

  /// A name given twice (which only a program that builds the environment itself can do)
  /// keeps its last value, as `ProcessInfo` keeps it: `MIZZEN_WORKSPACE` naming a missing
  /// file and then a valid workspace validates the valid one.
  @Test func aNameGivenTwiceKeepsItsLastValue() throws {
    let executable = try #require(MizzenCLI.executable)
    let fixture = try SignalCLIFixture()
    let environment = [
      "MIZZEN_WORKSPACE=/nonexistent/mizzen.json", "MIZZEN_WORKSPACE=\(fixture.workspacePath)",
      "PATH=/usr/bin:/bin",
    ]
    let words = [executable, "validate"]
    var arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    var variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in arguments + variables { free(pointer) }
    }
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let spawned = posix_spawn(&pid, executable, &actions, nil, &arguments, &variables)
    #expect(spawned == 0)
    guard spawned == 0 else { return }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // Exited normally, with status 0: the second workspace was read.
    #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 0, "wait status \(status)")
  }

  /// A plain `send` without `--workspace` finds its workspace through `$MIZZEN_WORKSPACE`,
  /// read with the rest of the environment.
  @Test func sendFindsItsWorkspaceThroughTheVariable() async throws {
    let fixture = try SignalCLIFixture()
    let run = try await MizzenCLI.run(
      ["send"] + SendCommandTests.email + ["--state", "granted", "--dry-run"],
      environment: ["MIZZEN_WORKSPACE": fixture.workspacePath])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.stdout.contains("subscription/status/set"), "\(run.stdout)")
  }
}
