import Foundation
import Testing

/// How long a test waits for something that must happen before it calls the wait a hang.
///
/// Not a speed check (speed is measured by the benchmarks): Swift Testing starts every test
/// at once, so on a 2-core machine under load one test's wait includes minutes of the other
/// tests' work. Seen: tests whose request reached the sandbox 270 s after they started, at
/// a load average of 15, failing 30 s and 60 s guards while doing nothing wrong. A guard
/// only has to end a run that would otherwise never end.
public let hangGuard: Duration = .seconds(600)

/// `hangGuard` in seconds, for waits measured with `Date`.
public let hangGuardSeconds: TimeInterval = 600

extension Trait where Self == TimeLimitTrait {
  /// A test's time limit as a hang guard (`hangGuard`; Swift Testing counts in minutes).
  public static var hangGuard: Self { .timeLimit(.minutes(10)) }
}
