import Foundation
import MizzenTestSupport
import Testing

@testable import MizzenCore

/// Kills a process that saves in a loop, hundreds of times, and checks the file each time.
///
/// The moments of the kills come from a seeded generator, and every failure names the seed
/// (`MIZZEN_CRASH_SEED=<hex>` runs another series). What the test asserts are outcomes:
/// the file and its backup are always whole versions, never older than the last reported
/// save.
@Suite(.serialized) struct StoreCrashTests {
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["MIZZEN_CRASH_SEED"].flatMap { UInt64($0, radix: 16) }
    ?? 0xC2A5_4ED5

  /// The file and its backup as found after one kill.
  private struct Snapshot {
    var round: Int
    var file: [UInt8]
    var backup: [UInt8]?
    var lastReported: Int?
  }

  @Test(.hangGuard)
  func killedSavesLeaveTheOldOrTheNewVersionWhole() async throws {
    let folder = try TemporaryFolder()
    let path = folder.file("w.json")
    var snapshots: [Snapshot] = []
    var killsMidSave = 0
    var totalSaves = 0
    let kills = 220
    var generator = SeededGenerator(seed: Self.seed)
    let replay = "seed \(String(Self.seed, radix: 16)) (MIZZEN_CRASH_SEED)"
    for round in 0..<kills {
      // Half the kills land at a random moment after start, loading or saving; the other
      // half while saves are under way: after the first one is reported.
      let afterASave = round % 2 == 1
      let delay =
        afterASave
        ? UInt32.random(in: 0...25_000, using: &generator)
        : UInt32.random(in: 2_000...90_000, using: &generator)
      // Each round blocks for up to ~0.1 s: on a thread of its own, so that 220 of them do
      // not hold the shared pool away from the timing tests that run beside this one.
      let (killed, output) = try await onOwnThread { () throws -> (Bool, Data) in
        let (process, pipe) = try StoreProbe.start(["save-loop", path])
        var output = Data()
        if afterASave { output.append(pipe.fileHandleForReading.availableData) }
        usleep(delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.append(pipe.fileHandleForReading.readDataToEndOfFile())
        return (process.terminationReason == .uncaughtSignal, output)
      }
      #expect(killed, "\(replay), round \(round): the probe stopped")
      let reported = String(decoding: output, as: UTF8.self).split(separator: "\n")
        .compactMap { Int($0.dropFirst(6)) }
      totalSaves += reported.count
      if FileManager.default.fileExists(atPath: folder.file(".w.json.tmp")) { killsMidSave += 1 }
      guard FileManager.default.fileExists(atPath: path) else {
        #expect(
          snapshots.isEmpty && reported.isEmpty, "\(replay), round \(round): the file disappeared")
        continue
      }
      let loaded = try WorkspaceStore(path: path).load()
      #expect(loaded.workspace.name.hasPrefix("v"), "\(replay), round \(round)")
      for leftover in [".w.json.tmp", ".w.json.bak.tmp"] {
        #expect(
          !FileManager.default.fileExists(atPath: folder.file(leftover)),
          "\(replay), round \(round): \(leftover) is still there after an open")
      }
      let backup = FileManager.default.fileExists(atPath: path + ".bak")
      snapshots.append(
        Snapshot(
          round: round, file: try folder.read("w.json"),
          backup: backup ? try folder.read("w.json.bak") : nil, lastReported: reported.last))
    }
    try checkAgainstSavedVersions(snapshots, replay)
    print(
      "crash test: \(replay), \(kills) kills, \(totalSaves) saves, \(killsMidSave) kills mid-save")
    #expect(totalSaves >= kills / 2, "\(replay): half the kills come after a reported save")
    #expect(killsMidSave > 0, "\(replay): some kills should land in the middle of a save")
  }

  /// Every file seen equals, byte for byte, the version its name says; versions never go
  /// back; a save the probe reported is never lost; the backup is an earlier whole version.
  private func checkAgainstSavedVersions(_ snapshots: [Snapshot], _ replay: String) throws {
    func number(_ bytes: [UInt8]) throws -> Int {
      try #require(Int(WorkspaceCodec.decode(bytes).name.dropFirst()))
    }
    var numbers = Set<Int>()
    for snapshot in snapshots {
      numbers.insert(try number(snapshot.file))
      if let backup = snapshot.backup { numbers.insert(try number(backup)) }
    }
    let expected = try savedVersions(numbers.sorted())
    var last = 0
    for snapshot in snapshots {
      let version = try number(snapshot.file)
      let round = "\(replay), round \(snapshot.round)"
      #expect(snapshot.file == expected[version], "\(round): not version \(version)")
      #expect(version >= last, "\(round): went back from v\(last) to v\(version)")
      #expect(version >= (snapshot.lastReported ?? 0), "\(round): a save was lost")
      if let backup = snapshot.backup {
        let backupVersion = try number(backup)
        #expect(backup == expected[backupVersion], "\(round): backup")
        #expect(backupVersion <= version, "\(round): the backup is newer than the file")
      }
      last = version
    }
    #expect(last > 1, "\(replay)")
  }

  /// The bytes the probe writes for each version number, from one `print` run.
  private func savedVersions(_ numbers: [Int]) throws -> [Int: [UInt8]] {
    let (status, output) = try StoreProbe.run(["print"] + numbers.map(String.init))
    #expect(status == 0)
    var result: [Int: [UInt8]] = [:]
    var offset = 0
    for number in numbers {
      let newline = try #require(output[offset...].firstIndex(of: 0x0A))
      let count = try #require(Int(String(decoding: output[offset..<newline], as: UTF8.self)))
      result[number] = Array(output[(newline + 1)..<(newline + 1 + count)])
      offset = newline + 1 + count
    }
    return result
  }
}
