import MizzenCore

/// What the console says about a send's end and a read-back after it, so that neither
/// claims more than is known: a cancelled or unanswered call may still be applied by
/// Braze, and a refused one set nothing.
enum SendWording {
  /// True when the call may have reached Braze and been applied although no success came
  /// back (cancelled, timed out, cut off, a server error).
  static func mayHaveApplied(_ outcome: BrazeOutcome) -> Bool {
    switch outcome.kind {
    case .cancelled, .timeout, .networkError, .serverError, .unexpectedResponse: return true
    case .success, .invalidRequest, .unauthorized, .forbidden, .notFound, .rateLimited:
      return false
    }
  }

  /// Esc while a send is out.
  static let cancelling =
    "Cancelling the send… if the call already reached Braze, Braze may still apply it."

  /// The status after a send came back on its screen.
  static func sent(_ entry: JournalEntry) -> (String, StatusMessage.Level) {
    let outcome = entry.outcome
    if outcome.isSuccess { return ("Sent. v verifies it.", .success) }
    if outcome.kind == .cancelled {
      return (
        "Cancelled, but the call may already have reached Braze and may still be applied: "
          + "v reads the state back.", .warning
      )
    }
    if mayHaveApplied(outcome) {
      return (
        "No success came back (\(outcome.kind.words)), but Braze may have applied the call: "
          + "v reads the state back. " + outcome.message, .error
      )
    }
    return ("Not applied: " + outcome.message, .error)
  }

  /// The status after a send came back once its screen was closed.
  static func sentElsewhere(_ entry: JournalEntry) -> String {
    let subject = "The test-send of \(entry.topic)/\(entry.channel)"
    if entry.outcome.isSuccess { return subject + " succeeded; History has it." }
    let ending = subject + " ended: " + entry.outcome.kind.words
    if mayHaveApplied(entry.outcome) {
      return ending + ", and Braze may still apply it; History has it."
    }
    return ending + "; History has it."
  }

  /// The read-back in words that fit how the send before it ended: `verification`'s own
  /// sentence ("… as sent", "… but Subscribed was sent") only after a send that succeeded.
  static func verified(_ verification: VerificationResult, after entry: JournalEntry?) -> String {
    guard let entry, !entry.outcome.isSuccess, let observed = verification.observed else {
      return verification.message
    }
    let outcome = entry.outcome
    let expected = verification.expected
    if mayHaveApplied(outcome) {
      if verification.matches {
        return "Braze reports \(observed), as asked: the \(outcome.kind.words) send was "
          + "applied after all (or the state was already so)."
      }
      return "Braze reports \(observed), not \(expected): the \(outcome.kind.words) send has "
        + "not been applied, at least not yet; verify again before sending again."
    }
    let status = outcome.status.map { "HTTP \($0)" } ?? outcome.kind.words
    if verification.matches {
      return "Braze reports \(observed). The send was refused (\(status)), so it set nothing: "
        + "this was already the state."
    }
    return "Braze reports \(observed). The send was refused (\(status)), so \(expected) was "
      + "never set."
  }
}
