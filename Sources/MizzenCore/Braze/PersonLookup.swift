import Foundation

/// What `mizzen lookup` and the console's `L` read for one person (SPEC §8): a row per
/// topic × channel of the workspace, and the read-only calls that answer them, one per
/// connection and group (push: one per connection and identifier), shared by rows that
/// ask the same thing.
public struct LookupPlan: Equatable, Sendable {
  public var identities: [String: String]
  public var rows: [LookupRow]
  public var reads: [LookupRead]

  public init(identities: [String: String], rows: [LookupRow], reads: [LookupRead]) {
    self.identities = identities
    self.rows = rows
    self.reads = reads
  }
}

/// One topic × channel: what the workspace maps, and which read answers it (or why none).
public struct LookupRow: Equatable, Sendable, Identifiable {
  /// `topic/channel`, unique unless the file repeats a channel.
  public var id: String { topic + "/" + channel }
  public var topic: String
  public var channel: String
  public var connection: String
  /// Empty for push.
  public var subscriptionGroupId: String
  /// The identity the connection's mapping picked, when one could be.
  public var identitySpace: String?
  public var brazeField: BrazeField?
  public var identityValue: String?
  /// The position of the answering read in `LookupPlan.reads`.
  public var read: Int?
  /// Why nothing is read for this row (no value for any identity it takes, no group id…).
  public var problem: String?
}

/// One read-only call of a lookup, with the key source of its connection.
public struct LookupRead: Equatable, Sendable {
  public var connection: String
  public var keySource: APIKeySource
  public var request: PlannedRequest
  /// The identifier the answer is keyed by (group reads).
  public var identifier: String
}

/// A row's answer: Braze's state for the person, in Braze's words and as a choice.
public struct LookupAnswer: Equatable, Sendable {
  /// E.g. `Subscribed`, `Unknown`, `opted_in`; nil when the read failed or was not made.
  public var observed: String?
  /// `granted` for Subscribed / opted_in, `denied` for Unsubscribed / unsubscribed, nil
  /// otherwise (Unknown, no profile, push `subscribed`).
  public var choice: SignalState?
  /// A sentence when there is no state: the failure, or why nothing was read.
  public var note: String?

  public init(observed: String?, choice: SignalState?, note: String?) {
    self.observed = observed
    self.choice = choice
    self.note = note
  }

  /// Reads a row's answer out of its read's exchange.
  public static func from(_ exchange: BrazeExchange, identifier: String) -> LookupAnswer {
    guard exchange.outcome.isSuccess else {
      return LookupAnswer(observed: nil, choice: nil, note: exchange.outcome.message)
    }
    let object = BrazeResponseBody(exchange.responseBody ?? []).object ?? [:]
    if exchange.request.path == "/users/export/ids" {
      let users = object["users"] as? [[String: Any]] ?? []
      guard !users.isEmpty else {
        return LookupAnswer(observed: "no profile", choice: nil, note: nil)
      }
      let values = Set(users.map { $0["push_subscribe"] as? String ?? "(none)" }).sorted()
      let observed = values.joined(separator: ", ")
      let choice: SignalState? =
        values == ["opted_in"] ? .granted : values == ["unsubscribed"] ? .denied : nil
      return LookupAnswer(observed: observed, choice: choice, note: nil)
    }
    let status = object["status"] as? [String: Any] ?? [:]
    let raw =
      (status[identifier] as? String) ?? (status.count == 1 ? status.values.first as? String : nil)
    guard let raw else {
      return LookupAnswer(observed: nil, choice: nil, note: "Braze's answer holds no state.")
    }
    // A recorded live answer was lower case ("unknown"); the docs say "Unknown".
    let word = raw.prefix(1).uppercased() + raw.dropFirst().lowercased()
    let choice: SignalState? =
      word == "Subscribed" ? .granted : word == "Unsubscribed" ? .denied : nil
    return LookupAnswer(observed: word, choice: choice, note: nil)
  }
}

