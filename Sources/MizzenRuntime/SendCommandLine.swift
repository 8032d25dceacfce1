/// `mizzen send`'s command line in the plain shape people and scripts type, read without the
/// argument parser: `send` followed by long options, each given once as `--name value` (or
/// `--identity` with one or more values), in any order.
///
/// The argument parser builds and reflects over the whole command tree and checks every
/// invocation for a completion request before it reads a word: a quarter of a send's CPU.
/// This reader accepts only lines whose meaning is certain and leaves everything else to
/// the argument parser, which then reads the line (and words its errors) as before:
/// `--name=value`, short names, `--help`, `--`, completion requests, an option given twice,
/// a missing or empty value, a value that starts with `-`, or any word it does not know.
public struct SendCommandLine: Equatable, Sendable {
  public var workspace: String?
  public var topic: String
  public var channel: String?
  public var allChannels = false
  public var identities: [String] = []
  public var state: String
  public var dryRun = false
  public var verify = false
  /// `text`, `json` or `curl`; nil when not given.
  public var format: String?

  public init(
    workspace: String? = nil, topic: String, channel: String? = nil, allChannels: Bool = false,
    identities: [String] = [], state: String, dryRun: Bool = false, verify: Bool = false,
    format: String? = nil
  ) {
    self.workspace = workspace
    self.topic = topic
    self.channel = channel
    self.allChannels = allChannels
    self.identities = identities
    self.state = state
    self.dryRun = dryRun
    self.verify = verify
    self.format = format
  }

  /// The options this reader takes: every option of `mizzen send` but `--version` and
  /// `--help`, which the argument parser answers (`SendCommandLineTests` holds the two lists
  /// together, so that an option added to the command is not misread here).
  public static let optionNames = [
    "--workspace", "--topic", "--channel", "--all-channels", "--identity", "--state",
    "--dry-run", "--verify", "--format",
  ]

  /// The formats `--format` takes.
  public static let formats = ["text", "json", "curl"]

  /// The send `arguments` (the words after the program's name) ask for, or nil when they
  /// are not a send in the plain shape.
  public static func parse(_ arguments: [String]) -> SendCommandLine? {
    guard arguments.first == "send" else { return nil }
    // Plain optionals, not a dictionary by name: a `[String: String]` is made from its
    // mangled name at its first use, which cost more than reading the line.
    var workspace: String?
    var topic: String?
    var channel: String?
    var state: String?
    var format: String?
    var allChannels = false
    var dryRun = false
    var verify = false
    var identities: [String] = []
    var index = 1
    /// Takes the value after the option into `slot`, given once.
    func value(into slot: inout String?) -> Bool {
      guard slot == nil, index < arguments.count, isValue(arguments[index]) else { return false }
      slot = arguments[index]
      index += 1
      return true
    }
    /// Sets a flag given once.
    func flag(_ slot: inout Bool) -> Bool {
      guard !slot else { return false }
      slot = true
      return true
    }
    while index < arguments.count {
      let name = arguments[index]
      index += 1
      let read: Bool
      switch name {
      case "--workspace": read = value(into: &workspace)
      case "--topic": read = value(into: &topic)
      case "--channel": read = value(into: &channel)
      case "--state": read = value(into: &state)
      case "--format": read = value(into: &format)
      case "--identity":
        let first = index
        while index < arguments.count, isValue(arguments[index]) {
          identities.append(arguments[index])
          index += 1
        }
        read = index > first
      case "--all-channels": read = flag(&allChannels)
      case "--dry-run": read = flag(&dryRun)
      case "--verify": read = flag(&verify)
      default: read = false
      }
      guard read else { return nil }
    }
    guard let topic, let state else { return nil }
    if let format, !formats.contains(format) { return nil }
    return SendCommandLine(
      workspace: workspace, topic: topic, channel: channel, allChannels: allChannels,
      identities: identities, state: state, dryRun: dryRun, verify: verify, format: format)
  }

  /// A word the argument parser would take as a value, never as an option: not empty, and
  /// not starting with `-`.
  private static func isValue(_ word: String) -> Bool {
    guard let first = word.utf8.first else { return false }
    return first != UInt8(ascii: "-")
  }
}
