import CCurlShim
import Dispatch

/// The system's libcurl, loaded by its soname the first time a request is sent
/// (Sources/CCurlShim): Mizzen has no link-time dependency on it, so commands that never
/// send do not load it, and a machine without it runs every other command. The soname is
/// fixed, and the shim opens it by absolute path from the system's library folder, never
/// from the program's folder, `LD_LIBRARY_PATH` or the current folder (SECURITY.md).
struct CurlLibrary: @unchecked Sendable {
  /// The resolved functions; never freed.
  let pointer: OpaquePointer

  struct Problem: Error, Equatable {
    var text: String
  }

  #if canImport(Darwin)
    static let soname = "libcurl.4.dylib"
  #else
    static let soname = "libcurl.so.4"
  #endif

  /// Loaded once, by the first request.
  static let shared: Swift.Result<CurlLibrary, Problem> = load(soname)

  /// Entered while `BrazeClient.prepareToSend` loads the library on its own thread. A
  /// request waits here, asleep, before it reads `shared`: waiting in `shared`'s one-time
  /// initialiser instead takes a lock that on Linux is a priority-inheritance futex, on
  /// which the kernel spins for as long as the loading thread runs (about 3% of a send's
  /// CPU, burnt on the other core).
  static let loading = DispatchGroup()

  static func load(_ soname: String) -> Swift.Result<CurlLibrary, Problem> {
    var error = [CChar](repeating: 0, count: 512)
    guard let pointer = mizzen_curl_open(soname, &error, error.count) else {
      let reason = String(nulTerminated: error)
      return .failure(
        Problem(
          text: "libcurl, which Mizzen sends requests with, could not be loaded (\(reason)); "
            + "install it (on Debian and Ubuntu: apt-get install libcurl4)"))
    }
    return .success(CurlLibrary(pointer: pointer))
  }
}
