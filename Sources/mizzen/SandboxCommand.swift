import ArgumentParser
import BrazeSandbox
import Dispatch
import Foundation
import MizzenCore

/// `mizzen sandbox`: runs the local Braze-compatible server (SPEC §7) until SIGINT or
/// SIGTERM, printing its URL and keys on stdout and one line per request on stderr.
struct SandboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sandbox",
    abstract: "Run the local Braze-compatible sandbox.",
    discussion: """
      Serves Braze's subscription, users and email REST endpoints on 127.0.0.1 with \
      in-memory users, so that you can rehearse sends without an account: point a \
      connection's endpoint at the printed URL and use one of the printed keys.

      Without --key, a random demo key with every permission is made up and printed. \
      It is a sandbox key, not a Braze secret. The known subscription groups are those \
      of --workspace (with their channels) and those named by --group; any other group \
      id is refused as Braze refuses it (400 "Invalid subscription group ID").

      Rate limits follow Braze's pools and defaults: set (v1 and v2 status/set, \
      5000/1m), track (/users/track, 3000/3s), delete (/users/delete and alias/new, \
      20000/1m), export (/users/export/ids, 250/1m) and default (every other endpoint, \
      250000/1h). Lower or raise one with --rate-limit POOL=N/WINDOW (WINDOW in s, m or \
      h), every pool with --rate-limit N (per --rate-window seconds), or lift them all \
      with --no-rate-limit.

      Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

      Exit status: 0 stopped by a signal, 1 could not start (port in use…), 2 the \
      workspace could not be read, 64 invalid options.
      """
  )

  @Option(help: ArgumentHelp("The TCP port on 127.0.0.1; 0 picks a free one.", valueName: "n"))
  var port: UInt16 = 0

  @Option(
    help: ArgumentHelp(
      "A workspace whose subscription groups become the only known groups.",
      valueName: "path"))
  var workspace: String?

  @Option(
    name: .customLong("group"),
    help: ArgumentHelp(
      "A known subscription group and its channel (email, sms or whatsapp). Repeatable.",
      valueName: "id:channel"))
  var groups: [String] = []

  @Option(
    name: .customLong("key"),
    help: ArgumentHelp(
      "An accepted API key, with its permissions after = (comma-separated; all when "
        + "omitted). Repeatable.",
      valueName: "key[=perm,perm…]"))
  var keys: [String] = []

  @Option(help: ArgumentHelp("Milliseconds added to every response.", valueName: "ms"))
  var latency: Int = 0

  @Option(
    name: .customLong("fail-rate"),
    help: ArgumentHelp(
      "The share of requests (0…1) answered with 500, 503 or a dropped connection.",
      valueName: "p"))
  var failRate: Double = 0

  @Option(
    name: .customLong("rate-limit"),
    help: ArgumentHelp(
      "A pool's limit, e.g. set=10/1m (pools: set, track, delete, export, default), or N "
        + "for every pool per --rate-window. Repeatable; then 429.",
      valueName: "pool=n/window|n"))
  var rateLimits: [String] = []

  @Option(
    name: .customLong("rate-window"),
    help: ArgumentHelp(
      "The window in seconds of a plain --rate-limit N.", valueName: "s"))
  var rateWindow: Int = 60

  @Flag(
    name: .customLong("no-rate-limit"),
    help: "Lift every rate limit (the X-RateLimit-* headers still come).")
  var noRateLimit = false

  @Option(
    help: ArgumentHelp(
      "Load Braze-side states from a preference export (reconcile's rows); needs --workspace.",
      valueName: "file"))
  var seed: String?

  @Option(
    name: .customLong("item-error"),
    help: ArgumentHelp(
      "Refuse this external id, email or phone in subscription sets with a per-item error "
        + "in errors[] (the call still succeeds for the others); repeatable.",
      valueName: "identifier"))
  var itemErrors: [String] = []

  func validate() throws {
    if seed != nil && workspace == nil {
      throw ValidationError("--seed needs --workspace to map the rows' topics to groups.")
    }
    guard (0...1).contains(failRate) else {
      throw ValidationError("--fail-rate must be between 0 and 1, e.g. 0.1 for 10%.")
    }
    guard latency >= 0 else { throw ValidationError("--latency must be 0 or more milliseconds.") }
    guard rateWindow > 0 else { throw ValidationError("--rate-window must be at least 1 second.") }
    _ = try Self.parseKeys(keys)
    _ = try Self.parseGroups(groups)
    _ = try SandboxLimits.parse(rateLimits, window: rateWindow)
  }

  func run() async throws {
    // Whoever reads our output may go away (`mizzen sandbox | head -1`, a log pipe that is
    // closed): that must not kill the server. Writes then fail with EPIPE, which the
    // writers below ignore; sockets already send with MSG_NOSIGNAL / SO_NOSIGPIPE.
    signal(SIGPIPE, SIG_IGN)
    var configuration = SandboxConfiguration(keys: try Self.parseKeys(keys))
    let generated = configuration.keys.isEmpty
    if generated {
      configuration.keys = [Self.demoKey(): SandboxConfiguration.allPermissions]
    }
    configuration.port = port
    configuration.latency = .milliseconds(latency)
    configuration.failureRate = failRate
    configuration.itemErrors = Set(itemErrors)
    let limits = try SandboxLimits.parse(rateLimits, window: rateWindow)
    if let everyPool = limits.everyPool {
      configuration.rateLimits = configuration.rateLimits.mapValues { _ in everyPool }
    }
    configuration.rateLimits.merge(limits.pools) { $1 }
    if noRateLimit { configuration.rateLimits = RateLimit.liftedEverywhere }
    if let workspace {
      do {
        configuration.groups = try WorkspaceGroups.load(path: workspace)
      } catch {
        writeToStandardError(error.message)
        throw ExitCode(2)
      }
    }
    configuration.groups.merge(try Self.parseGroups(groups)) { $1 }
    let server: SandboxServer
    do {
      server = try SandboxServer.start(configuration) { writeToStandardError($0) }
    } catch {
      writeToStandardError("\(error)")
      throw ExitCode(1)
    }
    if let seed, let workspace {
      do throws(ReconcileError) {
        let loaded = try? WorkspaceStore(path: workspace).load().workspace
        let summary = try SandboxSeed.load(
          path: seed, workspace: loaded ?? Workspace(name: ""), into: server)
        writeToStandardError(
          "Seeded \(summary.states) subscription states from \(seed); \(summary.refused) rows "
            + "refused.")
      } catch {
        server.stop()
        writeToStandardError("Cannot seed from \(seed): \(error.message)")
        throw ExitCode(2)
      }
    }
    print(banner(server, configuration, generated: generated))
    fflush(nil)  // stdout is a pipe for scripts: the URL must not wait in a buffer
    for await _ in Self.terminationSignals() { break }
    server.stop()
    writeToStandardError("Sandbox stopped after \(server.requestCount) requests.")
  }

  private func banner(
    _ server: SandboxServer, _ configuration: SandboxConfiguration, generated: Bool
  ) -> String {
    var lines = ["Braze sandbox listening on \(server.baseURL)"]
    lines.append(generated ? "API key (generated for this run, all permissions):" : "API keys:")
    for (key, permissions) in configuration.keys.sorted(by: { $0.key < $1.key }) {
      let granted =
        permissions == SandboxConfiguration.allPermissions
        ? "all permissions" : permissions.sorted().joined(separator: ", ")
      lines.append("  \(key)  (\(granted))")
    }
    let named = Set(groups.compactMap { $0.split(separator: ":").first.map(String.init) })
    let fromWorkspace = configuration.groups.keys.filter { !named.contains($0) }.count
    var sources: [String] = []
    if workspace != nil { sources.append("\(fromWorkspace) from the workspace") }
    if !named.isEmpty { sources.append("\(named.count) from --group") }
    lines.append(
      sources.isEmpty
        ? "Subscription groups: none known; name them with --group ID:CHANNEL or --workspace."
        : "Subscription groups: \(sources.joined(separator: ", ")); others are refused.")
    lines.append(
      noRateLimit
        ? "Rate limits: lifted."
        : "Rate limits: "
          + RateLimitPool.allCases.map {
            "\($0.rawValue) \(configuration.limit(for: $0).text)"
          }.joined(separator: ", ") + ".")
    lines.append("Requests are logged on stderr. Stop with Ctrl-C.")
    return lines.joined(separator: "\n")
  }

  /// `KEY` (all permissions) or `KEY=perm,perm…`, checked against Braze's permission names.
  static func parseKeys(_ specs: [String]) throws -> [String: Set<String>] {
    var keys: [String: Set<String>] = [:]
    for spec in specs {
      let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(parts[0])
      guard !key.isEmpty else {
        throw ValidationError("--key needs a key before '='.")
      }
      guard parts.count == 2 else {
        keys[key] = SandboxConfiguration.allPermissions
        continue
      }
      let permissions = Set(
        parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
      let unknown = permissions.subtracting(SandboxConfiguration.allPermissions)
      guard unknown.isEmpty, !permissions.isEmpty else {
        throw ValidationError(
          "Unknown permission \(unknown.sorted().joined(separator: ", ")) for --key. Known: "
            + SandboxConfiguration.allPermissions.sorted().joined(separator: ", ") + ".")
      }
      keys[key] = permissions
    }
    return keys
  }

  /// `ID:CHANNEL`, the channel one that has subscription groups.
  static func parseGroups(_ specs: [String]) throws -> [String: Channel] {
    var groups: [String: Channel] = [:]
    for spec in specs {
      guard let colon = spec.lastIndex(of: ":") else {
        throw ValidationError("--group takes ID:CHANNEL, e.g. --group 5e1d…:email, not '\(spec)'.")
      }
      let id = String(spec[..<colon])
      let name = String(spec[spec.index(after: colon)...])
      guard !id.isEmpty, let channel = Channel(rawValue: name), channel.usesSubscriptionGroup
      else {
        throw ValidationError(
          "--group '\(spec)': give a group id and one of email, sms or whatsapp after ':'.")
      }
      groups[id] = channel
    }
    return groups
  }

  /// A random key that is plainly a sandbox key.
  private static func demoKey() -> String {
    "sandbox-" + UUID().uuidString.lowercased()
  }

  /// Yields when SIGINT or SIGTERM arrives; the default handlers are replaced so the
  /// server can stop its threads and free the port before the process exits.
  private static func terminationSignals() -> AsyncStream<Int32> {
    AsyncStream { continuation in
      let queue = DispatchQueue(label: "mizzen.sandbox.signals")
      let sources = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler { continuation.yield(number) }
        source.resume()
        return source
      }
      nonisolated(unsafe) let retained = sources
      continuation.onTermination = { _ in retained.forEach { $0.cancel() } }
    }
  }
}

