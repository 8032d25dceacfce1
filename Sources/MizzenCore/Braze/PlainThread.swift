#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on a thread of its own, a bare POSIX thread: Foundation's `Thread` also makes
/// an object, a thread dictionary and a name for it, about 0.5 ms of a one-call `send`.
enum PlainThread {
  private final class Work {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  /// Starts `body` on a new detached thread; when no thread can be made, runs it here.
  static func start(_ body: @escaping @Sendable () -> Void) {
    let work = Unmanaged.passRetained(Work(body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    let made = pthread_create(
      &thread, &attributes,
      { pointer in
        #if canImport(Darwin)
          let work = Unmanaged<Work>.fromOpaque(pointer).takeRetainedValue()
        #else
          let work = Unmanaged<Work>.fromOpaque(pointer!).takeRetainedValue()
        #endif
        work.body()
        return nil
      }, work)
    if made != 0 {
      Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
    }
  }
}
