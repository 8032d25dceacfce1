import MizzenCore

/// How the console was started: settings that do not change while it runs, except that
/// `:w!` lifts a read-only mode that the file itself imposed.
public struct ConsoleOptions: Equatable, Sendable {
  /// True with `--read-only`, or when the file should not be written (`readOnlyReason`):
  /// every change is disabled, and says so.
  public var readOnly: Bool
  /// Why the file itself is read-only (its mode, owner or folder); nil with `--read-only`.
  public var readOnlyReason: ReadOnlyReason?
  /// The workspace file, as shown in the header.
  public var workspacePath: String
  /// The environment variables that are set and not empty, by name (values are never
  /// kept), so that the test-send preview can warn about a key variable that is not set;
  /// nil when unknown (then it does not warn).
  public var environmentNames: Set<String>?
  /// The keys: the defaults with config.json's remaps (`BindingTable.remapped`).
  public var bindings: BindingTable
  /// Workspaces of up to this many records are validated within `update`, in a few
  /// milliseconds; larger ones by `Effect.validate`, away from the key loop.
  public var inlineValidationLimit: Int

  public init(
    readOnly: Bool = false, readOnlyReason: ReadOnlyReason? = nil, workspacePath: String,
    environmentNames: Set<String>? = nil, bindings: BindingTable = .standard,
    inlineValidationLimit: Int = 2_000
  ) {
    self.readOnly = readOnly || readOnlyReason != nil
    self.readOnlyReason = readOnlyReason
    self.workspacePath = workspacePath
    self.environmentNames = environmentNames
    self.bindings = bindings
    self.inlineValidationLimit = inlineValidationLimit
  }
}
