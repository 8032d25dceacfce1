import ArgumentParser
import Foundation
import MizzenCore
import MizzenRuntime

/// `mizzen send`: plans one signal, shows it, sends it, and journals it (SPEC §4, §5).
struct SendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    abstract: "Plan, show and send one signal to Braze.",
    discussion: """
      Turns a preference choice into the Braze call the workspace maps it to, prints the \
      call (method, URL, headers with the key masked, body, the permission it needs), \
      sends it, and prints Braze's answer: status, latency, message and rate-limit \
      headers. Every send is appended to <workspace>.journal.jsonl; see `mizzen history`.

      The identifier is the first entry of the connection's identity mapping whose \
      identity space has a value among the --identity options and whose Braze field the \
      channel takes. granted becomes subscribed (push: opted_in) and denied becomes \
      unsubscribed.

      The API key is read from the connection's environment variable (or its inline \
      value) when sending; --dry-run and --format curl need no key.

      Formats: text (for people), json (for scripts: with --dry-run the plan, otherwise \
      the journal entry of the send), curl (prints the calls as curl commands that read \
      the key from the connection's own variable, e.g. $BRAZE_US_API_KEY, or from \
      $BRAZE_API_KEY for a key stored inline, and sends nothing).

      --all-channels (instead of --channel) sends to every channel of the topic: the \
      groups of one connection that the mapping reaches through the same identifier \
      share one call, and push is a /users/track call of its own. The calls are printed \
      and sent in turn, each journaled; with --format json the output is an array, one \
      element per call.

      v1 or v2: one email or SMS group for one identifier goes to v1 \
      /subscription/status/set; WhatsApp (documented on v2 only) and several groups in \
      one call go to /v2/subscription/status/set. The plan says which and why.

      Retries: 429 waits for X-RateLimit-Reset, or Retry-After without it (up to 30 s); \
      5xx, timeouts and dropped connections are retried with backoff, 4 attempts in all; \
      other 4xx are not retried. MIZZEN_TIMEOUT_SECONDS shortens the 30 s limit per \
      attempt. A redirect is never followed (the key would go with it): it is a failure \
      that names the other host. At most 1 MiB of an answer is kept; the journal keeps \
      its first 4 KiB, marked when cut.

      Exit status: 0 sent and accepted (and verified, with --verify) or plan printed; \
      1 Braze refused or failed the call, or the read-back did not match; 2 unreadable \
      workspace, or arguments that name no usable topic, channel, identity or key; 3 \
      Braze could not be reached or did not answer in time; 64 invalid options; 130 \
      interrupted with Ctrl-C.
      """
  )

  /// How the result is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, curl
  }

  @OptionGroup var options: WorkspaceOptions

  @Option(
    help: ArgumentHelp("The topic code.", valueName: "code"),
    completion: WorkspaceCompletion.topics)
  var topic: String

  @Option(
    help: ArgumentHelp("The channel: email, sms, whatsapp or push.", valueName: "channel"),
    completion: WorkspaceCompletion.channels)
  var channel: String?

  @Flag(help: "Send to every channel of the topic, in the fewest calls (instead of --channel).")
  var allChannels = false

  @Option(
    name: .customLong("identity"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "An identity value by identity-space code, e.g. email=ana@example.com. Repeatable.",
      valueName: "space=value"))
  var identities: [String] = []

  @Option(
    help: ArgumentHelp("The person's choice: granted or denied.", valueName: "state"),
    completion: WorkspaceCompletion.states)
  var state: String

  @Flag(help: "Print the plan and send nothing.")
  var dryRun = false

  @Flag(help: "After a successful send, read the state back and compare.")
  var verify = false

  @Option(help: ArgumentHelp("text, json or curl.", valueName: "format"))
  var format: Format = .text

  /// What the command line asked for, as plain values.
  var invocation: SendInvocation {
    SendInvocation(
      SendCommandLine(
        workspace: options.workspace, topic: topic, channel: channel, allChannels: allChannels,
        identities: identities, state: state, dryRun: dryRun, verify: verify,
        format: format.rawValue),
      format: format)
  }

  func validate() throws {
    try invocation.validate()
  }

  func run() async throws {
    try await invocation.run()
  }
}

/// One `mizzen send`, whichever way its command line was read: by the argument parser
/// (`SendCommand`), or by `SendCommandLine` for the plain shape scripts and people type
/// (`MizzenEntry`), which skips building and reflecting over the whole command tree.
struct SendInvocation {
  /// What the command line asks for; its `format` is read into `format`.
  var line: SendCommandLine
  var format: SendCommand.Format

  /// The send `arguments` ask for, when they are in the plain shape `SendCommandLine`
  /// reads and valid; nil otherwise, for the argument parser to read them and word any
  /// error as it always has.
  init?(plain arguments: [String]) {
    guard let line = SendCommandLine.parse(arguments),
      let format = SendCommand.Format(rawValue: line.format ?? "text")
    else { return nil }
    self.init(line, format: format)
    guard (try? validate()) != nil else { return nil }
  }

  init(_ line: SendCommandLine, format: SendCommand.Format) {
    self.line = line
    self.format = format
  }

