// End-to-end reconcile benchmark, release build:
//
//   swift run -c release bench-reconcile [rows…]
//
// For each size (default 100,000, 300,000 and 1,000,000 rows) the sandbox runs in a child
// process, seeded so that 10% of the rows drift, with rate limits lifted; another child
// runs the reconcile (load, plan, read over loopback HTTP, diff) and reports rows/s and
// its peak RSS. Goals: ≥ 50,000 rows/s and ≤ 200 MB at 1M rows. Then, with the sandbox
// limited to 100 calls per 2 s window (3,000/min: lowered below Braze's own limits, the
// set endpoint's 5,000/min included, which the client keeps to by default), a 100,000-row
// run in which every row drifts is read and applied: the achieved call rate (from the
// first answer) must be ≥ 95% of the allowed one, with ≤ 1% of calls answered 429.
import BrazeSandbox
import Foundation
import MizzenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let key = "bench-key-not-a-secret"
let keyVariable = "BENCH_RECONCILE_KEY"
let emailGroup = "fbc3506c-26a5-4f35-b8f0-ed382da4f2db"
let smsGroup = "2a7d9c1e-4b3f-4e8a-9d6c-1f0e2b3a4c5d"

func workspaceJSON(endpoint: String) -> String {
  """
  {"format": "mizzen.workspace", "version": 1, "name": "bench",
   "connections": [{"code": "braze", "name": "Braze", "endpoint": "\(endpoint)",
     "apiKey": {"env": "\(keyVariable)"},
     "identityMapping": [{"identitySpace": "customer_id", "brazeField": "external_id"}]}],
   "identitySpaces": [{"code": "customer_id", "name": "Customer", "valueType": "id",
     "marketingPreference": true}],
   "properties": [],
   "topics": [{"code": "news", "name": "News", "description": "", "legalBasis": "consent_optin",
     "channels": [
       {"channel": "email", "connection": "braze", "subscriptionGroupId": "\(emailGroup)"},
       {"channel": "sms", "connection": "braze", "subscriptionGroupId": "\(smsGroup)"}]}]}
  """
}

/// Writes the export and the seed in 1 MB chunks; `driftEvery` 10 → one row in ten drifts.
func generate(rows: Int, driftEvery: Int, input: String, seed: String) {
  _ = FileManager.default.createFile(atPath: input, contents: nil)
  _ = FileManager.default.createFile(atPath: seed, contents: nil)
  let inputHandle = FileHandle(forWritingAtPath: input)!
  let seedHandle = FileHandle(forWritingAtPath: seed)!
  var inputText = "customer_id,topic,channel,state\n"
  var seedText = inputText
  for index in 0..<rows {
    let channel = index % 2 == 0 ? "email" : "sms"
    let granted = index % 3 != 0
    let id = "customer-\(index)-\(index &* 2_654_435_761 % 1_000_003)"
    inputText += "\(id),news,\(channel),\(granted ? "granted" : "denied")\n"
    let braze = index % driftEvery == 0 ? !granted : granted
    seedText += "\(id),news,\(channel),\(braze ? "granted" : "denied")\n"
    if inputText.utf8.count > 1 << 20 {
      inputHandle.write(Data(inputText.utf8))
      seedHandle.write(Data(seedText.utf8))
      inputText = ""
      seedText = ""
    }
  }
  inputHandle.write(Data(inputText.utf8))
  seedHandle.write(Data(seedText.utf8))
  try? inputHandle.close()
  try? seedHandle.close()
}

/// Child: serves a seeded sandbox and prints its port; stops when stdin closes.
func serve(workspacePath: String, seedPath: String, limit: Int, window: Int) throws {
  var configuration = SandboxConfiguration(keys: [key: SandboxConfiguration.allPermissions])
  configuration.groups = [emailGroup: .email, smsGroup: .sms]
  configuration.createsUnknownGroups = false
  configuration.rateLimit = limit
  configuration.rateLimitWindow = .seconds(window)
  let server = try SandboxServer.start(configuration)
  let workspace = try WorkspaceStore(path: workspacePath).load().workspace
  _ = try SandboxSeed.load(path: seedPath, workspace: workspace, into: server)
  var seeded = rusage()
  getrusage(RUSAGE_SELF.rawValue, &seeded)
  print(server.port)
  fflush(nil)
  _ = FileHandle.standardInput.readDataToEndOfFile()
  server.stop()
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  // Seeding is set-up, not serving: the serving CPU is what the reconcile shares cores with.
  print("cpu=\(cpuSeconds(usage)) serveCPU=\(cpuSeconds(usage) - cpuSeconds(seeded))")
}

