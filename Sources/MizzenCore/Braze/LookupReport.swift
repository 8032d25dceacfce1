/// What the admin expects a lookup to find: one choice for everything, per topic, or per
/// topic and channel (the most specific wins).
public struct LookupExpectations: Equatable, Sendable {
  public var everywhere: SignalState?
  public var byTopic: [String: SignalState] = [:]
  /// Keyed by `topic/channel`.
  public var byChannel: [String: SignalState] = [:]

  public init() {}

  /// Reads `granted`, `TOPIC=denied` or `TOPIC/CHANNEL=granted`; the error says which
  /// text is not one of those.
  public init(_ texts: [String]) throws(LookupExpectationError) {
    for text in texts {
      let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let state = SignalState(text: String(parts.last ?? "")) else {
        throw LookupExpectationError(
          message:
            "--expect takes granted, denied, TOPIC=STATE or TOPIC/CHANNEL=STATE; got '\(text)'.")
      }
      if parts.count == 1 {
        everywhere = state
      } else if parts[0].contains("/") {
        byChannel[String(parts[0])] = state
      } else if !parts[0].isEmpty {
        byTopic[String(parts[0])] = state
      } else {
        throw LookupExpectationError(message: "--expect '\(text)' names no topic.")
      }
    }
  }

  /// The expected choice for a row, if any.
  public func expected(topic: String, channel: String) -> SignalState? {
    byChannel[topic + "/" + channel] ?? byTopic[topic] ?? everywhere
  }
}

/// A `--expect` that cannot be read.
public struct LookupExpectationError: Error, Sendable {
  public var message: String
}

/// A lookup's rows with their answers, judged against what the admin expects.
public struct LookupReport: Sendable {
  /// One row of the report.
  public struct Row: Equatable, Sendable {
    public var row: LookupRow
    public var answer: LookupAnswer
    public var expected: SignalState?
    /// The read's HTTP status, when there was a read.
    public var status: Int?

    public init(row: LookupRow, answer: LookupAnswer, expected: SignalState?, status: Int?) {
      self.row = row
      self.answer = answer
      self.expected = expected
      self.status = status
    }

    /// True when an expectation is given and Braze's state is not it (an unknown state
    /// disagrees too: the admin expects a choice to have landed).
    public var disagrees: Bool? {
      guard let expected, answer.note == nil || answer.observed != nil else { return nil }
      return answer.choice != expected
    }
  }

  public var rows: [Row]
  public var reads: Int
  public var failedReads: Int

  public init(plan: LookupPlan, exchanges: [BrazeExchange], expectations: LookupExpectations) {
    reads = exchanges.count
    failedReads = exchanges.filter { !$0.outcome.isSuccess }.count
    rows = plan.rows.map { row in
      var answer = LookupAnswer(observed: nil, choice: nil, note: row.problem)
      var status: Int?
      if let index = row.read, exchanges.indices.contains(index) {
        answer = LookupAnswer.from(exchanges[index], identifier: plan.reads[index].identifier)
        status = exchanges[index].outcome.status
      } else if row.read != nil {
        answer.note = "not read yet"
      }
      return Row(
        row: row, answer: answer,
        expected: expectations.expected(topic: row.topic, channel: row.channel), status: status)
    }
  }
}