  func validate() throws {
    guard (line.channel != nil) != line.allChannels else {
      throw ValidationError(
        line.channel == nil
          ? "Give --channel CHANNEL, or --all-channels to send to every channel of the topic."
          : "Give either --channel or --all-channels, not both.")
    }
    guard SignalState(text: line.state) != nil else {
      throw ValidationError("--state must be granted or denied, not '\(line.state)'.")
    }
    guard !line.identities.isEmpty else {
      throw ValidationError("Give at least one --identity SPACE=VALUE, e.g. email=ana@example.com.")
    }
    _ = try IdentityArguments.parse(line.identities)
  }

  /// Sends; the work of the send's tasks runs on `executor` when one is given.
  func run(preferring executor: (any TaskExecutor)? = nil) async throws {
    let preparation = line.dryRun || format == .curl ? nil : BrazeClient.prepareToSend()
    defer { preparation?.wait() }
    let environment = RuntimeEnvironment.processVariables()
    let path = WorkspaceOptions.resolve(
      line.workspace, variable: environment["MIZZEN_WORKSPACE"])
    let workspace = try SignalCommandSupport.loadWorkspace(path, command: "send")
    SignalCommandSupport.warnIfKeyIsExposed(workspace, path: path, command: "send")
    let signal = Signal(
      topic: line.topic, channel: line.channel ?? "",
      identities: try IdentityArguments.parse(line.identities), state: SignalState(text: line.state)
    )
    let plans: [SignalPlan]
    do throws(SignalPlanError) {
      plans =
        line.allChannels
        ? try SignalPlanner.planTopic(signal, in: workspace, verify: line.verify).calls
        : [try SignalPlanner.plan(signal, in: workspace, verify: line.verify)]
    } catch {
      var message = error.message
      if error.kind == .missingIdentity, let space = error.identitySpaces.first {
        message += " Give one, e.g. --identity \(space)=VALUE."
      }
      printError(command: "send", message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    switch format {
    case .curl:
      print(plans.map(curlScript).joined(separator: "\n"))
      return
    case .json where line.dryRun:
      let documents = plans.map { SignalPlanDocument($0, environment: environment) }
      print(line.allChannels ? stableJSON(documents) : stableJSON(documents[0]))
      return
    case .text:
      printText(
        Array(
          plans.map { SignalTextRenderer.plan($0, environment: environment) }
            .joined(separator: [""])))
      if line.dryRun { return }
      print("")
    case .json:
      break
    }
    var keys: [String] = []
    do {
      for plan in plans {
        keys.append(
          try APIKeyResolver.resolve(
            plan.keySource, connection: plan.connection, environment: environment))
      }
    } catch {
      printError(command: "send", error.message)
      throw ExitCode(SignalCommandSupport.Status.unusable)
    }
    let journal = SignalJournal(workspacePath: path)
    let sender = SignalSender(
      client: RuntimeEnvironment(variables: environment).client(), journal: journal)
    let calls = Array(zip(plans, keys))
    let results = await SignalCommandSupport.cancellingOnInterrupt(preferring: executor) {
      var results: [SignalResult] = []
      for (plan, key) in calls {
        let result = await sender.send(plan, key: key)
        results.append(result)
        if result.entry.outcome.kind == .cancelled { break }
      }
      return results
    }
    if format == .json {
      print(line.allChannels ? stableJSON(results.map(\.entry)) : stableJSON(results[0].entry))
    } else {
      printText(results.flatMap { SignalTextRenderer.result($0, journalPath: journal.path) })
    }
    try finish(results)
  }

  /// Exits with the worst status of the calls (see the exit statuses in the help).
  private func finish(_ results: [SignalResult]) throws {
    var worst: Int32 = 0
    for result in results {
      do {
        try finish(result)
      } catch let exit as ExitCode {
        worst = max(worst, exit.rawValue)
      }
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  private func finish(_ result: SignalResult) throws {
    var status = SignalCommandSupport.status(for: result.entry.outcome)
    if status != 0 {
      printError(command: "send", result.entry.outcome.message)
    } else if let verification = result.entry.verification, !verification.matches {
      printError(command: "send", verification.message)
      status = SignalCommandSupport.Status.refused
    }
    if let journalError = result.journalError {
      printError(command: "send", "the send was not journaled: " + journalError.message)
      if status == 0 { status = SignalCommandSupport.Status.refused }
    }
    if status != 0 { throw ExitCode(status) }
  }

  private func curlScript(_ plan: SignalPlan) -> String {
    // The comments are for a person and escaped; the commands are shell-quoted by
    // CurlCommand and printed exactly, as they are to be run.
    let variable = CurlCommand.keyVariable(for: plan.keySource)
    let keyNote =
      switch plan.keySource {
      case .environment(let name) where name == variable:
        "The key is read from $\(variable), the variable of connection \(plan.connection)."
      case .environment(let name):
        "Set \(variable) to the key of connection \(plan.connection) ($\(name)) first."
      case .inline:
        "Set \(variable) to the key stored inline at connections[\(plan.connection)]"
          + ".apiKey.value first."
      }
    var parts = [
      TerminalText.escaped(
        "# \(plan.signal.topic)/\(plan.signal.channel) \(plan.state.rawValue) for "
          + "\(plan.identitySpace)=\(plan.identityValue). " + keyNote)
    ]
    for request in plan.requests {
      parts.append("# \(request.purpose.rawValue), needs \(request.permission.rawValue)")
      parts.append(CurlCommand.render(request, keyVariable: variable))
    }
    return parts.joined(separator: "\n")
  }
}