/// Child: runs the reconcile and prints one line of figures.
func reconcile(workspacePath: String, inputPath: String, apply: Bool) async throws {
  let workspace = try WorkspaceStore(path: workspacePath).load().workspace
  var options = ReconcileOptions()
  options.apply = apply
  if let text = ProcessInfo.processInfo.environment["BENCH_READ_CONCURRENCY"], let value = Int(text)
  {
    options.readConcurrency = value
  }
  let phases = PhaseClock()
  let runner = ReconcileRunner(
    workspace: workspace, workspacePath: workspacePath, inputPath: inputPath, options: options,
    environment: [keyVariable: key], client: BrazeClient(),
    progress: { phases.note($0.phase) })
  let started = ContinuousClock().now
  let outcome = try await runner.run { _ in }
  let total = ContinuousClock().now - started
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let (firstAnswer, readEnd, applyStart) = phases.marks(since: started)
  print(
    [
      "rows=\(outcome.table.rowCount)", "drift=\(outcome.drift.count)",
      "corrected=\(outcome.corrected.count)", "reads=\(outcome.readRequests)",
      "writes=\(outcome.writeRequests)", "limited=\(outcome.rateLimited)",
      "total=\(seconds(total))", "firstAnswer=\(firstAnswer)", "readEnd=\(readEnd)",
      "applyStart=\(applyStart)",
      "rssKB=\(usage.ru_maxrss)", "cpu=\(cpuSeconds(usage))",
      "fatal=\(outcome.fatal ?? "none")",
    ].joined(separator: " "))
}

/// When the read phase ended and the apply phase started, as progress reports them.
final class PhaseClock: @unchecked Sendable {
  private let lock = NSLock()
  private var firstRead: ContinuousClock.Instant?
  private var lastRead: ContinuousClock.Instant?
  private var firstApply: ContinuousClock.Instant?

  func note(_ phase: ReconcileProgress.Phase) {
    let now = ContinuousClock().now
    lock.withLock {
      if phase == .read {
        if firstRead == nil { firstRead = now }
        lastRead = now
      } else if firstApply == nil {
        firstApply = now
      }
    }
  }

  func marks(since start: ContinuousClock.Instant) -> (Double, Double, Double) {
    lock.withLock {
      (
        firstRead.map { seconds($0 - start) } ?? 0, lastRead.map { seconds($0 - start) } ?? 0,
        firstApply.map { seconds($0 - start) } ?? 0
      )
    }
  }
}

