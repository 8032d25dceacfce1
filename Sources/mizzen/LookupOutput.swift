import MizzenConsole
import MizzenCore

/// The JSON `mizzen lookup --format json` prints; keys sorted, stable for scripts.
struct LookupDocument: Encodable {
  struct Row: Encodable {
    var topic: String
    var channel: String
    var connection: String
    var subscriptionGroupId: String?
    var identitySpace: String?
    var brazeField: String?
    var identityValue: String?
    /// Braze's words, e.g. Subscribed, Unknown, opted_in, no profile.
    var observed: String?
    /// granted, denied, or null when Braze's state is neither.
    var state: String?
    var expected: String?
    var disagrees: Bool?
    var status: Int?
    var note: String?
  }

  var identities: [String: String]
  var reads: Int
  var failedReads: Int
  var rows: [Row]

  init(_ report: LookupReport, identities: [String: String]) {
    self.identities = identities
    reads = report.reads
    failedReads = report.failedReads
    rows = report.rows.map { item in
      Row(
        topic: item.row.topic, channel: item.row.channel, connection: item.row.connection,
        subscriptionGroupId: item.row.subscriptionGroupId.isEmpty
          ? nil : item.row.subscriptionGroupId,
        identitySpace: item.row.identitySpace, brazeField: item.row.brazeField?.rawValue,
        identityValue: item.row.identityValue, observed: item.answer.observed,
        state: item.answer.choice?.rawValue, expected: item.expected?.rawValue,
        disagrees: item.disagrees, status: item.status, note: item.answer.note)
    }
  }
}

/// The table `mizzen lookup` prints for people; every value from the file or Braze is
/// escaped.
enum LookupText {
  static func render(_ report: LookupReport, identities: [String: String]) -> String {
    let who = identities.keys.sorted().map { "\($0)=\(identities[$0] ?? "")" }
      .joined(separator: " ")
    var lines = [
      TerminalText.escaped(
        "Braze's state for \(who): \(report.reads) read(s), "
          + "\(report.failedReads) failed")
    ]
    let header = ["TOPIC/CHANNEL", "CONNECTION", "SENT AS", "BRAZE", "EXPECTED", ""]
    var table = [header]
    for item in report.rows {
      let sentAs =
        item.row.brazeField.map { "\($0.rawValue)=\(item.row.identityValue ?? "")" }
        ?? "—"
      let braze = item.answer.observed ?? "—"
      let verdict: String
      switch item.disagrees {
      case true?: verdict = "DISAGREES"
      case false?: verdict = "agrees"
      case nil: verdict = ""
      }
      table.append(
        [
          item.row.topic + "/" + item.row.channel, item.row.connection, sentAs, braze,
          item.expected?.rawValue ?? "", verdict,
        ].map { TerminalText.escaped($0) })
    }
    // Columns line up in terminal cells: a CJK or emoji name takes two cells a character.
    let widths = (0..<header.count).map { column in
      table.map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
    for cells in table {
      lines.append(
        zip(cells, widths).map { TextFit.pad($0, to: $1) }
          .joined(separator: "  ").trimmingSuffixSpaces())
    }
    for item in report.rows {
      if let note = item.answer.note {
        lines.append(
          TerminalText.escaped("\(item.row.topic)/\(item.row.channel): \(note)"))
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingSuffixSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
