import Dispatch
import Foundation
import MizzenConsole
import MizzenCore

/// Runs the console's effects away from the key loop and hands their results back as
/// events, so that a slow disk (or, later, a slow network) never freezes the keys.
///
/// File effects run one at a time, in order, on one queue: a save never overtakes the save
/// before it. Results wait in an inbox that the loop empties on every turn.
///
/// Shared by the console (`mizzen` without a command) and the tests, with the environment
/// and client factory given by `RuntimeEnvironment`.
public final class EffectRunner: Sendable {
  private let store: WorkspaceStore
  private let files = DispatchQueue(label: "mizzen.effects.files", qos: .userInitiated)
  /// Validations, one at a time, beside the file work rather than behind it.
  private let validation = DispatchQueue(label: "mizzen.effects.validation", qos: .userInitiated)
  private let inbox = Inbox()
  private let signals: SignalEffectRunner

  public init(store: WorkspaceStore, environment: RuntimeEnvironment = .process) {
    self.store = store
    self.signals = SignalEffectRunner(workspacePath: store.path, environment: environment)
  }

  /// Starts `effect`. `.quit` is the loop's business and is not run here.
  public func start(_ effect: Effect) {
    let store = store
    let inbox = inbox
    switch effect {
    case .save(let workspace, let expecting):
      inbox.begin()
      files.async {
        do throws(StoreError) {
          let revision = try store.save(workspace, expecting: expecting)
          inbox.finish(.effectCompleted(.saved(revision)))
        } catch {
          inbox.finish(.effectCompleted(.saveFailed(error)))
        }
      }
    case .reload:
      inbox.begin()
      files.async {
        do throws(StoreError) {
          inbox.finish(.effectCompleted(.reloaded(try store.load())))
        } catch {
          inbox.finish(.effectCompleted(.reloadFailed(error)))
        }
      }
    case .validate(let request):
      inbox.begin()
      validation.async { inbox.finish(.effectCompleted(.validated(request.run()))) }
    case .quit:
      break
    case .signal(let work):
      if SignalEffectRunner.reports(work) { inbox.begin() }
      signals.start(
        work, progress: { inbox.post(.effectCompleted(.signal($0))) },
        report: { inbox.finish(.effectCompleted(.signal($0))) })
    }
  }

  /// The results that came back since the last call, in the order they finished.
  public func takeResults() -> [ConsoleEvent] { inbox.take() }

  /// True while an effect is running: the loop then polls more often.
  public var isBusy: Bool { inbox.running > 0 }

  /// How many started effects have not given their final result yet.
  public var runningEffects: Int { inbox.running }

  /// Waits for every started effect to finish, so that quitting never drops a save, nor
  /// the journal line of a send or verify (cancelled first: nobody is left to see it).
  /// False when a call did not finish journaling in time.
  @discardableResult
  public func waitUntilIdle() -> Bool {
    let journaled = signals.cancelAllAndWait()
    files.sync {}
    // Idle means idle: a validation under way is waited for too (tests and the loop read
    // its result after this), although nothing of it is saved.
    validation.sync {}
    return journaled
  }

  /// Results waiting for the loop, and how many effects are still out.
  private final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ConsoleEvent] = []
    private var started = 0

    var running: Int { lock.withLock { started } }

    func begin() { lock.withLock { started += 1 } }

    func finish(_ event: ConsoleEvent) {
      lock.withLock {
        events.append(event)
        started -= 1
      }
    }

    /// A result of an effect that goes on running (it finishes later).
    func post(_ event: ConsoleEvent) { lock.withLock { events.append(event) } }

    func take() -> [ConsoleEvent] {
      lock.withLock {
        defer { events.removeAll() }
        return events
      }
    }
  }
}