func cpuSeconds(_ usage: rusage) -> Double {
  Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs this executable with `arguments`; returns the process and its stdout pipe.
func child(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
  process.arguments = arguments
  let out = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardInput = input
  try process.run()
  return (process, out, input)
}

func figures(_ line: String) -> [String: String] {
  var values: [String: String] = [:]
  for part in line.split(separator: " ") {
    let pair = part.split(separator: "=", maxSplits: 1)
    if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
  }
  return values
}

/// One scenario: returns the reconcile child's figures.
func scenario(rows: Int, driftEvery: Int, limit: Int, window: Int, apply: Bool, folder: String)
  throws -> [String: String]
{
  let input = folder + "/export-\(rows).csv"
  let seed = folder + "/seed-\(rows).csv"
  let workspace = folder + "/mizzen.json"
  generate(rows: rows, driftEvery: driftEvery, input: input, seed: seed)
  try Data(workspaceJSON(endpoint: "http://127.0.0.1:1").utf8).write(
    to: URL(fileURLWithPath: workspace))
  let (server, serverOut, serverIn) = try child([
    "serve", workspace, seed, String(limit), String(window),
  ])
  var portText = ""
  while !portText.hasSuffix("\n") {
    let byte = serverOut.fileHandleForReading.readData(ofLength: 1)
    guard !byte.isEmpty else { break }
    portText += String(decoding: byte, as: UTF8.self)
  }
  let port = portText.trimmingCharacters(in: .whitespacesAndNewlines)
  try Data(workspaceJSON(endpoint: "http://127.0.0.1:\(port)").utf8).write(
    to: URL(fileURLWithPath: workspace))
  try? FileManager.default.removeItem(atPath: input + ".mizzen-progress")
  let (runner, runnerOut, _) = try child(["run", workspace, input, apply ? "apply" : "read"])
  let output = String(decoding: runnerOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  runner.waitUntilExit()
  try? serverIn.fileHandleForWriting.close()
  let serverOutput = String(
    decoding: serverOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  server.waitUntilExit()
  var result = figures(output.trimmingCharacters(in: .whitespacesAndNewlines))
  let served = figures(serverOutput.trimmingCharacters(in: .whitespacesAndNewlines))
  result["sandboxCPU"] = served["cpu"]
  result["serveCPU"] = served["serveCPU"]
  return result
}

let arguments = CommandLine.arguments
if arguments.count >= 6 && arguments[1] == "serve" {
  try serve(
    workspacePath: arguments[2], seedPath: arguments[3], limit: Int(arguments[4])!,
    window: Int(arguments[5])!)
  exit(0)
}
if arguments.count >= 4 && arguments[1] == "load" {
  let workspace = try WorkspaceStore(path: arguments[2]).load().workspace
  let clock = ContinuousClock()
  let started = clock.now
  let table = try ReconcileTable.load(path: arguments[3], workspace: workspace) { _ in }
  let loaded = clock.now
  let reads = ReconcileBatches.reads(table)
  let cut = clock.now
  var bytes = 0
  for read in reads { bytes += ReconcileBatches.request(read, in: table).url.utf8.count }
  print(
    "load \(seconds(loaded - started)) s, cut \(seconds(cut - loaded)) s, encode "
      + "\(seconds(clock.now - cut)) s for \(table.recordCount) records (\(bytes) URL bytes)")
  exit(0)
}
if arguments.count >= 5 && arguments[1] == "run" {
  try await reconcile(
    workspacePath: arguments[2], inputPath: arguments[3], apply: arguments[4] == "apply")
  exit(0)
}

let sizes = arguments.dropFirst().compactMap { Int($0) }
let folder = NSTemporaryDirectory() + "bench-reconcile-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
var ok = true
print("Reconcile, read + diff end to end, sandbox on loopback with rate limits lifted:")
for rows in sizes.isEmpty ? [100_000, 300_000, 1_000_000] : sizes {
  let result = try scenario(
    rows: rows, driftEvery: 10, limit: 100_000_000, window: 60, apply: false, folder: folder)
  let total = Double(result["total"] ?? "") ?? .infinity
  let rate = Double(rows) / total
  let rss = (Double(result["rssKB"] ?? "") ?? 0) / 1024
  let verdict = rate >= 50_000 && (rows < 1_000_000 || rss <= 200) ? "ok" : "OVER"
  ok = ok && verdict == "ok"
  // On a machine other work keeps busy, wall time says more about the neighbours than about
  // reconcile: the CPU both processes spent, spread over the 2 cores, bounds what an idle
  // machine would take.
  let cpu = (Double(result["cpu"] ?? "") ?? .infinity) + (Double(result["serveCPU"] ?? "") ?? 0)
  print(
    String(
      format: "  %9d rows  %6.2f s  %8.0f rows/s  %4@ reads  peak RSS %6.1f MB  drift %@  "
        + "CPU reconcile %.2f s + sandbox serving %.2f s (seeding %.2f s) = %.0f rows per "
        + "CPU-second  %@",
      rows, total, rate, (result["reads"] ?? "?") as NSString, rss,
      (result["drift"] ?? "?") as NSString, Double(result["cpu"] ?? "") ?? 0,
      Double(result["serveCPU"] ?? "") ?? 0,
      (Double(result["sandboxCPU"] ?? "") ?? 0) - (Double(result["serveCPU"] ?? "") ?? 0),
      Double(rows) / cpu, verdict as NSString))
}

let limit = 100
let window = 2
print(
  "Lowered limit: \(limit) calls per \(window) s window (\(limit / window)/s), 100,000 rows all "
    + "drifting, read + apply:")
let limited = try scenario(
  rows: 100_000, driftEvery: 1, limit: limit, window: window, apply: true, folder: folder)
let calls = (Double(limited["reads"] ?? "") ?? 0) + (Double(limited["writes"] ?? "") ?? 0)
let total = Double(limited["total"] ?? "") ?? .infinity
// Loading and planning come before the first call: the rate counts from the first answer.
let firstAnswer = Double(limited["firstAnswer"] ?? "") ?? 0
let achieved = (calls - 1) / (total - firstAnswer)
let allowed = Double(limit) / Double(window)
let rejected = (Double(limited["limited"] ?? "") ?? 0) / max(1, calls)
let limitOK = achieved >= 0.95 * allowed && rejected <= 0.01
ok = ok && limitOK
print(
  String(
    format: "  %.0f calls (%@ reads, %@ writes) in %.1f s from the first answer: %.1f calls/s = "
      + "%.1f%% of allowed; %@ answered 429 (%.2f%%); corrected %@  %@",
    calls, (limited["reads"] ?? "?") as NSString, (limited["writes"] ?? "?") as NSString,
    total - firstAnswer, achieved, achieved / allowed * 100,
    (limited["limited"] ?? "?") as NSString, rejected * 100,
    (limited["corrected"] ?? "?") as NSString, (limitOK ? "ok" : "OVER") as NSString))
// The reads (8 in flight) and the writes (one at a time, each acknowledged in the
// checkpoint first) draw on separate pools, each allowed the full rate.
let readEnd = Double(limited["readEnd"] ?? "") ?? 0
let applyStart = Double(limited["applyStart"] ?? "") ?? 0
let readRate = ((Double(limited["reads"] ?? "") ?? 0) - 1) / (readEnd - firstAnswer)
let writeRate = ((Double(limited["writes"] ?? "") ?? 0) - 1) / (total - applyStart)
print(
  String(
    format: "  read phase %.1f calls/s = %.1f%% of allowed; apply phase %.1f calls/s = %.1f%%",
    readRate, readRate / allowed * 100, writeRate, writeRate / allowed * 100))
exit(ok ? 0 : 1)
