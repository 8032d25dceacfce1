import MizzenCore

/// Work the console asks its caller to do: `update` returns effects instead of doing I/O.
///
/// The caller performs each effect (with `WorkspaceStore`) and feeds the outcome back as
/// `.effectCompleted(EffectResult)`.
public enum Effect: Sendable, Equatable {
  /// Write the whole workspace, refusing if the file is no longer at `expecting`
  /// (nil: the file must not exist yet). Answer with `.saved` or `.saveFailed`.
  case save(Workspace, expecting: FileRevision?)
  /// Read the workspace file again. Answer with `.reloaded` or `.reloadFailed`.
  case reload
  /// Leave the console and restore the terminal.
  case quit
  /// Test-send work: network calls and remembered identity values.
  case signal(SignalEffect)
  /// Validate the whole workspace (`ValidationRequest.run`) away from the key loop. Answer
  /// with `.validated`.
  case validate(ValidationRequest)
}

/// The outcome of an `Effect`, fed back to `update` as `.effectCompleted`.
public enum EffectResult: Sendable {
  /// The save succeeded; the file is now at this revision.
  case saved(FileRevision)
  /// The save was refused (`.conflict` when the file changed on disk) or failed.
  case saveFailed(StoreError)
  case reloaded(LoadedWorkspace)
  case reloadFailed(StoreError)
  case signal(SignalEffectResult)
  /// The problems of the workspace version the request named.
  case validated(ValidationResult)
}
