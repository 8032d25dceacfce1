// Benchmarks of the workspace store on generated workspaces, release build:
//
//   swift run -c release bench-store                         time encode, save, load, validate
//   swift run -c release bench-store generate PATH [TOPICS]  write a generated workspace
//                                                            (10,000 topics by default)
//   swift run -c release bench-store load-validate PATH [RUNS]
//       best-of-RUNS CPU time of load + validate of the workspace at PATH, as the console
//       opens it (for scripts/bench-side-by-side.sh)
//   swift run -c release bench-store memory PATH
//       resident memory (now and peak) before loading PATH, after loading, after validating
import BenchSupport
import Foundation
import MizzenCore

/// Saves a generated workspace at `path`, replacing what is there.
func generate(path: String, topics: Int) throws {
  let store = WorkspaceStore(path: path)
  var expecting: FileRevision? = nil
  if FileManager.default.fileExists(atPath: path) {
    expecting = try store.load().revision
  }
  try store.save(WorkspaceGenerator.make(topics: topics), expecting: expecting)
  print("wrote \(path): \(topics) topics")
}

/// CPU time this process has used, in milliseconds. Reported beside wall time because on a
/// machine shared with other builds the wall-clock figures mostly measure waiting for a core.
func cpuMilliseconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

/// Runs `body` like `measure` and prints its line; the budget holds on the best CPU time.
func timed(
  _ name: String, iterations: Int, budgetMs: Double? = nil, _ body: () throws -> Void
) rethrows -> BenchSupport.Measurement {
  let result = try measure(name, iterations: iterations, body)
  print(result.report(budgetMs: budgetMs))
  return result
}

/// Times encode, save, load, validate, and load + validate together for `topics` topics;
/// returns the save and load + validate best CPU times.
func run(topics: Int, iterations: Int, budgetMs: Double?) throws -> (save: Double, load: Double) {
  let folder = FileManager.default.temporaryDirectory.path + "/bench-store-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let workspace = WorkspaceGenerator.make(topics: topics)
  let store = WorkspaceStore(path: folder + "/workspace.json")
  var revision = try store.save(workspace, expecting: nil)
  let size = try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int ?? 0
  print(
    "\(topics) topics, 2 channels each, 50 connections, 20 spaces, 20 properties: "
      + String(format: "%.1f MB", Double(size) / 1_000_000))
  _ = timed("  encode", iterations: iterations) {
    _ = WorkspaceCodec.encode(workspace)
  }
  let save = try timed(
    "  save (encode, lock, check, write, fsync, rename)", iterations: iterations,
    budgetMs: budgetMs
  ) {
    revision = try store.save(workspace, expecting: revision)
  }
  var loaded: LoadedWorkspace? = nil
  let load = try timed(
    "  load (read, parse, decode)", iterations: iterations, budgetMs: budgetMs
  ) {
    loaded = try store.load()
  }
  guard loaded?.workspace == workspace else {
    print("  ERROR: the loaded workspace differs from the saved one")
    exit(1)
  }
  var problems: [Problem] = []
  _ = timed("  validate", iterations: iterations) {
    problems = WorkspaceValidator.problems(in: workspace)
  }
  let loadAndValidate = try timed(
    "  load + validate (what opening a workspace costs)", iterations: iterations,
    budgetMs: budgetMs
  ) {
    problems = WorkspaceValidator.problems(in: try store.load().workspace)
  }
  if !problems.isEmpty {
    print("  ERROR: the generated workspace has \(problems.count) problems, e.g. \(problems[0])")
    exit(1)
  }
  _ = load
  return (save.bestCPU, loadAndValidate.bestCPU)
}

let arguments = CommandLine.arguments
do {
  if arguments.count >= 3 && arguments[1] == "generate" {
    let topics = arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000
    try generate(path: arguments[2], topics: topics)
  } else if arguments.count >= 3 && arguments[1] == "memory" {
    /// Prints the kernel's figures for this process: resident now (VmRSS) and at most (VmHWM).
    func report(_ stage: String) {
      let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
      let lines = status.split(separator: "\n").filter {
        $0.hasPrefix("VmRSS") || $0.hasPrefix("VmHWM")
      }
      print(stage, lines.joined(separator: " "))
    }
    report("start")
    let loaded = try WorkspaceStore(path: arguments[2]).load()
    report("loaded")
    let problems = WorkspaceValidator.problems(in: loaded.workspace)
    report("problems \(problems.count)")
  } else if arguments.count >= 3 && arguments[1] == "load-validate" {
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 15 : 15
    let store = WorkspaceStore(path: arguments[2])
    var best = Double.infinity
    var problems = 0
    for _ in 0..<runs {
      let before = cpuMilliseconds()
      problems = WorkspaceValidator.problems(in: try store.load().workspace).count
      best = min(best, cpuMilliseconds() - before)
    }
    print(
      String(
        format: "load + validate: best cpu %.3f ms of %d runs, %d problems", best, runs, problems))
  } else if arguments.count == 1 {
    let small = try run(topics: 10_000, iterations: 15, budgetMs: 100)
    let large = try run(topics: 100_000, iterations: 5, budgetMs: nil)
    for (name, ratio) in [
      ("save", large.save / small.save), ("load + validate", large.load / small.load),
    ] {
      print(
        String(
          format: "100k / 10k %@: %.1f× (budget 12×) %@", name, ratio, ratio <= 12 ? "ok" : "OVER"))
    }
  } else {
    print("usage: bench-store [generate PATH [TOPICS] | load-validate PATH [RUNS] | memory PATH]")
    exit(2)
  }
} catch {
  print("bench-store: \(error)")
  exit(1)
}
