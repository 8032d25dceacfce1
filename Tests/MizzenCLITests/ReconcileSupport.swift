import BrazeSandbox
import Foundation
import MizzenCore

/// Exports for reconcile tests: every row drifts from what is seeded into the sandbox.
enum ReconcileExports {
  /// `count` people by customer id on news/email and news/sms, alternating granted and
  /// denied; the seed holds the opposite of every row.
  static func drifting(_ count: Int) -> (input: String, seed: String) {
    var input = "customer_id,topic,channel,state\n"
    var seed = "customer_id,topic,channel,state\n"
    for index in 0..<count {
      let channel = index % 4 == 3 ? "sms" : "email"
      let granted = index % 2 == 0
      input += "c-\(index),news,\(channel),\(granted ? "granted" : "denied")\n"
      seed += "c-\(index),news,\(channel),\(granted ? "denied" : "granted")\n"
    }
    return (input, seed)
  }

  /// The rows of `drifting(count)` whose sandbox state is not the row's yet.
  static func mismatches(_ count: Int, in server: SandboxServer) -> Int {
    var wrong = 0
    for index in 0..<count {
      let group = index % 4 == 3 ? SignalCLIFixture.smsGroup : SignalCLIFixture.emailGroup
      let state = server.groupState(group, field: .externalID, value: "c-\(index)")
      if state != (index % 2 == 0) { wrong += 1 }
    }
    return wrong
  }
}

extension SignalCLIFixture {
  /// Writes `text` into the fixture's folder.
  func write(_ name: String, _ text: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Seeds the sandbox from an export, as `mizzen sandbox --seed` does.
  func seed(_ text: String) throws {
    let path = try write("seed.csv", text)
    let workspace = try WorkspaceStore(path: workspacePath).load().workspace
    _ = try SandboxSeed.load(path: path, workspace: workspace, into: server)
  }

  /// Write calls the sandbox answered, whatever their status.
  var v2Calls: Int {
    sandboxLog.filter { $0.hasPrefix("POST /v2/subscription/status/set ") }.count
  }
}
