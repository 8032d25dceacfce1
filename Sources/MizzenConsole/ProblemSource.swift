import MizzenCore

/// Where the console gets a workspace's problems from.
enum ProblemSource {
  static func problems(in workspace: Workspace) -> [Problem] {
    []
  }
}
