import Foundation

extension ReconcileRunner {
  /// Sends the write batches not yet acknowledged, one at a time, paced to the set limit;
  /// each is acknowledged in the checkpoint (synced) before the next is sent.
  func apply(
    _ planned: ReconcileOutcome, keys: [String: String], checkpoint: ReconcileCheckpoint,
    saved: ReconcileCheckpoint.State?
  ) async -> ReconcileOutcome {
    var outcome = planned
    let acknowledged = saved?.acknowledged ?? [:]
    for (number, ack) in acknowledged where number < outcome.writes.count {
      let failed = Set(ack.errors.map(\.record))
      for error in ack.errors { outcome.failed[error.record] = error.message }
      for record in outcome.writes[number].allRecords where !failed.contains(record) {
        outcome.corrected.insert(record)
      }
    }
    outcome.resumedBatches = acknowledged.count
    let pacer = RatePacer(perMinute: options.maxWritesPerMinute)
    let clock = ContinuousClock()
    let started = clock.now
    var done = outcome.corrected.count + outcome.failed.count
    for (number, write) in outcome.writes.enumerated() where acknowledged[number] == nil {
      if stopRequested() {
        outcome.stopped = true
        break
      }
      await pacer.wait()
      let target = outcome.table.targets[Int(write.target)]
      let request = ReconcileBatches.request(write, in: outcome.table)
      let exchange = await client.perform(request, key: keys[target.connection] ?? "")
      outcome.writeRequests += 1
      let limited = exchange.attempts.filter { $0.status == 429 }.count
      outcome.rateLimited += limited
      pacer.observe(exchange.attempts.last?.rateLimit)
      var errors: [(record: UInt32, message: String)] = []
      switch exchange.outcome.kind {
      case .success:
        errors = attribute(
          Self.itemErrors(exchange), write, outcome.table, &outcome.batchNotes)
      case .invalidRequest:
        errors = write.allRecords.map { ($0, exchange.outcome.message) }
      default:
        outcome.fatal = exchange.outcome.message
      }
      writeJournal(
        [
          ("attempts", "\(exchange.attempts.count)"),
          ("batch", "\(number)"),
          ("endpoint", JSONText.quoted(request.url)),
          ("errors", "\(errors.count)"),
          ("groups", Self.groupsJSON(write)),
          ("identifiers", "\(write.recordCount)"),
          ("input", JSONText.quoted(inputPath)),
          ("kind", "\"reconcile.batch\""),
          ("latencyMs", "\(exchange.latencyMs)"),
          ("objects", "\(write.objects.count)"),
          ("outcome", JSONText.quoted(exchange.outcome.kind.rawValue)),
          ("rateLimited", "\(limited)"),
          ("status", exchange.attempts.last?.status.map(String.init) ?? "null"),
          ("time", JSONText.quoted(ReconcileJournal.now())),
        ], into: &outcome)
      if outcome.fatal != nil { break }
      do throws(ReconcileError) {
        try checkpoint.acknowledge(
          number, applied: write.recordCount - errors.count, errors: errors)
      } catch {
        outcome.fatal = error.message
        break
      }
      let failed = Set(errors.map(\.record))
      for error in errors { outcome.failed[error.record] = error.message }
      for record in write.allRecords where !failed.contains(record) {
        outcome.corrected.insert(record)
      }
      done += write.recordCount
      progress(
        ReconcileProgress(
          phase: .apply, done: done, total: outcome.drift.count, drift: outcome.drift.count,
          errors: outcome.failed.count, requests: outcome.writeRequests,
          rateLimited: outcome.rateLimited, elapsed: clock.now - started))
    }
    let finished = outcome.fatal == nil && !outcome.stopped
    if finished { checkpoint.finish() }
    writeJournal(
      [
        ("batches", "\(outcome.writes.count)"),
        ("corrected", "\(outcome.corrected.count)"),
        ("failed", "\(outcome.failed.count)"),
        ("fatal", outcome.fatal.map(JSONText.quoted) ?? "null"),
        ("input", JSONText.quoted(inputPath)),
        ("kind", "\"reconcile.apply\""),
        ("rateLimited", "\(outcome.rateLimited)"),
        ("resumedBatches", "\(outcome.resumedBatches)"),
        ("sent", "\(outcome.writeRequests)"),
        ("stopped", "\(outcome.stopped)"),
        ("time", JSONText.quoted(ReconcileJournal.now())),
      ], into: &outcome)
    return outcome
  }

  /// Braze's per-item `errors[]` of a successful call, tied to the rows whose identifier
  /// they quote; an error that quotes none is kept for the batch as a whole. An identifier
  /// counts as quoted only when it stands on its own (`c-1` is not in `'c-10'`).
  private func attribute(
    _ errors: [String], _ write: ReconcileBatches.Write, _ table: ReconcileTable,
    _ notes: inout [String]
  ) -> [(record: UInt32, message: String)] {
    var found: [(record: UInt32, message: String)] = []
    for error in errors {
      let named = write.allRecords.filter { Self.quotes(error, table.identifier($0)) }
      if named.isEmpty {
        notes.append(error)
      } else {
        found += named.map { ($0, error) }
      }
    }
    return found
  }

  /// The distinct subscription groups of a batch, as a JSON array, in the batch's order.
  static func groupsJSON(_ write: ReconcileBatches.Write) -> String {
    var seen: Set<String> = []
    let groups = write.objects.map(\.groupID).filter { seen.insert($0).inserted }
    return "[" + groups.map(JSONText.quoted).joined(separator: ",") + "]"
  }

  /// Every item of the answer's `errors[]`: the outcome keeps only the first 20 (for a
  /// message), but a batch of 50 identifiers can have more, and each row must get its own.
  static func itemErrors(_ exchange: BrazeExchange) -> [String] {
    guard let body = exchange.responseBody, !body.isEmpty,
      let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    else { return exchange.outcome.brazeErrors }
    if let list = object["errors"] as? [Any] { return list.map(BrazeResponseBody.describe) }
    if let single = object["errors"] { return [BrazeResponseBody.describe(single)] }
    return []
  }

  /// True when `text` holds `identifier` not as part of a longer one: the characters on
  /// either side are not letters, digits or `-_@+`, and a `.` after it ends a sentence.
  static func quotes(_ text: String, _ identifier: String) -> Bool {
    guard !identifier.isEmpty else { return false }
    let text = Array(text.unicodeScalars)
    let wanted = Array(identifier.unicodeScalars)
    func joins(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        || "-_@+".unicodeScalars
          .contains(scalar)
    }
    var start = 0
    while start + wanted.count <= text.count {
      if text[start] == wanted[0], Array(text[start..<(start + wanted.count)]) == wanted {
        let end = start + wanted.count
        let before = start == 0 || !joins(text[start - 1])
        var after = end == text.count || !joins(text[end])
        if after, end < text.count, text[end] == "." {
          after = end + 1 == text.count || text[end + 1].properties.isWhitespace
        }
        if before && after { return true }
      }
      start += 1
    }
    return false
  }
}
