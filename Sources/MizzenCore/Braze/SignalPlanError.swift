/// Why a signal (or a connection check) cannot be planned or sent, with a sentence for
/// the admin that says what is wrong and what to do.
public struct SignalPlanError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The kinds of failure, for code that reacts to them (the console focuses a field).
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case unknownTopic
    case unknownChannel
    case unknownConnection
    case missingState
    case unknownIdentitySpace
    case mappingCannotServeChannel
    case missingIdentity
    case malformedIdentity
    case missingGroupID
    case badEndpoint
    case insecureEndpoint
    case emptyKeySource
    case keyUnavailable
    case noGroupForCheck
  }

  public var kind: Kind
  public var message: String
  /// The workspace record at fault, when there is one.
  public var path: ProblemPath?
  /// For `missingIdentity`: the identity spaces any one of which would do, so that a
  /// screen can name its own fields instead of the command line's `--identity`.
  public var identitySpaces: [String] = []

  public init(_ kind: Kind, _ message: String, path: ProblemPath? = nil) {
    self.kind = kind
    self.message = message
    self.path = path
  }

  public var description: String { message }
}
