import MizzenCore

/// The test-send screen: which channel of a topic, the identity values, the choice, and
/// where the send is (being edited, out on the network, answered).
public struct TestSendState: Equatable, Sendable {
  /// Where the send is.
  public enum Phase: Equatable, Sendable {
    /// The admin fills in the fields; the preview shows the planned requests.
    case editing
    /// The send effect with this id is out; esc cancels it.
    case sending(id: Int)
    /// A verify effect with this id is out.
    case verifying(id: Int)
    /// The send came back; the result pane shows it.
    case done
  }

  public internal(set) var topic: String
  /// The channel codes the topic offers, in its order.
  public internal(set) var channels: [String]
  /// An index into `channels`, or `channels.count` for every channel of the topic at once
  /// (offered when the topic has more than one).
  public internal(set) var channelIndex: Int
  /// The identity spaces whose values can be entered, in the workspace's order.
  public internal(set) var spaces: [String]
  /// One value per space, as typed.
  public internal(set) var values: [TextInput]
  /// The values filled in from memory and not touched since.
  var recalled = RecalledValues()
  public internal(set) var choice: SignalState
  /// 0 is the channel, 1… the identity values, then the choice.
  public internal(set) var focus: Int
  public internal(set) var phase: Phase = .editing
  /// The journal entry of the last send, once it came back (the first call's, for a
  /// send to every channel).
  public internal(set) var entry: JournalEntry?
  /// Every call's journal entry of the last send to every channel, in order.
  public internal(set) var entries: [JournalEntry] = []
  /// Why the last send could not be journaled, or could not start.
  public internal(set) var failure: String?
  /// The last read-back of the state, with the outcome of the verify call.
  public internal(set) var verification: VerificationResult?
  public internal(set) var verifyOutcome: BrazeOutcome?

  init(topic: Topic, channel: String?, spaces: [String]) {
    self.topic = topic.code
    let codes = topic.channels.map(\.channel)
    self.channels = codes
    self.channelIndex = channel.flatMap { codes.firstIndex(of: $0) } ?? 0
    self.spaces = spaces
    self.values = spaces.map { _ in TextInput() }
    self.choice = .granted
    self.focus = spaces.isEmpty ? 0 : 1
  }

  /// Applies an edit to identity value `index`: a remembered value is replaced by what is
  /// typed, and erased whole by backspace or delete.
  mutating func edit(_ index: Int, _ edit: TextInput.Edit) -> Bool {
    recalled.apply(edit, to: &values, at: index)
  }

  /// The width of the field labels: the longest of them.
  var labelWidth: Int {
    (["Channel", "Choice"] + spaces).map { DisplayWidth.of($0) }.max() ?? 0
  }

  /// The focus index of the choice field.
  var choiceFocus: Int { spaces.count + 1 }

  /// How many choices the channel field cycles through: each channel, then "every
  /// channel" when there is more than one.
  var channelChoices: Int { channels.count > 1 ? channels.count + 1 : channels.count }

  /// True when the send goes to every channel of the topic (SPEC §8's topic-level send).
  public var isEveryChannel: Bool { channels.count > 1 && channelIndex == channels.count }

  /// The chosen channel code; empty for every channel.
  public var channel: String {
    channels.indices.contains(channelIndex) ? channels[channelIndex] : ""
  }

  /// The channel field as shown.
  var channelLabel: String {
    isEveryChannel ? "every channel (\(channels.joined(separator: ", ")))" : channel
  }

  /// The calls the send makes: one plan, or one per call of a send to every channel.
  func plans(in state: ConsoleState) -> Result<[SignalPlan], SignalPlanError> {
    guard isEveryChannel else { return plan(in: state).map { [$0] } }
    do throws(SignalPlanError) {
      if let planner = state.signalPlanner { return .success(try planner.planTopic(signal).calls) }
      return .success(try SignalPlanner.planTopic(signal, in: state.workspace).calls)
    } catch {
      return .failure(error)
    }
  }

  /// The identity values entered, without the empty ones.
  var identities: [String: String] {
    var found: [String: String] = [:]
    for (space, input) in zip(spaces, values) where !input.text.isEmpty {
      found[space] = input.text
    }
    return found
  }

  var signal: Signal {
    Signal(topic: topic, channel: channel, identities: identities, state: choice)
  }

  /// The plan for the fields as they are (with the verify call when `verify`), or why
  /// there is none. The preview re-plans on every frame, so it uses the state's indexed
  /// planner when there is one.
  func plan(in state: ConsoleState, verify: Bool = false) -> Result<SignalPlan, SignalPlanError> {
    plan(signal, in: state, verify: verify)
  }

  func plan(_ signal: Signal, in state: ConsoleState, verify: Bool = false)
    -> Result<SignalPlan, SignalPlanError>
  {
    do throws(SignalPlanError) {
      if let planner = state.signalPlanner {
        return .success(try planner.plan(signal, verify: verify))
      }
      return .success(try SignalPlanner.plan(signal, in: state.workspace, verify: verify))
    } catch {
      return .failure(error)
    }
  }

  /// `error` in the console's words: a missing value names the screen's field, where the
  /// planner's own message names the command line's `--identity` option.
  static func explain(_ error: SignalPlanError, in workspace: Workspace) -> String {
    guard error.kind == .missingIdentity, !error.identitySpaces.isEmpty else {
      return error.message
    }
    let fields = error.identitySpaces.map { code in
      workspace.identitySpace(code).map { "\($0.name) (\(code))" } ?? code
    }
    return "Enter a value for " + fields.joined(separator: " or ") + "."
  }
}
