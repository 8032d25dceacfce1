import BrazeSandbox
import Foundation
import MizzenCore

/// The preference-center export `mizzen demo` writes beside its workspace, and the
/// Braze-side states it seeds into the demo sandbox: mostly the same, with some drift and
/// some people Braze has never heard of, so that `:reconcile` always has something to show.
enum DemoPreferences {
  /// People in the export.
  static let people = 300

  /// The export's path beside the workspace: `demo.json` → `demo-preferences.csv`.
  static func path(besideWorkspace workspacePath: String) -> String {
    let url = URL(fileURLWithPath: workspacePath)
    let stem = url.deletingPathExtension().lastPathComponent
    return url.deletingLastPathComponent().appendingPathComponent(stem + "-preferences.csv").path
  }

  /// One person's identity columns: customer id, email, phone.
  private static func identities(_ person: Int) -> String {
    let number = String(person + 1)
    let padded = String(repeating: "0", count: max(0, 3 - number.count)) + number
    return "demo-\(padded),person\(padded)@example.com,+1415555\(1000 + person)"
  }

  /// The export's rows: every person on every topic (every channel of it that has a
  /// group), granted or denied, and one row the reader refuses.
  static func export() -> String {
    var lines = ["customer_id,email,phone,topic,channel,state"]
    for person in 0..<people {
      let who = identities(person)
      lines.append("\(who),weekly_newsletter,email,\(person % 3 == 0 ? "denied" : "granted")")
      lines.append("\(who),special_offers,,\(person % 4 == 1 ? "granted" : "denied")")
      lines.append("\(who),order_updates,sms,\(person % 5 == 0 ? "denied" : "granted")")
    }
    lines.append("\(identities(people)),weekly_newsletter,email,perhaps")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Braze's side: the export's states, except that about one row in eight is the
  /// opposite (drift) and about one in fourteen is missing (unknown to Braze).
  static func brazeSide() -> String {
    var lines: [String] = []
    for (number, line) in export().split(separator: "\n").enumerated() {
      if number == 0 {
        lines.append(String(line))
        continue
      }
      guard !line.hasSuffix(",perhaps"), number % 14 != 5 else { continue }
      guard number % 8 == 3 else {
        lines.append(String(line))
        continue
      }
      if line.hasSuffix(",granted") {
        lines.append(line.dropLast("granted".count) + "denied")
      } else {
        lines.append(line.dropLast("denied".count) + "granted")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the export at `path` (never over an existing file) and seeds `server` with
  /// Braze's side for `workspace`; the message says what went wrong, if anything.
  static func write(
    to path: String, workspace: Workspace, server: SandboxServer
  ) -> String? {
    guard !FileManager.default.fileExists(atPath: path) else {
      return "\(path) already exists; the demo left it alone and seeded no drift."
    }
    let seed = FileManager.default.temporaryDirectory
      .appendingPathComponent("mizzen-demo-seed-" + UUID().uuidString.lowercased() + ".csv")
    defer { try? FileManager.default.removeItem(at: seed) }
    do {
      try Data(export().utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
      try Data(brazeSide().utf8).write(to: seed)
    } catch {
      return "the demo's preference export could not be written: \(error.localizedDescription)"
    }
    do throws(ReconcileError) {
      _ = try SandboxSeed.load(path: seed.path, workspace: workspace, into: server)
    } catch {
      return "the demo sandbox could not be seeded: \(error.message)"
    }
    return nil
  }
}
