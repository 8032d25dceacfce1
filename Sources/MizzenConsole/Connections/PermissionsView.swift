import MizzenCore

/// `P` on a connection: which Braze permission each action of this connection needs, and
/// what each of the eight permissions of the Ketch setup is used for (SPEC §4).
enum PermissionsView {
  static func show(_ state: inout ConsoleState) {
    guard let index = state.currentList.selectedRecord,
      state.workspace.connections.indices.contains(index)
    else { return }
    let code = state.workspace.connections[index].code
    state.overlay = .dialog(
      Dialog(
        purpose: .notice, title: "Braze permissions of \(code)",
        lines: lines(code, state.workspace), buttons: ["Close"]))
  }

  static func lines(_ code: String, _ workspace: Workspace) -> [String] {
    var kinds: Set<Channel> = []
    for topic in workspace.topics {
      for channel in topic.channels where channel.connection == code {
        if let kind = channel.kind { kinds.insert(kind) }
      }
    }
    let groups = kinds.contains { $0.usesSubscriptionGroup }
    var lines = ["Actions of this connection:"]
    if groups {
      lines.append("  send email/SMS/WhatsApp   subscription.status.set")
      lines.append("  verify, check, look up    subscription.status.get")
      lines.append("  check (x)                 subscription.groups.get")
    }
    if kinds.contains(.push) {
      lines.append("  send push                 users.track")
      lines.append("  verify, check push        users.export.ids")
    }
    if kinds.isEmpty { lines.append("  none yet: no topic channel uses this connection") }
    lines.append("The eight permissions the Ketch setup asks for:")
    for permission in BrazePermission.ketchSetup {
      lines.append(
        "  " + TextFit.pad(permission.rawValue, to: 24)
          + use(permission))
    }
    lines.append("Note: Braze's /email/status needs email.status, which")
    lines.append("is not among the eight; mizzen does not call it.")
    return lines
  }

  private static func use(_ permission: BrazePermission) -> String {
    switch permission {
    case .subscriptionStatusSet: return "mizzen: test-send (groups)"
    case .subscriptionStatusGet: return "mizzen: verify and check"
    case .usersTrack: return "mizzen: test-send (push)"
    case .usersExportIDs: return "mizzen: verify (push)"
    case .usersDelete, .usersAliasNew, .emailUnsubscribe, .emailBlacklist:
      return "Ketch only; mizzen never calls it"
    default: return "not used"
    }
  }
}
