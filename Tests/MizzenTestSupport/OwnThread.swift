import Foundation

/// Runs `body` on a thread of its own and waits for it without holding a shared thread.
///
/// Swift Testing runs tests as tasks on the cooperative pool, which has one thread per
/// core. A test that computes for a minute, or blocks in `usleep` or `waitpid`, holds one of
/// them: on a 2-core machine two such tests stall every other test, and the ones that time
/// a cancellation or a retry against a deadline fail. Long synchronous work runs here, and
/// the kernel shares the cores between it and the pool instead.
///
/// The body records no issues itself (`#expect` needs the test's task): it returns what
/// it found, and the test checks that.
public func onOwnThread<Value: Sendable>(
  _ body: @escaping @Sendable () throws -> Value
) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try body() }) }.start()
  }
}

/// `onOwnThread` for a body that cannot throw.
public func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
  await withCheckedContinuation { continuation in
    Thread { continuation.resume(returning: body()) }.start()
  }
}
