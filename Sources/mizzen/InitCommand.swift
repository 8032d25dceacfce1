import ArgumentParser
import Foundation
import MizzenCore

/// `mizzen init [PATH]`: writes an empty, valid workspace and never overwrites a file.
struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write an empty workspace file.",
    discussion: """
      Writes a valid, empty workspace at PATH (default: the resolved workspace, see \
      --workspace). An existing file is never overwritten.

      Exit status: 0 written, 1 the file already exists, 2 it could not be written (for \
      example its folder does not exist).
      """
  )

  @Argument(help: ArgumentHelp("Where to write the workspace.", valueName: "path"))
  var path: String?

  @Option(help: "The workspace's name. Default: the file name without its extension.")
  var name: String?

  @OptionGroup var options: WorkspaceOptions

  func run() async throws {
    let target =
      path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? options.resolvedPath
    if FileManager.default.fileExists(atPath: target) {
      printError("\(target) already exists; it was not changed.")
      throw ExitCode(1)
    }
    let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
      printError(
        command: "init", "the folder \(folder) does not exist; create it first (mkdir -p).")
      throw ExitCode(2)
    }
    if !isFolder.boolValue {
      printError(command: "init", "\(folder) is not a folder.")
      throw ExitCode(2)
    }
    let defaultName = URL(fileURLWithPath: target).deletingPathExtension().lastPathComponent
    let workspace = Workspace(name: name ?? defaultName)
    do {
      try WorkspaceStore(path: target).save(workspace, expecting: nil)
    } catch {
      printError(error.message)
      throw ExitCode(2)
    }
    printText("Wrote an empty workspace to \(target).")
  }
}
