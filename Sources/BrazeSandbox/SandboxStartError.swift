#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the sandbox could not start listening, written for the person who asked it to.
public struct SandboxStartError: Error, CustomStringConvertible, Sendable {
  public let message: String

  public var description: String { message }

  init(message: String) {
    self.message = message
  }

  init(host: String, port: UInt16, errno code: Int32) {
    let reason = String(cString: strerror(code))
    if code == EADDRINUSE {
      message =
        "Cannot listen on \(host):\(port): \(reason). Another program uses that port; "
        + "pick another --port, or 0 for a free one."
    } else {
      message = "Cannot listen on \(host):\(port): \(reason)."
    }
  }
}
