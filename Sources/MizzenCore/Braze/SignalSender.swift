import Foundation

/// Carries out a signal plan: the send call, then the verify call if the plan has one and
/// the send succeeded; records it all in the journal before reporting it done.
public struct SignalSender: Sendable {
  public var client: BrazeClient
  /// Nil to send without journaling (never the case for test-sends from the product).
  public var journal: SignalJournal?
  /// The pause between a successful send and its verify call; Braze usually applies a
  /// change within 100 ms.
  public var verifyDelay: Duration

  public init(client: BrazeClient, journal: SignalJournal?, verifyDelay: Duration = .seconds(1)) {
    self.client = client
    self.journal = journal
    self.verifyDelay = verifyDelay
  }

  /// Sends `plan` with `key`. The journal entry is written (and synced) before this
  /// returns; a journal failure is reported in the result, not thrown, because the call
  /// to Braze has happened either way.
  public func send(_ plan: SignalPlan, key: String) async -> SignalResult {
    let startedAt = Date()
    let clock = ContinuousClock()
    let started = clock.now
    var exchanges: [BrazeExchange] = []
    var verifications: [VerificationResult] = []
    for request in plan.requests {
      if request.purpose == .verify {
        // Read back only after the send call succeeded; pause once before the first read.
        guard exchanges.first?.outcome.isSuccess == true else { break }
        if exchanges.count == 1 {
          do {
            try await Task.sleep(for: verifyDelay)
          } catch {
            break
          }
        }
      }
      let exchange = await client.perform(request, key: key)
      exchanges.append(exchange)
      if request.purpose == .verify, let result = VerificationResult.evaluate(exchange) {
        verifications.append(result)
      }
    }
    return record(
      plan, startedAt: startedAt, latency: clock.now - started, exchanges,
      Self.combined(verifications))
  }

  /// Reads back the state a send set, on its own (the console's `v`, after the send is
  /// journaled): performs only the plan's verify call and journals it as an entry whose
  /// one request is that call, so History can tell it by the request's purpose. A plan
  /// without a verify call performs nothing and journals nothing.
  public func verify(_ plan: SignalPlan, key: String) async -> SignalResult {
    let startedAt = Date()
    let clock = ContinuousClock()
    let started = clock.now
    let reads = plan.requests.filter { $0.purpose == .verify }
    guard !reads.isEmpty else {
      let outcome = BrazeOutcome(
        kind: .cancelled,
        message: "Nothing was read back: there is no way to verify this channel's state.")
      var entry = Self.entry(plan, startedAt: startedAt, latency: .zero, [])
      entry.outcome = outcome
      return SignalResult(entry: entry, exchanges: [], journalError: nil)
    }
    var exchanges: [BrazeExchange] = []
    for request in reads { exchanges.append(await client.perform(request, key: key)) }
    return record(
      plan, startedAt: startedAt, latency: clock.now - started, exchanges,
      Self.combined(exchanges.compactMap(VerificationResult.evaluate)))
  }

  /// One verdict for a call that set several groups: it matches when every read did.
  private static func combined(_ results: [VerificationResult]) -> VerificationResult? {
    guard results.count > 1 else { return results.first }
    let observed = results.map { $0.observed ?? "(nothing)" }
    return VerificationResult(
      expected: results[0].expected, observed: observed.joined(separator: ", "),
      matches: results.allSatisfy(\.matches),
      message: results.map(\.message).joined(separator: " "))
  }

  /// Journals what the calls did (synced before returning) and reports it.
  private func record(
    _ plan: SignalPlan, startedAt: Date, latency: Duration, _ exchanges: [BrazeExchange],
    _ verification: VerificationResult?
  ) -> SignalResult {
    let entry = Self.entry(
      plan, startedAt: startedAt, latency: latency, exchanges, verification: verification)
    var journalError: JournalError?
    if let journal {
      do {
        try journal.append(entry)
      } catch {
        journalError = error
      }
    }
    return SignalResult(entry: entry, exchanges: exchanges, journalError: journalError)
  }

  /// The journal line for calls made for `plan`: how the first call ended is the outcome.
  private static func entry(
    _ plan: SignalPlan, startedAt: Date, latency: Duration, _ exchanges: [BrazeExchange],
    verification: VerificationResult? = nil
  ) -> JournalEntry {
    JournalEntry(
      time: JournalTime.string(startedAt), topic: plan.signal.topic, channel: plan.signal.channel,
      connection: plan.connection, identitySpace: plan.identitySpace,
      identityValue: plan.identityValue, brazeField: plan.brazeField.rawValue,
      state: plan.state.rawValue,
      subscriptionGroupId: plan.subscriptionGroupId.isEmpty ? nil : plan.subscriptionGroupId,
      requests: exchanges.map(JournalRequest.init),
      latencyMs: BrazeClient.ms(latency),
      attempts: exchanges.reduce(0) { $0 + $1.attempts.count },
      outcome: exchanges.first?.outcome
        ?? BrazeOutcome(kind: .cancelled, message: "Nothing was sent."),
      verification: verification,
      requestId: exchanges.first?.attempts.last(where: { $0.requestId != nil })?.requestId)
  }
}

/// What a send did: the journal entry (also the stable JSON shape for scripts), the
/// exchanges with full answers, and whether journaling failed.
public struct SignalResult: Sendable {
  public var entry: JournalEntry
  public var exchanges: [BrazeExchange]
  public var journalError: JournalError?

  public init(entry: JournalEntry, exchanges: [BrazeExchange], journalError: JournalError?) {
    self.entry = entry
    self.exchanges = exchanges
    self.journalError = journalError
  }
}
