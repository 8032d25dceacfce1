import Foundation
import MizzenConsole
import MizzenCore

/// Runs test-send effects as tasks off the key loop: sends (journaled by `SignalSender`),
/// verify calls, cancellation, and the identity values remembered beside the workspace.
final class SignalEffectRunner: Sendable {
  private let sender: SignalSender
  private let client: BrazeClient
  /// `<workspace>.mizzen-state.json`: remembered values, kept out of the workspace file.
  private let statePath: String
  private let tasks = TaskTable()

  init(workspacePath: String, client: BrazeClient = BrazeClient()) {
    self.client = client
    self.sender = SignalSender(
      client: client, journal: SignalJournal(workspacePath: workspacePath),
      verifyDelay: .zero)
    self.statePath = workspacePath + ".mizzen-state.json"
  }

  /// True when `effect` answers with exactly one result.
  static func reports(_ effect: SignalEffect) -> Bool {
    switch effect {
    case .send, .verify, .recallIdentities, .check, .loadJournal: return true
    case .cancel, .rememberIdentities: return false
    }
  }

  func start(_ effect: SignalEffect, report: @escaping @Sendable (SignalEffectResult) -> Void) {
    switch effect {
    case .send(let plan, let id):
      let sender = sender
      let key: String
      do throws(SignalPlanError) {
        key = try APIKeyResolver.resolve(
          plan.keySource, connection: plan.connection,
          environment: ProcessInfo.processInfo.environment)
      } catch {
        report(.refused(id: id, error.message))
        return
      }
      tasks.run(id) {
        let result = await sender.send(plan, key: key)
        report(.sent(id: id, result.entry, journalError: result.journalError?.message))
      }
    case .verify(let request, let keySource, let connection, let id):
      let client = client
      let key: String
      do throws(SignalPlanError) {
        key = try APIKeyResolver.resolve(
          keySource, connection: connection, environment: ProcessInfo.processInfo.environment)
      } catch {
        report(.verified(id: id, nil, BrazeOutcome(kind: .cancelled, message: error.message)))
        return
      }
      tasks.run(id) {
        let exchange = await client.perform(request, key: key)
        report(.verified(id: id, VerificationResult.evaluate(exchange), exchange.outcome))
      }
    case .check(let plan):
      let client = client
      do throws(SignalPlanError) {
        let key = try APIKeyResolver.resolve(
          plan.keySource, connection: plan.connection,
          environment: ProcessInfo.processInfo.environment)
        Task.detached { report(.checked(plan, await client.perform(plan.request, key: key))) }
      } catch {
        let outcome = BrazeOutcome(kind: .cancelled, message: error.message)
        report(
          .checked(
            plan, BrazeExchange(request: plan.request, attempts: [], outcome: outcome, latencyMs: 0)
          ))
      }
    case .loadJournal:
      let journal = sender.journal
      Task.detached {
        do throws(JournalError) {
          report(.journalLoaded(.success(try journal?.read().entries ?? [])))
        } catch {
          report(.journalLoaded(.failure(error)))
        }
      }
    case .cancel(let id):
      tasks.cancel(id)
    case .recallIdentities:
      let path = statePath
      Task.detached { report(.identitiesRecalled(Self.readIdentities(path))) }
    case .rememberIdentities(let values):
      let path = statePath
      Task.detached { Self.writeIdentities(values, path) }
    }
  }

  /// Cancels every call still out, e.g. when the console quits.
  func cancelAll() { tasks.cancelAll() }

  private static func readIdentities(_ path: String) -> [String: String] {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object["identities"] as? [String: String] ?? [:]
  }

  /// Best effort: losing the remembered values only means typing them again.
  private static func writeIdentities(_ values: [String: String], _ path: String) {
    var merged = readIdentities(path)
    merged.merge(values) { _, new in new }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: ["identities": merged], options: [.sortedKeys])
    else { return }
    _ = FileManager.default.createFile(
      atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
  }

  /// The tasks still running, by effect id, so that esc can cancel one.
  private final class TaskTable: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [Int: Task<Void, Never>] = [:]

    func run(_ id: Int, _ work: @escaping @Sendable () async -> Void) {
      lock.withLock {
        running[id] = Task.detached { [weak self] in
          await work()
          self?.finished(id)
        }
      }
    }

    private func finished(_ id: Int) { _ = lock.withLock { running.removeValue(forKey: id) } }

    func cancel(_ id: Int) { lock.withLock { running[id]?.cancel() } }

    func cancelAll() { lock.withLock { running.values.forEach { $0.cancel() } } }
  }
}
