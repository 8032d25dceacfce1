import MizzenCore

// A helper process for the store's crash and concurrency tests: it saves and edits a
// workspace the way the console does, so the tests can kill it or race two of them.
//
//   mizzen-store-probe save-loop PATH          save versions N, N+1, … forever ("saved N")
//   mizzen-store-probe print N…                write, for each N, a line with the byte count of
//                                              version N and then its bytes
//   mizzen-store-probe edit PATH TOPIC COUNT SEED
//                                              add 1 to TOPIC's counter COUNT times,
//                                              reloading on conflict ("conflicts K"); waits
//                                              between load and save are drawn from SEED
//   mizzen-store-probe edit-paused PATH TOPIC  add 1 to TOPIC's counter once, saying
//                                              "loaded" and waiting for a line on standard
//                                              input between load and save (then reloading
//                                              on conflict, "conflicts K")
//   mizzen-store-probe load PATH [--as-nobody] load and print "ok" or the error's kind and
//                                              message (optionally as user nobody)
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Version `number` of the crash test's workspace: its name is `v<number>`, and every topic
/// carries the number too, so a file mixing two versions cannot pass for either.
func version(_ number: Int) -> Workspace {
  let topics = (0..<(200 + number % 50)).map { index in
    Topic(
      code: "topic_\(index)", name: "Topic \(index) 週刊 🎉 of v\(number)",
      description: String(repeating: "v\(number) ", count: 1 + index % 7),
      channels: [
        TopicChannel(
          kind: .email, connection: "braze", subscriptionGroupId: "group-\(index)-\(number)")
      ])
  }
  return Workspace(
    name: "v\(number)",
    connections: [
      Connection(
        code: "braze", name: "Braze", endpoint: "https://rest.iad-01.braze.com",
        apiKey: .environment("BRAZE_API_KEY"),
        identityMapping: [IdentityMapping(identitySpace: "email", field: .email)])
    ],
    identitySpaces: [
      IdentitySpace(code: "email", name: "Email", type: .email, marketingPreference: true)
    ],
    topics: topics)
}

func say(_ text: String) {
  let bytes = Array((text + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

func fail(_ text: String) -> Never {
  let bytes = Array((text + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(1)
}

func saveLoop(_ path: String) -> Never {
  let store = WorkspaceStore(path: path)
  var revision: FileRevision? = nil
  var number = 1
  do {
    let loaded = try store.load()
    revision = loaded.revision
    guard let last = Int(loaded.workspace.name.dropFirst()) else { fail("unexpected name") }
    number = last + 1
  } catch  where error.kind == .notFound {
  } catch {
    fail(error.message)
  }
  while true {
    do {
      revision = try store.save(version(number), expecting: revision)
    } catch {
      fail(error.message)
    }
    say("saved \(number)")
    number += 1
  }
}

/// A small deterministic generator (SplitMix64), so that a run can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Reads one line from standard input (the test's go-ahead), or exits when it is closed.
func waitForLine() {
  var byte: UInt8 = 0
  while read(0, &byte, 1) == 1 {
    if byte == 0x0A { return }
  }
  fail("standard input closed before the go-ahead")
}

/// Adds 1 to `code`'s counter `count` times; between load and save, `pause` (a wait drawn
/// from a seeded generator, or the test's go-ahead) lets the other process interleave.
func edit(_ path: String, topic code: String, count: Int, pause: () -> Void) -> Never {
  let store = WorkspaceStore(path: path)
  var conflicts = 0
  var done = 0
  while done < count {
    do {
      let loaded = try store.load()
      var workspace = loaded.workspace
      guard let index = workspace.topics.firstIndex(where: { $0.code == code }) else {
        fail("no topic \(code)")
      }
      workspace.topics[index].description = String(
        (Int(workspace.topics[index].description) ?? 0) + 1)
      pause()
      try store.save(workspace, expecting: loaded.revision)
      done += 1
    } catch  where error.kind == .conflict {
      conflicts += 1
    } catch {
      fail(error.message)
    }
  }
  say("conflicts \(conflicts)")
  exit(0)
}

func load(_ path: String, asNobody: Bool) -> Never {
  if asNobody && (setgid(65534) != 0 || setuid(65534) != 0) {
    fail("cannot become nobody: \(String(cString: strerror(errno)))")
  }
  do {
    let loaded = try WorkspaceStore(path: path).load()
    say("ok \(loaded.workspace.name)")
  } catch {
    say("\(error.kind)\t\(error.message)")
  }
  exit(0)
}

let arguments = CommandLine.arguments
switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
case (3, "save-loop"): saveLoop(arguments[2])
case (_, "print") where arguments.count > 2:
  for argument in arguments.dropFirst(2) {
    guard let number = Int(argument) else { fail("print needs numbers") }
    let bytes = WorkspaceCodec.encode(version(number))
    say(String(bytes.count))
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
  }
case (6, "edit"):
  guard let count = Int(arguments[4]), let seed = UInt64(arguments[5], radix: 16) else {
    fail("edit needs a count and a hexadecimal seed")
  }
  var generator = SeededGenerator(state: seed)
  edit(arguments[2], topic: arguments[3], count: count) {
    usleep(UInt32.random(in: 0...1_500, using: &generator))
  }
case (4, "edit-paused"):
  var paused = false
  edit(arguments[2], topic: arguments[3], count: 1) {
    guard !paused else { return }
    paused = true
    say("loaded")
    waitForLine()
  }
case (3, "load"): load(arguments[2], asNobody: false)
case (4, "load") where arguments[3] == "--as-nobody": load(arguments[2], asNobody: true)
default: fail("usage: see the comment at the top of mizzen-store-probe/main.swift")
}
