/// Decides which fault, if any, hits the next request: scripted faults first, in order,
/// then the random failure rate.
final class FaultInjector: Sendable {
  private let failureRate: Double
  private let scripted = Locked<[SandboxFault]>([])

  init(failureRate: Double) {
    self.failureRate = min(1, max(0, failureRate))
  }

  func enqueue(_ faults: [SandboxFault]) {
    scripted.withLock { $0.append(contentsOf: faults) }
  }

  /// The fault for the request being served now; nil to serve it normally.
  func next() -> SandboxFault? {
    if let fault = scripted.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
      return fault
    }
    guard failureRate > 0, Double.random(in: 0..<1) < failureRate else { return nil }
    return [SandboxFault.status(500), .status(503), .dropConnection].randomElement()
  }
}