/// The `--rate-limit` values: `POOL=N/WINDOW` for one pool, a plain `N` for every pool
/// per `--rate-window` seconds.
private enum SandboxLimits {
  static func parse(_ specs: [String], window: Int) throws -> (
    pools: [RateLimitPool: RateLimit], everyPool: RateLimit?
  ) {
    var pools: [RateLimitPool: RateLimit] = [:]
    var everyPool: RateLimit?
    for spec in specs {
      if let requests = Int(spec) {
        guard requests > 0 else { throw ValidationError("--rate-limit must be at least 1.") }
        everyPool = RateLimit(requests: requests, window: .seconds(window))
        continue
      }
      let parts = spec.split(separator: "=", maxSplits: 1)
      let names = RateLimitPool.allCases.map(\.rawValue).joined(separator: ", ")
      guard parts.count == 2, let pool = RateLimitPool(rawValue: String(parts[0])) else {
        throw ValidationError(
          "--rate-limit '\(spec)': use POOL=N/WINDOW with a pool among \(names), e.g. set=10/1m.")
      }
      guard let limit = RateLimit(parsing: String(parts[1])) else {
        throw ValidationError(
          "--rate-limit '\(spec)': the limit is N/WINDOW with a window in s, m or h, e.g. 10/1m.")
      }
      pools[pool] = limit
    }
    return (pools, everyPool)
  }
}

/// The subscription groups of a workspace with their channels (push has none).
private enum WorkspaceGroups {
  static func load(path: String) throws(StoreError) -> [String: Channel] {
    let workspace = try WorkspaceStore(path: path).load().workspace
    var groups: [String: Channel] = [:]
    for topic in workspace.topics {
      for entry in topic.channels {
        guard let channel = entry.kind, channel.usesSubscriptionGroup,
          !entry.subscriptionGroupId.isEmpty
        else { continue }
        groups[entry.subscriptionGroupId] = channel
      }
    }
    return groups
  }
}

/// One log line on stderr. A write(2) loop rather than FileHandle, which traps when the
/// reader has gone; a line nobody can read any more is dropped.
private func writeToStandardError(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
    if written > 0 {
      offset += written
    } else if written < 0 && errno == EINTR {
      continue
    } else {
      return
    }
  }
}