extension SignalPlanner {
  /// The lookup of the person with these identity values, over every topic × channel.
  public static func planLookup(identities: [String: String], in workspace: Workspace)
    throws(SignalPlanError) -> LookupPlan
  {
    for space in identities.keys.sorted() where workspace.identitySpace(space) == nil {
      throw SignalPlanError(
        .unknownIdentitySpace,
        "There is no identity space '\(space)'; known: "
          + workspace.identitySpaces.map(\.code).joined(separator: ", ") + ".")
    }
    var rows: [LookupRow] = []
    var reads: [LookupRead] = []
    var readIndex: [String: Int] = [:]
    let connectionAt: (String) -> Int? = { code in
      workspace.connections.firstIndex { $0.code == code }
    }
    for (topicIndex, topic) in workspace.topics.enumerated() {
      for channel in topic.channels {
        var row = LookupRow(
          topic: topic.code, channel: channel.channel, connection: channel.connection,
          subscriptionGroupId: channel.kind == .push ? "" : channel.subscriptionGroupId)
        guard channel.kind != nil else {
          row.problem = "'\(channel.channel)' is not a channel."
          rows.append(row)
          continue
        }
        let signal = Signal(
          topic: topic.code, channel: channel.channel, identities: identities, state: nil)
        do throws(SignalPlanError) {
          let target = try target(
            channel, of: topic, at: topicIndex, signal: signal, in: workspace,
            connectionAt: connectionAt)
          row.identitySpace = target.space
          row.brazeField = target.field
          row.identityValue = target.value
          let request =
            target.kind == .push
            ? BrazeRequestBuilder.pushExport(
              base: target.base, state: .granted, field: target.field, value: target.value)
            : BrazeRequestBuilder.statusGet(
              .check, base: target.base, groupID: channel.subscriptionGroupId,
              field: target.field, value: target.value, expected: nil)
          var read = request
          read.purpose = .check
          read.expectation = nil
          let key = target.connection.code + " " + read.url + " " + (read.bodyText ?? "")
          if let index = readIndex[key] {
            row.read = index
          } else {
            readIndex[key] = reads.count
            row.read = reads.count
            reads.append(
              LookupRead(
                connection: target.connection.code, keySource: target.connection.apiKey,
                request: read, identifier: target.value))
          }
        } catch {
          row.problem = error.message
        }
        rows.append(row)
      }
    }
    return LookupPlan(identities: identities, rows: rows, reads: reads)
  }
}

/// Performs a lookup's reads one after another, paced by Braze's rate-limit headers (when
/// a window is spent, the next read waits for its reset, at most `maxWait`), and reports
/// each answer as it arrives.
public struct PersonLookupRunner: Sendable {
  public var client: BrazeClient
  public var maxWait: Duration

  public init(client: BrazeClient, maxWait: Duration = .seconds(60)) {
    self.client = client
    self.maxWait = maxWait
  }

  /// `keys` by connection code; a read whose connection has no key fails without a call.
  public func run(
    _ plan: LookupPlan, keys: [String: Result<String, SignalPlanError>],
    onRead: @Sendable (Int, BrazeExchange) -> Void = { _, _ in }
  ) async -> [BrazeExchange] {
    var exchanges: [BrazeExchange] = []
    for (index, read) in plan.reads.enumerated() {
      let exchange: BrazeExchange
      switch keys[read.connection] ?? .failure(SignalPlanError(.keyUnavailable, "No key.")) {
      case .failure(let error):
        exchange = BrazeExchange(
          request: read.request, attempts: [],
          outcome: BrazeOutcome(kind: .cancelled, message: error.message), latencyMs: 0)
      case .success(let key):
        if Task.isCancelled {
          exchange = BrazeExchange(
            request: read.request, attempts: [],
            outcome: BrazeOutcome(kind: .cancelled, message: "The lookup was cancelled."),
            latencyMs: 0)
        } else {
          exchange = await client.perform(read.request, key: key)
        }
      }
      exchanges.append(exchange)
      onRead(index, exchange)
      if index + 1 < plan.reads.count, let wait = pause(after: exchange) {
        try? await client.configuration.sleep(wait)
      }
    }
    return exchanges
  }

  /// How long to wait before the next read when the last answer said the window is spent.
  func pause(after exchange: BrazeExchange) -> Duration? {
    guard let limits = exchange.attempts.last?.rateLimit, limits.remaining == "0",
      let reset = limits.resetEpochSeconds
    else { return nil }
    let seconds = reset - client.configuration.now().timeIntervalSince1970
    guard seconds > 0 else { return nil }
    return min(.milliseconds(Int64(seconds * 1000)), maxWait)
  }
}
