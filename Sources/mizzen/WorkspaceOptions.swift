import ArgumentParser
import Foundation
import MizzenRuntime

/// `--workspace PATH`, resolved as SPEC §5 says: the option, else `$MIZZEN_WORKSPACE`,
/// else `./mizzen.json`.
struct WorkspaceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.",
      valueName: "path"), completion: .file())
  var workspace: String?

  /// The absolute path of the workspace file to use.
  var resolvedPath: String {
    Self.resolve(workspace)
  }

  /// The absolute path of the workspace file `workspace` (the option's value, if given)
  /// names; `variable` is `$MIZZEN_WORKSPACE`, for a caller that has read the environment.
  static func resolve(
    _ workspace: String?,
    variable: String? = RuntimeEnvironment.processVariable("MIZZEN_WORKSPACE")
  ) -> String {
    let chosen = workspace ?? variable.flatMap { $0.isEmpty ? nil : $0 } ?? "mizzen.json"
    return AbsolutePath.of(chosen)
  }
}
